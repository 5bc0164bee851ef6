#include "readers/cash_register_reader.hpp"

#include "model/identifier.hpp"
#include "readers/amount_problem.hpp"
#include "readers/csv_register.hpp"
#include "readers/input_source.hpp"
#include "readers/ledger_date.hpp"
#include "readers/sha256.hpp"
#include "support/text.hpp"
#include "support/visible_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <unordered_map>

namespace poolkit {

namespace {

// The register's columns (SPEC §10), the first five required.
enum Col : std::size_t { c_date, c_ref, c_partner, c_kind, c_amount, c_period, c_note, c_count };
constexpr std::array<std::string_view, c_count> column_names = {
    "date", "ref", "partner", "kind", "amount", "period", "note"};
constexpr std::size_t required_columns = c_period;
constexpr const char* header_example = "date,ref,partner,kind,amount (and optionally period,note)";

constexpr RegisterLayout layout{column_names, required_columns, "the cash register",
                                header_example};

class Reader {
  public:
    Reader(const Agreement& a, const std::string& file, CashRegisterRead& out,
           const RegisterProfile* profile)
        : a_(a), file_(file), out_(out), profile_(profile),
          date_(*DateFormat::compile(profile ? profile->layout.date_format : "%Y-%m-%d")) {
        out_.cash = CashRegister(a.partners.size());
    }

    void run(std::string_view text) {
        RegisterReader in(text, file_, layout, profile_);
        out_.header = in.header();
        RegisterRow r;
        while (in.next(r))
            row(in, r);
    }

  private:
    // A total plus an amount, checked (SPEC §2), the overflow named at the row.
    void add(Money& total, Money amount, const SourceLocation& at, const char* what) {
        try {
            total += amount;
        } catch (const Error&) {
            throw Error(ErrorKind::arithmetic, at,
                        fmt::format("this row's amount ({}) takes the register's {} beyond "
                                    "±92,233,720,368,547,758.07, the most poolkit adds up "
                                    "exactly; is an amount wrong?",
                                    format_plain(amount), what));
        }
    }

    void reject(const RegisterRow& r, long col, std::string reason, std::optional<Money> amount) {
        CashReject x{file_, r.line, col, std::move(reason), RegisterReader::fields(r), amount};
        ControlTotals& t = out_.totals.rows;
        ++t.lines_rejected;
        if (amount) add(t.total_rejected, *amount, x.where(), "total rejected");
        out_.rejects.push_back(std::move(x));
    }

    // Why a row of `kind` for partner `p` with `amount` has no place in this register, or "";
    // `col` is set to the column at fault.
    std::string misplaced(CashKind kind, std::size_t p, Money amount, Col& col) const {
        col = c_kind;
        const CashKindInfo& k = cash_kind_info(kind);
        bool pooled = a_.kind == AgreementKind::pooled, joint = a_.kind == AgreementKind::joint;
        if (!(pooled && k.pooled) && !(joint && k.joint)) {
            if (!pooled && !joint)
                return fmt::format("kind {}: an aligned budget moves no money between the "
                                   "partners (SPEC §1), so it has no cash register",
                                   k.keyword);
            std::vector<std::string> allowed;
            for (const auto& o : cash_kinds)
                if (pooled ? o.pooled : o.joint) allowed.push_back(o.keyword);
            return fmt::format("kind {} has no place in a {} register: its rows are {}", k.keyword,
                               pooled ? "pooled fund's" : "joint budget's", and_list(allowed));
        }
        col = c_partner;
        if (a_.is_host(PartnerIndex{p}) && !k.host)
            return fmt::format("a {} row names the host {}: a row's partner is the one on the "
                               "other side from the host (only the host's own contribution may "
                               "be recorded)",
                               k.keyword, a_.partners[p].id);
        col = c_amount;
        if (amount.is_negative() && !k.negative)
            return fmt::format("a {} is a positive amount, not {} (SPEC §10)", k.keyword,
                               format_plain(amount));
        return "";
    }

