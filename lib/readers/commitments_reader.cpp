#include "readers/commitments_reader.hpp"

#include "readers/amount_problem.hpp"
#include "readers/input_source.hpp"
#include "readers/ledger_date.hpp"
#include "readers/sha256.hpp"
#include "support/text.hpp"

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <cstdint>
#include <limits>
#include <unordered_map>

namespace poolkit {

namespace {

// The register's columns (SPEC §12), all but the last required.
enum Col : std::size_t {
    c_case,
    c_partner,
    c_scheme,
    c_type,
    c_weekly_cost,
    c_start,
    c_end,
    c_status,
    c_decision_date,
    c_count
};
constexpr std::array<std::string_view, c_count> column_names = {
    "case", "partner", "scheme", "type", "weekly_cost", "start", "end", "status", "decision_date"};
constexpr RegisterLayout layout{column_names, c_decision_date, "the commitments register",
                                "case,partner,scheme,type,weekly_cost,start,end,status (and "
                                "optionally decision_date)"};

class Reader {
  public:
    Reader(const Agreement& a, const std::string& file, CommitmentsRead& out)
        : a_(a), file_(file), out_(out) {}

    void run(std::string_view text) {
        RegisterReader in(text, file_, layout);
        RegisterRow r;
        while (in.next(r))
            row(in, r);
    }

  private:
    void add(Money& total, Money amount, const SourceLocation& at) {
        add_to_total(total, amount, at, "weekly cost", "the register's total");
    }

    void reject(const RegisterRow& r, long col, std::string reason, std::optional<Money> amount) {
        RegisterReject x{file_, r.line, col, std::move(reason), RegisterReader::fields(r), amount};
        ++out_.totals.lines_rejected;
        if (amount) add(out_.totals.total_rejected, *amount, x.where());
        out_.rejects.push_back(std::move(x));
    }

    std::optional<Day> date(const RegisterReader& in, const RegisterRow& r, Col c,
                            std::string& why) const {
        static const DateFormat iso = *DateFormat::compile("%Y-%m-%d");
        std::string text = in.field(r, c);
        auto d = iso.parse(text);
        std::optional<Day> day = d ? day_of(d->year, d->month, d->day) : std::nullopt;
        if (!day)
            why = fmt::format("bad {} {} (expected YYYY-MM-DD, a real day)", column_names[c],
                              shown_value(text));
        return day;
    }

