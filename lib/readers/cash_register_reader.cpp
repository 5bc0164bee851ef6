#include "readers/cash_register_reader.hpp"

#include "model/identifier.hpp"
#include "readers/input_source.hpp"
#include "readers/ledger_csv.hpp"
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

// A value from the file as a message shows it: quoted, cut short at a character boundary,
// control characters written out (visible_text.hpp).
std::string shown_value(std::string_view s) {
    if (s.empty()) return "(empty)";
    std::size_t cut = std::min<std::size_t>(s.size(), 60);
    while (cut > 0 && cut < s.size() && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80)
        --cut;
    return "\"" + visible(s.substr(0, cut)) + (cut < s.size() ? "...\"" : "\"");
}

// A header name as the register's column it names: case and surrounding blanks aside.
std::optional<std::size_t> column_of(std::string_view name) {
    auto blank = [](char c) { return c == ' ' || c == '\t'; };
    while (!name.empty() && blank(name.front()))
        name.remove_prefix(1);
    while (!name.empty() && blank(name.back()))
        name.remove_suffix(1);
    for (std::size_t c = 0; c < c_count; ++c)
        if (std::equal(
                name.begin(), name.end(), column_names[c].begin(), column_names[c].end(),
                [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; }))
            return c;
    return std::nullopt;
}

// An unquoted field holding a carriage return: one that ends no line (the scanner drops the CR
// of CRLF), so the file's lines end in CR alone or one crept into the row.
bool holds_bare_cr(const CsvRecord& r) {
    std::size_t n = std::min<std::size_t>(r.fields, CsvRecord::max_fields);
    for (std::size_t i = 0; i < n; ++i)
        if (!r.field[i].quoted && r.field[i].raw().find('\r') != std::string_view::npos)
            return true;
    return false;
}

class Reader {
  public:
    Reader(const Agreement& a, const std::string& file, CashRegisterRead& out)
        : a_(a), file_(file), out_(out) {
        out_.cash = CashRegister(a.partners.size());
    }

