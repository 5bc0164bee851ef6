#include "writers/shares_text.hpp"
#include "writers/statement_parts.hpp"
#include "writers/variation_parts.hpp"

#include "support/visible_text.hpp"
#include "writers/inputs.hpp"
#include "writers/table.hpp"

#include <fmt/format.h>

namespace poolkit {

namespace {

// The lines under the title: what the arrangement is, who holds it.
std::vector<std::string> heading_lines(const Agreement& a) {
    std::vector<std::string> lines;
    lines.push_back(fmt::format("{} ({})", a.title, a.id));
    lines.push_back(fmt::format("Contribution shares and payment schedule, {} ({} to {})",
                                a.year.label(), a.year.start_date(), a.year.end_date()));
    std::string what = fmt::format("{}, {}.", kind_phrase(a.kind), a.legal_basis);
    if (a.host && *a.host < a.partners.size()) {
        what += fmt::format(" Host: {}.", a.partners[*a.host].name);
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
                   num_cell(format_display(st.shares.partner_totals[p])),
                   num_cell(percent_display(st.shares.partner_fractions[p]))});
    t.add_rule();
    t.add_row({text_cell("Total"), text_cell(""), num_cell(format_display(st.shares.total)),
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
        const Scheme& s = a.schemes[row.scheme];
        std::vector<Cell> cells{text_cell(s.id + " " + s.name), num_cell(format_display(s.budget))};
        for (std::size_t p = 0; p < a.partners.size(); ++p) {
            cells.push_back(num_cell(format_display(row.contributions[p])));
            cells.push_back(num_cell(percent_display(row.fractions[p])));
        }
        t.add_row(std::move(cells));
    }
    t.add_rule();
    std::vector<Cell> total{text_cell("Total"), num_cell(format_display(st.shares.total))};
    for (std::size_t p = 0; p < a.partners.size(); ++p) {
        total.push_back(num_cell(format_display(st.shares.partner_totals[p])));
        total.push_back(num_cell(percent_display(st.shares.partner_fractions[p])));
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

// Words wrapped at `width` columns, for the sentences of the text statement.
std::string wrap(const std::string& text, std::size_t width = 100) {
    std::string out, line;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        std::string word = text.substr(start, end - start);
        if (!line.empty() && display_width(line) + 1 + display_width(word) > width) {
            out += line;
            out += '\n';
            line.clear();
        }
        if (!line.empty()) line += ' ';
        line += word;
        start = end + 1;
    }
    out += line;
    out += '\n';
    return out;
}

} // namespace

std::string shares_text(const SharesStatement& st) {
    std::string out;
    for (const auto& line : heading_lines(st.agreement))
        out += wrap(line);
    out += "\nPartners\n";
    out += partners_table(st).text();
    out += fmt::format("\n{} by scheme (% of the scheme's budget; Total: % of all budgets)\n",
                       kind_words(st.agreement.kind).figures);
    out += schemes_table(st).text();
    if (has_variations(st.agreement)) { // SPEC §14
        out += fmt::format("\n{}\n", variations_heading);
        out += variation_budgets_table(st.agreement).text();
        for (const auto& line : variation_lines(st.agreement))
            out += wrap("  " + line);
    }
    out += "\nPayment schedule\n";
    out += wrap(schedule_intro(st));
    if (st.schedule.has_instalments()) {
        out += "\n";
        out += schedule_table(st.agreement, st.schedule, true).text();
    }
    out += "\n";
    out += run_footer(st.run);
    return visible_lines(out); // SPEC §8: no control character reaches the reader's terminal
}

std::string shares_markdown(const SharesStatement& st) {
    std::vector<std::string> head = heading_lines(st.agreement);
    std::string out = "# ";
    out += head[0];
    out += "\n\n";
    for (std::size_t i = 1; i < head.size(); ++i)
        out += head[i] + (i + 1 < head.size() ? "  \n" : "\n");
    // Appended piece by piece: g++ 12 warns falsely (-Wrestrict) on "literal" + std::string&&.
    out += "\n## Partners\n\n";
    out += partners_table(st).markdown();
    out += fmt::format("\n## {} by scheme\n\n", kind_words(st.agreement.kind).figures);
    out += "Percentages are of the scheme's budget; on the Total row, of all budgets.\n\n";
    out += schemes_table(st).markdown();
    if (has_variations(st.agreement)) { // SPEC §14
        out += fmt::format("\n## {}\n\n", variations_heading);
        out += variation_budgets_table(st.agreement).markdown();
        out += "\n";
        for (const auto& line : variation_lines(st.agreement))
            out += "- " + line + "\n";
    }
    out += "\n## Payment schedule\n\n";
    out += schedule_intro(st);
    out += "\n";
    if (st.schedule.has_instalments()) {
        out += "\n";
        out += schedule_table(st.agreement, st.schedule, true).markdown();
    }
    out += "\n";
    out += run_footer(st.run, true);
    return visible_lines(out);
}

} // namespace poolkit
