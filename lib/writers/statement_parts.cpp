#include "writers/statement_parts.hpp"

#include "calc/reconciliation.hpp"
#include "money/money_words.hpp"
#include "writers/thousands_display.hpp"
#include "writers/variation_parts.hpp"

#include <fmt/format.h>

#include <span>
#include <tuple>
#include <utility>

namespace poolkit {

std::time_t statement_time(const Agreement& a, Period p) {
    std::tm t{};
    t.tm_year = a.year.year_of(p) - 1900;
    t.tm_mon = p.month() - 1;
    t.tm_mday = days_in_month(a.year.year_of(p), p.month());
    return timegm(&t) + 24 * 60 * 60;
}

std::string agreement_heading(const Agreement& a) {
    return fmt::format("{} ({})", a.title, a.id);
}

Document statement_document(const Agreement& a, std::string statement, std::string period,
                            Period at) {
    Document d({agreement_heading(a), std::move(statement), a.id, a.title, std::move(period)});
    d.set_created(statement_time(a, at));
    return d;
}

void add_schemes_section(Document& d, const Agreement& a, Table schemes,
                         const std::vector<SpendOutsideTerm>& outside_term, bool thousands) {
    if (thousands) d.paragraph(thousands_tables_note);
    d.heading("Schemes");
    d.table(std::move(schemes), "Schemes");
    add_variations(d, a);
    add_outside_term(d, a, outside_term);
}

Document finish_statement(Document& d, std::vector<std::string> ledger_lines, RunRecord run,
                          bool thousands, const std::function<void(Document&)>& as_read) {
    Document out = thousands ? document_in_thousands(d) : d;
    if (as_read) as_read(out);
    out.footer(std::move(ledger_lines), std::move(run));
    return out;
}

KindWords kind_words(AgreementKind kind) {
    // The phrase is the kind's wording in its keyword table; the column words are the writers'.
    const char* phrase = agreement_kinds.words(kind).data();
    switch (kind) {
    case AgreementKind::pooled:
        return {phrase, "Contribution", "Contributions"};
    case AgreementKind::aligned:
        return {phrase, "Own budget", "Own budgets"};
    case AgreementKind::joint:
        return {phrase, "Agreed share", "Agreed shares"};
    }
    return {"?", "Contribution", "Contributions"};
}

const char* kind_phrase(AgreementKind kind) {
    return kind_words(kind).phrase;
}

Table schedule_table(const Agreement& a, const ContributionSchedule& sched, bool with_total) {
    std::vector<Table::Column> cols{{"Period", false}};
    for (const auto& partner : a.partners)
        cols.push_back({partner.id, true});
    cols.push_back({"Total", true});
    Table t(std::move(cols));
    for (Period period : sched.periods) {
        std::vector<Cell> cells{text_cell(a.year.period_long(period))};
        for (std::size_t p = 0; p < a.partners.size(); ++p)
            cells.push_back(money_cell(sched.due[p][period], true));
        cells.push_back(money_cell(sched.period_total(period), true));
        t.add_row(std::move(cells));
    }
    if (!with_total) return t;
    t.add_rule();
    std::vector<Cell> total{text_cell("Total")};
    Money all;
    for (std::size_t p = 0; p < a.partners.size(); ++p) {
        Money year = sched.due_to(p, Period::count);
        all += year;
        total.push_back(money_cell(year, true));
    }
    total.push_back(money_cell(all, true));
    t.add_row(std::move(total));
    return t;
}

std::string format_count(std::uint64_t n) {
    std::string d = std::to_string(n), out;
    for (std::size_t i = 0; i < d.size(); ++i) {
        if (i > 0 && (d.size() - i) % 3 == 0) out += ',';
        out += d[i];
    }
    return out;
}

std::string control_amount(Money m) {
    return pounds(m, SignStyle::minus);
}

std::string rejected_warning(std::uint64_t lines, Money total, std::string_view what) {
    const bool one = lines == 1;
    return fmt::format("WARNING: {} {}{} ({}) {} rejected and NOT in the figures below.",
                       format_count(lines), what, one ? "" : "s", control_amount(total),
                       one ? "was" : "were");
}

std::string income_text(const ControlTotals& c) {
    if (c.lines_income == 0) return {};
    return fmt::format(", income {} in {} line{}", control_amount(c.total_income),
                       format_count(c.lines_income), c.lines_income == 1 ? "" : "s");
}

std::string excluded_skipped_text(const ControlTotals& c) {
    std::string more;
    for (auto [what, lines, total, reasons] :
         {std::tuple{"excluded", c.lines_excluded, c.total_excluded, &c.excluded},
          std::tuple{"skipped", c.lines_skipped, c.total_skipped, &c.skipped}}) {
        if (lines == 0) continue;
        std::string why;
        for (const auto& r : *reasons)
            why +=
                fmt::format("{}{}: {}", why.empty() ? "" : "; ", r.reason, format_count(r.lines));
        more +=
            fmt::format("; {} {} ({}: {})", format_count(lines), what, control_amount(total), why);
    }
    return more;
}

std::string ledger_summary(const ControlTotals& c, std::size_t files, const LineTally* after,
                           Period period) {
    std::string of_which;
    if (after)
        of_which = after->lines == 0
                       ? fmt::format(", of which 0 after {}", period.label())
                       : fmt::format(", of which {} ({}) after {}", format_count(after->lines),
                                     control_amount(after->total), period.label());
    if (c.lines_income > 0) of_which += income_text(c);
    const std::string more = excluded_skipped_text(c);
    return fmt::format("Ledgers: {} file{}, {} line{} read; {} accepted ({}){}; {} rejected ({}){}",
                       files, files == 1 ? "" : "s", format_count(c.lines_read),
                       c.lines_read == 1 ? "" : "s", format_count(c.lines_accepted),
                       control_amount(c.total_accepted), of_which, format_count(c.lines_rejected),
                       control_amount(c.total_rejected), more);
}

std::optional<std::string> partner_id(const Agreement& a, std::optional<PartnerIndex> p) {
    if (!p) return std::nullopt;
    return a.partners.at(to_size(*p)).id;
}

void write_partner_amounts(JsonWriter& json, std::string_view key, const Agreement& a,
                           const std::vector<Money>& xs, bool with_host) {
    json.key(key).begin_object();
    for (std::size_t p = 0; p < xs.size() && p < a.partners.size(); ++p)
        if (with_host || !a.is_host(PartnerIndex{p})) json.field(a.partners[p].id, xs[p]);
    json.end_object();
}

void write_scheme_amounts(JsonWriter& json, std::string_view key, const Agreement& a,
                          const std::vector<Money>& xs) {
    json.key(key).begin_object();
    for (std::size_t s = 0; s < xs.size() && s < a.schemes.size(); ++s)
        json.field(a.schemes[s].id, xs[s]);
    json.end_object();
}

void write_agreement_fields(JsonWriter& json, const Agreement& a) {
    json.field("id", a.id);
    json.field("title", a.title);
    json.field("kind", kind_name(a.kind));
    json.field("legal_basis", a.legal_basis);
    json.field("financial_year", a.year.label());
    json.field("host", partner_id(a, a.host));
}

namespace {

// lines_KIND of each of `kinds`, then total_KIND of each.
void write_kinds_json(JsonWriter& json, const ControlTotals& c,
                      std::span<const ControlKind> kinds) {
    for (const ControlKind& k : kinds)
        json.field(fmt::format("lines_{}", k.name), c.*k.lines);
    for (const ControlKind& k : kinds)
        json.field(fmt::format("total_{}", k.name), c.*k.total);
}

} // namespace

void write_control_json(JsonWriter& json, const ControlTotals& c) {
    write_kinds_json(json, c, std::span(control_kinds).first(3)); // read, accepted, rejected
}

void write_line_kinds_json(JsonWriter& json, const ControlTotals& c) {
    write_kinds_json(json, c, std::span(control_kinds).subspan(3, 2)); // excluded, skipped
    write_kinds_json(json, c, std::span(control_kinds).subspan(5, 1)); // income
    auto reasons = [&](const char* key, const std::vector<CountedReason>& xs) {
        if (xs.empty()) return;
        json.objects(key, xs, [&](const CountedReason& r) {
            json.field("reason", r.reason);
            json.field("lines", r.lines);
            json.field("total", r.total);
        });
    };
    reasons("excluded", c.excluded);
    reasons("skipped", c.skipped);
    if (!c.trailers.empty())
        json.objects("trailers", c.trailers, [&](const TrailerCheck& t) {
            json.field("path", t.path);
            json.field("rows", t.rows);
            json.field("line", t.line);
            json.field("stated", t.stated);
            json.field("summed", t.summed);
            json.field("agrees", t.agrees());
        });
}

void write_ledger_json(JsonWriter& json, const ControlTotals& control, std::size_t files,
                       const LineTally* after) {
    json.key("ledger").begin_object();
    json.field("files", static_cast<std::uint64_t>(files));
    write_control_json(json, control);
    write_line_kinds_json(json, control);
    if (after) {
        json.field("lines_after_period", after->lines);
        json.field("total_after_period", after->total);
    }
    json.end_object();
}

std::vector<std::string> lines_of(const std::string& lines) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < lines.size()) {
        std::size_t end = lines.find('\n', start);
        if (end == std::string::npos) end = lines.size();
        out.push_back(lines.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

} // namespace poolkit