    void run(std::string_view text) {
        if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3); // a UTF-8 BOM
        // The scanner reads ahead in blocks of 64 bytes: give it readable padding.
        std::string buf(text);
        buf.append(scan_padding, '\0');
        CsvScanner scan(buf.data(), buf.data() + text.size(), ',');
        CsvRecord r;
        if (!scan.next(r) || r.blank())
            throw Error(ErrorKind::input, {file_, 1, 0},
                        fmt::format("no header row: the cash register starts with the row of its "
                                    "column names, {}",
                                    header_example));
        header(r);
        std::uint64_t line = 1 + r.newlines;
        while (scan.next(r)) {
            if (!r.blank()) row(r, line);
            line += r.newlines;
        }
    }

  private:
    void header(const CsvRecord& r) {
        if (holds_bare_cr(r) || r.bad_quoting)
            throw Error(ErrorKind::input, {file_, 1, 0},
                        r.bad_quoting ? "bad quoting in the header row: quote a whole name, and "
                                        "write a quote inside it as \"\""
                                      : "the header row holds a carriage return (CR) that ends "
                                        "no line: end each line with LF or CRLF, not CR alone "
                                        "(old Mac line endings)");
        ncols_ = r.fields;
        col_.fill(-1);
        std::size_t n = std::min<std::size_t>(r.fields, CsvRecord::max_fields);
        for (std::size_t i = 0; i < n; ++i) {
            std::string name = unescape(r.field[i]);
            out_.header.push_back(name);
            SourceLocation at{file_, 1, static_cast<long>(i + 1)};
            auto c = column_of(name);
            if (name.find_first_not_of(" \t") == std::string::npos)
                throw Error(ErrorKind::input, at,
                            fmt::format("column {} of the header has no name (a comma too many?): "
                                        "the cash register's columns are {}",
                                        i + 1, header_example));
            if (!c) {
                std::vector<std::string_view> names(column_names.begin(), column_names.end());
                throw Error(ErrorKind::input, at,
                            fmt::format("unknown column {}: the cash register's columns are {}{}",
                                        shown_value(name), header_example,
                                        did_you_mean(name, names)));
            }
            if (col_[*c] >= 0)
                throw Error(ErrorKind::input, at,
                            fmt::format("the header names the column \"{}\" twice (columns {} "
                                        "and {}): remove one, so that it is clear which is meant",
                                        column_names[*c], col_[*c] + 1, i + 1));
            col_[*c] = static_cast<int>(i);
        }
        for (std::size_t c = 0; c < required_columns; ++c) {
            if (col_[c] >= 0) continue;
            std::string has;
            for (const auto& name : out_.header)
                has += (has.empty() ? "" : ", ") + shown_value(name);
            throw Error(ErrorKind::input, {file_, 1, 0},
                        fmt::format("no column \"{}\" (the header has: {}); the cash register's "
                                    "columns are {}",
                                    column_names[c], has, header_example));
        }
    }

    std::string field(const CsvRecord& r, Col c) const {
        return col_[c] < 0 ? std::string() : unescape(r.field[col_[c]]);
    }
    long column(Col c) const { return col_[c] + 1; }

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

    void reject(const CsvRecord& r, std::uint64_t line, long col, std::string reason,
                std::optional<Money> amount) {
        CashReject x;
        x.row.file = file_;
        x.row.line = line;
        x.row.reason = std::move(reason);
        x.row.amount = amount;
        std::size_t n = std::min<std::size_t>(r.fields, CsvRecord::max_fields);
        for (std::size_t i = 0; i < n; ++i)
            x.row.fields.push_back(unescape(r.field[i]));
        x.column = col;
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
        if (a_.host && p == *a_.host && !k.host)
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

    void row(const CsvRecord& r, std::uint64_t line) {
        ControlTotals& t = out_.totals.rows;
        ++t.lines_read;
        SourceLocation at{file_, static_cast<long>(line), 0};
        if (r.bad_quoting) {
            reject(r, line, 0,
                   "bad quoting: a field's quotes do not open and close around it (quote a whole "
                   "field, and write a quote inside it as \"\")",
                   std::nullopt);
            return;
        }
        if (holds_bare_cr(r)) {
            reject(r, line, 0,
                   "a carriage return (CR) that ends no line splits the row: end each line with "
                   "LF or CRLF, not CR alone (old Mac line endings)",
                   std::nullopt);
            return;
        }
        if (r.fields != ncols_) {
            reject(r, line, 0,
                   fmt::format("wrong number of fields: {}, the header has {}", r.fields, ncols_),
                   std::nullopt);
            return;
        }

        std::string ref = field(r, c_ref);
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
                   out_.rejects[u.rejects_before].row.line == u.line;
        };

        std::string amount_text = field(r, c_amount);
        MoneyParse m = parse_money(amount_text, r.field[col_[c_amount]].quoted);
        std::optional<Money> amount;
        if (m) {
            amount = m.value;
            add(t.total_read, m.value, {file_, static_cast<long>(line), column(c_amount)},
                "total read");
        }
        auto fail = [&](Col c, std::string why) { reject(r, line, column(c), why, amount); };
        if (!m)
            return fail(c_amount, fmt::format("bad amount {}: {}", shown_value(amount_text),
                                              describe(m.error)));

        static const DateFormat iso = *DateFormat::compile("%Y-%m-%d");
        std::string date_text = field(r, c_date);
        auto date = iso.parse(date_text);
        if (!date)
            return fail(c_date, fmt::format("bad date {} (expected YYYY-MM-DD, a real day)",
                                            shown_value(date_text)));

        std::string partner = field(r, c_partner);
        auto p = a_.partner_index(partner);
        if (!p) {
            std::vector<std::string> ids;
            std::vector<std::string_view> views;
            for (const auto& x : a_.partners)
                ids.push_back(x.id);
            for (const auto& id : ids)
                views.push_back(id);
            auto problem = partner.empty() ? std::nullopt : id_problem(partner);
            return fail(c_partner,
                        fmt::format("unknown partner {}{}; the agreement's partners are {}{}",
                                    shown_value(partner), problem ? ": " + *problem : "",
                                    and_list(ids), did_you_mean(partner, views)));
        }

        std::string kind_text = field(r, c_kind);
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
        std::string period_text = field(r, c_period);
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
                                    col_[c_period] < 0 ? " (add a period column)" : ""));

        if (ref.empty()) return fail(c_ref, "empty ref: every row needs a ref of its own");
        if (first_use)
            return fail(c_ref,
                        fmt::format("duplicate ref {}: first used on line {}{}", shown_value(ref),
                                    *first_use, first_rejected() ? " (itself rejected)" : ""));

        CashRow row{date_text, std::move(ref), to_size(*p),      *kind,
                    m.value,   *period,        field(r, c_note), at};
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
    std::uint32_t ncols_ = 0;
    std::array<int, c_count> col_{};
    std::unordered_map<std::string, Use> refs_;
};

} // namespace

CashRegisterRead parse_cash_register(const Agreement& agreement, std::string_view text,
                                     const std::string& file) {
    CashRegisterRead out;
    out.input = InputFile{"cash", file, text.size(), sha256_hex(text)};
    Reader(agreement, file, out).run(text);
    return out;
}

CashRegisterRead read_cash_register(const Agreement& agreement, const std::string& path) {
    InputText in = read_input(path, "cash register");
    CashRegisterRead out;
    out.input = in.record;
    out.input.role = "cash";
    Reader(agreement, path, out).run(in.text);
    return out;
}

} // namespace poolkit