    void row(const RegisterReader& in, const RegisterRow& r) {
        ControlTotals& t = out_.totals.rows;
        ++t.lines_read;
        const std::uint64_t line = r.line;
        SourceLocation at{file_, static_cast<long>(line), 0};
        if (!r.problem.empty()) return reject(r, 0, r.problem, std::nullopt);

        std::string ref = in.field(r, c_ref);
        // Every row with a ref counts for "used twice anywhere in the register" (SPEC §10),
        // rejected or not: the first use is the one that stands.
        std::optional<std::uint64_t> first_use;
        if (!ref.empty()) {
            auto [it, fresh] = refs_.try_emplace(ref, Use{line, out_.rejects.size()});
            if (!fresh) first_use = it->second.line;
        }
        auto first_rejected = [&] {
            const Use& u = refs_.at(ref);
            return u.rejects_before < out_.rejects.size() &&
                   out_.rejects[u.rejects_before].line == u.line;
        };

        std::string amount_text = in.field(r, c_amount);
        MoneyParse m = parse_money(amount_text, in.quoted(r, c_amount));
        std::optional<Money> amount;
        if (m) {
            amount = m.value;
            add(t.total_read, m.value, {file_, static_cast<long>(line), in.column(c_amount)},
                "total read");
        }
        auto fail = [&](Col c, std::string why) { reject(r, in.column(c), why, amount); };
        if (!m)
            return fail(c_amount, fmt::format("bad amount {}: {}", shown_value(amount_text),
                                              amount_problem(amount_text, m.error, true)));

        std::string date_text = in.field(r, c_date);
        auto date = date_.parse(date_text);
        if (!date)
            return fail(c_date, fmt::format("bad date {} (expected {}, a real day)",
                                            shown_value(date_text), date_.example()));

        std::string partner = in.field(r, c_partner);
        auto p = a_.partner_index(partner);
        if (!p) return fail(c_partner, unknown_partner(a_, partner));

        std::string kind_text = in.field(r, c_kind);
        auto kind = parse_cash_kind(kind_text);
        if (!kind) {
            std::vector<std::string> all;
            for (auto k : cash_kind_keywords())
                all.emplace_back(k);
            return fail(c_kind,
                        fmt::format("unknown kind {} (the kinds: {}){}", shown_value(kind_text),
                                    and_list(all), did_you_mean(kind_text, cash_kind_keywords())));
        }
        Col at_fault = c_kind;
        if (std::string why = misplaced(*kind, to_size(*p), m.value, at_fault); !why.empty())
            return fail(at_fault, why);

        std::optional<Period> stated;
        std::string period_text = in.field(r, c_period);
        if (!period_text.empty()) {
            stated = a_.year.parse_period(period_text);
            if (!stated)
                return fail(c_period,
                            fmt::format("period {} is not a period of the financial year {} "
                                        "(P01 to P12, or {} to {})",
                                        shown_value(period_text), a_.year.label(),
                                        a_.year.period_ym(Period::first()),
                                        a_.year.period_ym(Period::last())));
        }
        auto period = cash_row_period(a_.year, date->year, date->month, stated);
        if (!period)
            return fail(c_date,
                        fmt::format("date {} is before the financial year {} (from {}): give the "
                                    "row a period{} that puts it inside the year",
                                    date_text, a_.year.label(), a_.year.start_date(),
                                    !in.has(c_period) ? " (add a period column)" : ""));

        if (ref.empty()) return fail(c_ref, "empty ref: every row needs a ref of its own");
        if (first_use)
            return fail(c_ref,
                        fmt::format("duplicate ref {}: first used on line {}{}", shown_value(ref),
                                    *first_use, first_rejected() ? " (itself rejected)" : ""));

        CashRow row{date_text, std::move(ref), to_size(*p),         *kind,
                    m.value,   *period,        in.field(r, c_note), at};
        out_.cash.add(std::move(row)); // may throw at the row: nothing counted yet
        auto k = static_cast<std::size_t>(*kind);
        add(t.total_accepted, m.value, at, "total accepted");
        add(out_.totals.accepted_by_kind[k], m.value, at,
            fmt::format("total of {} rows", cash_kind_keyword(*kind)).c_str());
        ++t.lines_accepted;
        ++out_.totals.accepted_rows_by_kind[k];
    }

    struct Use {
        std::uint64_t line;
        std::size_t rejects_before; // how many rows were rejected before it
    };

    const Agreement& a_;
    const std::string& file_;
    CashRegisterRead& out_;
    const RegisterProfile* profile_;
    DateFormat date_; // the register's, or its profile's (SPEC §11)
    std::unordered_map<std::string, Use> refs_;
};

} // namespace

const RegisterLayout& cash_register_layout() {
    return layout;
}

CashRegisterRead parse_cash_register(const Agreement& agreement, std::string_view text,
                                     const std::string& file, const RegisterProfile* profile) {
    CashRegisterRead out;
    out.input = InputFile{"cash", file, text.size(), sha256_hex(text)};
    Reader(agreement, file, out, profile).run(text);
    return out;
}

CashRegisterRead read_cash_register(const Agreement& agreement, const std::string& path,
                                    const RegisterProfile* profile) {
    // The bytes' record (size, SHA-256) is made from the text itself, as for a text given whole.
    return parse_cash_register(agreement, read_input(path, "cash register").text, path, profile);
}

} // namespace poolkit
