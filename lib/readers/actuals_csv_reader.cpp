#include "readers/actuals_csv_reader.hpp"

#include "readers/input_source.hpp"
#include "readers/ledger_csv.hpp"
#include "readers/ledger_reasons.hpp"
#include "support/error.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>

namespace poolkit {

namespace {

enum Column : std::size_t { partner, scheme, period, lines, amount, income, columns };
constexpr std::array<std::string_view, columns> column_names = {"partner", "scheme", "period",
                                                                "lines",   "amount", "income"};
constexpr const char* header_text = "partner,scheme,period,lines,amount,income";

// Where each column is, from the header (column order is free, as a ledger's is: SPEC §4).
std::array<std::size_t, columns> read_header(const CsvRecord& r, const SourceLocation& at) {
    std::array<std::size_t, columns> where;
    where.fill(columns);
    auto wrong = [&](const std::string& what) {
        return Error(ErrorKind::input, at,
                     fmt::format("not an actuals file: {}; the header must be `{}` (what "
                                 "pool-actuals --format csv writes, SPEC §5)",
                                 what, header_text));
    };
    for (std::uint32_t i = 0; i < r.fields && i < CsvRecord::max_fields; ++i) {
        const std::string name = unescape(r.field[i]);
        std::size_t c = 0;
        while (c < columns && column_names[c] != name)
            ++c;
        if (c == columns) throw wrong(fmt::format("column {} is {}", i + 1, shown_value(name)));
        if (where[c] != columns) throw wrong(fmt::format("column `{}` is given twice", name));
        where[c] = i;
    }
    for (std::size_t c = 0; c < columns; ++c)
        if (where[c] == columns) throw wrong(fmt::format("no `{}` column", column_names[c]));
    return where;
}

// `lines`: a whole number from 1 (a cell with no line in it is never written).
std::optional<std::uint64_t> parse_lines(std::string_view s) {
    std::uint64_t n = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    if (ec != std::errc() || end != s.data() + s.size() || n == 0) return std::nullopt;
    return n;
}

// An amount as the contract writes it (docs/scaling.md): no thousands separators, quoted or not.
MoneyParse read_amount(const std::string& text, const SourceLocation& at) {
    MoneyParse m = parse_money(text);
    if (m.error == MoneyParseError::bad_grouping)
        throw Error(ErrorKind::input, at,
                    fmt::format("bad amount {}: an aggregate's amounts have no thousands "
                                "separators (e.g. 1234.56)",
                                shown_value(text)));
    if (!m) throw Error(ErrorKind::input, at, bad_amount_reason(text, m.error));
    return m;
}

} // namespace

LedgerRun read_actuals_csv(const Agreement& a, const std::string& path) {
    InputText in = read_input(path, "actuals");
    LedgerRun run;
    run.inputs.push_back(in.record);
    const std::string name = path == "-" ? "<stdin>" : path; // as other inputs' messages say
    std::string& text = in.text;
    std::size_t start = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    const std::size_t size = text.size();
    text.append(scan_padding, '\0');

    Actuals act(a.partners.size(), a.schemes.size());
    LedgerFileTotals file{path, {}, std::vector<std::uint16_t>(a.partners.size(), 0)};
    std::vector<std::uint64_t> first_line(a.partners.size() * a.schemes.size() * Period::count, 0);
    std::optional<std::array<std::size_t, columns>> where;
    CsvScanner scan(text.data() + start, text.data() + size, ',');
    CsvRecord r;
    long line_no = 1;
    while (scan.next(r)) {
        const long at_line = line_no;
        line_no += r.newlines;
        if (r.blank()) continue;
        auto at = [&](std::size_t column) {
            return SourceLocation{name, at_line,
                                  where ? static_cast<long>((*where)[column] + 1) : 0};
        };
        if (r.bad_quoting) throw Error(ErrorKind::input, {name, at_line, 0}, bad_quoting_reason());
        if (!where) {
            where = read_header(r, {name, at_line, 0});
            continue;
        }
        if (r.fields != columns)
            throw Error(ErrorKind::input, {name, at_line, 0},
                        wrong_field_count_reason(r.fields, columns));
        auto cell = [&](Column c) { return unescape(r.field[(*where)[c]]); };
        const std::string partner_id = cell(partner), scheme_id = cell(scheme);
        const std::string period_text = cell(period), amount_text = cell(amount);
        const std::string income_text = cell(income), lines_text = cell(lines);
        auto p = a.partner_index(partner_id);
        if (!p) throw Error(ErrorKind::input, at(partner), unknown_partner_reason(partner_id, &a));
        auto s = a.scheme_index(scheme_id);
        if (!s) throw Error(ErrorKind::input, at(scheme), unknown_scheme_reason(scheme_id, &a));
        // A month YYYY-MM, as pool-actuals writes it; P06 is the agreement's own way of saying it,
        // not the aggregate's.
        auto m = period_text.size() == 7 && period_text[4] == '-' ? a.year.parse_period(period_text)
                                                                  : std::nullopt;
        if (!m)
            throw Error(ErrorKind::input, at(period),
                        fmt::format("bad period {}: give a month of {} as YYYY-MM ({} to {})",
                                    shown_value(period_text), a.year.label(),
                                    a.year.period_ym(Period::first()),
                                    a.year.period_ym(Period::last())));
        auto n = parse_lines(lines_text);
        if (!n)
            throw Error(ErrorKind::input, at(lines),
                        fmt::format("bad line count {}: give the number of ledger lines in the "
                                    "cell, a whole number from 1",
                                    shown_value(lines_text)));
        const MoneyParse money = read_amount(amount_text, at(amount));
        const MoneyParse inc = read_amount(income_text, at(income));
        if (inc.value.is_negative())
            throw Error(ErrorKind::input, at(income),
                        fmt::format("income {}: the income received is 0.00 or more (SPEC §5: "
                                    "expenditure = amount + income)",
                                    shown_value(income_text)));
        std::uint64_t& first =
            first_line[(to_size(*p) * a.schemes.size() + to_size(*s)) * Period::count + m->index()];
        if (first)
            throw Error(ErrorKind::input, {name, at_line, 0},
                        fmt::format("partner {}, scheme {}, period {} is given twice (first at "
                                    "line {}): an aggregate has one row a cell",
                                    partner_id, scheme_id, period_text, first));
        if (file.control.lines_read + *n < file.control.lines_read)
            throw Error(ErrorKind::input, at(lines),
                        "the line counts add up to more than a 64-bit count holds: this is not "
                        "an aggregate pool-actuals wrote");
        first = static_cast<std::uint64_t>(at_line);
        act.add(*p, *s, *m, money.value, *n, inc.value);
        file.control.total_income += inc.value;
        file.control.lines_read += *n;
        file.control.total_read += money.value;
        file.periods_by_partner[to_size(*p)] |= static_cast<std::uint16_t>(1u << m->index());
    }
    if (!where)
        throw Error(ErrorKind::input, {name, 0, 0},
                    fmt::format("the actuals file is empty: it needs the header `{}` (what "
                                "pool-actuals --format csv writes)",
                                header_text));
    // Every line of an aggregate was accepted by the reader that made it (SPEC §4).
    file.control.lines_accepted = file.control.lines_read;
    file.control.total_accepted = file.control.total_read;
    act.control = file.control;
    run.control = file.control;
    run.actuals = std::move(act);
    run.year = a.year;
    run.files.push_back(std::move(file));
    return run;
}

} // namespace poolkit
