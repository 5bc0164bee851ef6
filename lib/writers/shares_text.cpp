#include "writers/shares_text.hpp"
#include "writers/statement_parts.hpp"
#include "writers/variation_parts.hpp"

#include "writers/table.hpp"

#include <fmt/format.h>

namespace poolkit {

namespace {

// The lines under the title: what the arrangement is, who holds it.
std::vector<std::string> heading_lines(const Agreement& a) {
    std::vector<std::string> lines;
    lines.push_back(agreement_heading(a));
    lines.push_back(fmt::format("Contribution shares and payment schedule, {} ({} to {})",
                                a.year.label(), a.year.start_date(), a.year.end_date()));
    std::string what = fmt::format("{}, {}.", kind_phrase(a.kind), a.legal_basis);
    if (a.host && to_size(*a.host) < a.partners.size()) {
        what += fmt::format(" Host: {}.", a.partner(*a.host).name);
        if (!a.pooled_fund_manager.empty())
            what += fmt::format(" {} manager: {}.",
                                a.kind == AgreementKind::pooled ? "Pooled fund" : "Budget",
                                a.pooled_fund_manager);
    } else
        what += " No host: each partner holds its own budget.";
    lines.push_back(what);
    return lines;
}

Table partners_table(const SharesStatement& st) {
    const Agreement& a = st.agreement;
    Table t({{"Partner", false},
             {"Name", false},
             {kind_words(a.kind).figure, true},
             {"Share of total", true}});
    for (std::size_t p = 0; p < a.partners.size(); ++p)
        t.add_row({text_cell(a.partners[p].id), text_cell(a.partners[p].name),
                   money_cell(st.shares.partner_totals[p], true),
                   percent_cell(st.shares.partner_fractions[p],
                                percent_display(st.shares.partner_fractions[p]))});
    t.add_rule();
    t.add_row({text_cell("Total"), text_cell(""), money_cell(st.shares.total, true),
               num_cell(st.shares.total.is_zero() ? "-" : "100%")});
    return t;
}

Table schemes_table(const SharesStatement& st) {
    const Agreement& a = st.agreement;
    std::vector<Table::Column> cols{{"Scheme", false}, {"Budget", true}};
    for (const auto& partner : a.partners) {
        cols.push_back({partner.id, true});
        cols.push_back({"%", true});
    }
    Table t(std::move(cols));
    for (const auto& row : st.shares.schemes) {
        const Scheme& s = a.scheme(row.scheme);
        std::vector<Cell> cells{text_cell(s.id + " " + s.name), money_cell(s.budget, true)};
        for (std::size_t p = 0; p < a.partners.size(); ++p) {
            cells.push_back(money_cell(row.contributions[p], true));
            cells.push_back(percent_cell(row.fractions[p], percent_display(row.fractions[p])));
        }
        t.add_row(std::move(cells));
    }
    t.add_rule();
    std::vector<Cell> total{text_cell("Total"), money_cell(st.shares.total, true)};
    for (std::size_t p = 0; p < a.partners.size(); ++p) {
        total.push_back(money_cell(st.shares.partner_totals[p], true));
        total.push_back(percent_cell(st.shares.partner_fractions[p],
                                     percent_display(st.shares.partner_fractions[p])));
    }
    t.add_row(std::move(total));
    return t;
}

std::string schedule_intro(const SharesStatement& st) {
    if (!st.schedule.has_instalments()) return schedule_note(st.agreement, st.schedule);
    return fmt::format("Contributions are paid to the host {}. Each partner's instalments sum "
                       "exactly to its contribution.",
                       payment_schedules.brief(st.schedule.frequency));
}

} // namespace

Document shares_document(const SharesStatement& st) {
    const Agreement& a = st.agreement;
    Document d = statement_document(a, "Contribution shares and payment schedule", a.year.label(),
                                    Period::last());
    d.set_wrap(100);
    d.title(heading_lines(a));
    d.heading("Partners");
    d.table(partners_table(st), "Partners");
    d.heading(fmt::format("{} by scheme", kind_words(a.kind).figures),
              "% of the scheme's budget; Total: % of all budgets",
              "Percentages are of the scheme's budget; on the Total row, of all budgets.");
    d.table(schemes_table(st), "Schemes");
    add_variations(d, a); // SPEC §14
    d.heading("Payment schedule");
    d.paragraph(schedule_intro(st));
    if (st.schedule.has_instalments())
        d.table(schedule_table(a, st.schedule, true), "Payment schedule");
    d.footer({}, st.run);
    return d;
}

} // namespace poolkit