    void row(const RegisterReader& in, const RegisterRow& r) {
        ++out_.totals.lines_read;
        SourceLocation at{file_, static_cast<long>(r.line), 0};
        if (!r.problem.empty()) return reject(r, 0, r.problem, std::nullopt);

        std::string cost_text = in.field(r, c_weekly_cost);
        MoneyParse m = parse_money(cost_text, in.quoted(r, c_weekly_cost));
        std::optional<Money> cost;
        if (m) {
            cost = m.value;
            add(out_.totals.total_read, m.value, at);
        }
        auto fail = [&](Col c, std::string why) { reject(r, in.column(c), std::move(why), cost); };
        if (!m)
            return fail(c_weekly_cost, fmt::format("bad weekly cost {}: {}", shown_value(cost_text),
                                                   amount_problem(cost_text, m.error, true)));
        if (m.value.is_negative())
            return fail(c_weekly_cost,
                        fmt::format("a weekly cost is zero or more, not {}: a case that ends "
                                    "is given its end date, not a negative cost",
                                    format_plain(m.value)));

        // A row's cost is worked out over up to a year of days (SPEC §12): a weekly cost whose
        // year is beyond int64 pence cannot be costed, so it is rejected here, at its row.
        if (m.value.pence() > std::numeric_limits<std::int64_t>::max() / 366 * 7)
            return fail(c_weekly_cost,
                        fmt::format("weekly cost {} is too large to cost a year of (at most "
                                    "{} a week)",
                                    format_plain(m.value),
                                    format_plain(Money::from_pence(
                                        std::numeric_limits<std::int64_t>::max() / 366 * 7))));

        Commitment c;
        c.where = at;
        c.case_ref = in.field(r, c_case);
        if (c.case_ref.empty())
            return fail(c_case, "empty case: every row names its case by a pseudonymous "
                                "reference");
        auto p = a_.partner_index(in.field(r, c_partner));
        if (!p) return fail(c_partner, unknown_partner(a_, in.field(r, c_partner)));
        auto s = a_.scheme_index(in.field(r, c_scheme));
        if (!s) return fail(c_scheme, unknown_scheme(a_, in.field(r, c_scheme)));
        c.partner = *p;
        c.scheme = *s;
        c.type = in.field(r, c_type);
        if (c.type.empty())
            return fail(c_type, "empty type: say what kind of placement it is (residential, "
                                "foster, education...)");
        c.weekly_cost = m.value;

        std::string why;
        auto start = date(in, r, c_start, why);
        if (!start) return fail(c_start, why);
        c.start = *start;
        if (!in.field(r, c_end).empty()) {
            auto end = date(in, r, c_end, why);
            if (!end) return fail(c_end, why);
            if (*end < *start)
                return fail(c_end, fmt::format("end {} is before start {}: a row runs from its "
                                               "start to its end, both days included",
                                               iso_text(*end), iso_text(*start)));
            c.end = end;
        }
        std::string status = in.field(r, c_status);
        auto st = case_statuses.parse(status);
        if (!st)
            return fail(c_status, fmt::format("unknown status {} (the statuses: {}){}",
                                              shown_value(status), and_list(keyword_strings()),
                                              did_you_mean(status, case_statuses.keywords())));
        c.status = *st;
        if (c.status == CaseStatus::ended && !c.end)
            return fail(c_end, "an ended case needs its end date");
        if (in.has(c_decision_date) && !in.field(r, c_decision_date).empty()) {
            auto d = date(in, r, c_decision_date, why);
            if (!d) return fail(c_decision_date, why);
            c.decision_date = d;
        }

        // Rows of one case are its rates one after another: two on the same day would count it
        // twice (SPEC §12).
        auto& spans = cases_[c.case_ref];
        for (const Span& o : spans)
            if (c.start <= o.end && o.start <= c.end.value_or(Day::max()))
                return fail(
                    c_start,
                    fmt::format("case {} already runs on these dates (line {}, from {}{}): "
                                "a case whose rate changes has one row per rate, one "
                                "ending before the next starts",
                                shown_value(c.case_ref), o.line, iso_text(o.start),
                                o.end == Day::max() ? ", open-ended" : " to " + iso_text(o.end)));
        spans.push_back({c.start, c.end.value_or(Day::max()), r.line});

        if (looks_like_a_name(c.case_ref))
            out_.warnings.warning(
                {file_, static_cast<long>(r.line), in.column(c_case)},
                fmt::format("case {} looks like a name: the register holds pseudonymous "
                            "references only (a code such as C-0042), never a child's name",
                            shown_value(c.case_ref)));
        add(out_.totals.total_accepted, c.weekly_cost, at);
        ++out_.totals.lines_accepted;
        out_.register_.rows.push_back(std::move(c));
    }

    static std::vector<std::string> keyword_strings() {
        std::vector<std::string> out;
        for (auto k : case_statuses.keywords())
            out.emplace_back(k);
        return out;
    }

    struct Span {
        Day start, end; // end Day::max() when open-ended
        std::uint64_t line;
    };

    const Agreement& a_;
    const std::string& file_;
    CommitmentsRead& out_;
    std::unordered_map<std::string, std::vector<Span>> cases_;
};

} // namespace

bool looks_like_a_name(std::string_view case_ref) {
    bool letters = false;
    for (char ch : case_ref) {
        auto u = static_cast<unsigned char>(ch);
        if (std::isdigit(u)) return false;
        letters = letters || std::isalpha(u) || u >= 0x80;
    }
    return letters;
}

CommitmentsRead parse_commitments(const Agreement& agreement, std::string_view text,
                                  const std::string& file) {
    CommitmentsRead out;
    out.input = InputFile{"commitments", file, text.size(), sha256_hex(text)};
    Reader(agreement, file, out).run(text);
    return out;
}

CommitmentsRead read_commitments(const Agreement& agreement, const std::string& path) {
    // The bytes' record (size, SHA-256) is made from the text itself, as for a text given whole.
    return parse_commitments(agreement, read_input(path, "commitments register").text, path);
}

} // namespace poolkit
