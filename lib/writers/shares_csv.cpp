#include "writers/shares_csv.hpp"

#include "writers/table.hpp"

namespace poolkit {

std::optional<SharesTable> parse_shares_table(std::string_view name) {
    if (name == "contributions") return SharesTable::contributions;
    if (name == "partners") return SharesTable::partners;
    if (name == "schedule") return SharesTable::schedule;
    return std::nullopt;
}

std::string shares_csv(const SharesStatement& st, SharesTable which) {
    const Agreement& a = st.agreement;
    switch (which) {
    case SharesTable::contributions: {
        Table t({{"scheme"},
                 {"scheme_name"},
                 {"budget", true},
                 {"partner"},
                 {"contribution", true},
                 {"percent", true}});
        for (const auto& row : st.shares.schemes) {
            const Scheme& s = a.scheme(row.scheme);
            for (std::size_t p = 0; p < a.partners.size(); ++p)
                t.add_row({text_cell(s.id), text_cell(s.name), num_cell(format_plain(s.budget)),
                           text_cell(a.partners[p].id),
                           num_cell(format_plain(row.contributions[p])),
                           num_cell(percent_data(row.fractions[p]))});
        }
        return t.csv();
    }
    case SharesTable::partners: {
        Table t({{"partner"}, {"name"}, {"sector"}, {"contribution", true}, {"percent", true}});
        for (std::size_t p = 0; p < a.partners.size(); ++p)
            t.add_row({text_cell(a.partners[p].id), text_cell(a.partners[p].name),
                       text_cell(sector_name(a.partners[p].sector)),
                       num_cell(format_plain(st.shares.partner_totals[p])),
                       num_cell(percent_data(st.shares.partner_fractions[p]))});
        return t.csv();
    }
    case SharesTable::schedule: {
        Table t({{"period"}, {"partner"}, {"amount", true}, {"due_to_date", true}});
        for (Period period : st.schedule.periods)
            for (std::size_t p = 0; p < a.partners.size(); ++p)
                t.add_row({text_cell(a.year.period_ym(period)), text_cell(a.partners[p].id),
                           num_cell(format_plain(st.schedule.due[p][period])),
                           num_cell(format_plain(st.schedule.due_to(p, period.number())))});
        return t.csv();
    }
    }
    return {};
}

} // namespace poolkit
