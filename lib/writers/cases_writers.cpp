// pool-cases' statement (SPEC §12) in each format: the cases table, the placement types and the
// referring partners' shares, from the one PanelCases.
#include "model/schemas.hpp"
#include "writers/case_parts.hpp"
#include "writers/cases_statement.hpp"
#include "writers/inputs.hpp"
#include "writers/json.hpp"
#include "writers/shares_statement.hpp"
#include "writers/statement_parts.hpp"
#include "writers/table.hpp"

#include <fmt/format.h>

namespace poolkit {

namespace {

Table cases_table(const CasesStatement& st, bool display) {
    const Agreement& a = st.agreement;
    // Spent is shown to people when ledgers were read; the data always has it (SPEC §12).
    FormTable t(display, case_columns({{"Type", "type"},
                                       {"Status", "status"},
                                       {"Weekly cost", "weekly_cost", true},
                                       {"Committed", "committed", true},
                                       {st.ledgers_read ? "Spent" : nullptr, "spent", true}}));
    for (const PanelCase& c : st.cases.cases)
        t.add_row(
            case_cells(a, c,
                       {text_cell(c.type), text_cell(std::string(case_statuses.keyword(c.status))),
                        money_cell(c.weekly_cost, display), money_cell(c.committed, display),
                        money_cell(c.spent, display)}));
    if (display) {
        t.add_rule();
        t.add_row({text_cell("Total"), text_cell(""), text_cell(""), text_cell(""), text_cell(""),
                   text_cell(""), money_cell(st.cases.committed, display),
                   money_cell(st.cases.spent, display)});
    }
    return t.table();
}

Table types_table(const CasesStatement& st) {
    FormTable t(true, {{"Placement type", "type"},
                       {"Cases", "cases", true},
                       {"Average weekly cost", "average_weekly", true},
                       {"Committed", "committed", true},
                       {st.ledgers_read ? "Spent" : nullptr, "spent", true}});
    for (const PlacementType& p : st.cases.types)
        t.add_row({text_cell(p.type), count_cell(p.cases), money_cell(p.average_weekly, true),
                   money_cell(p.committed, true), money_cell(p.spent, true)});
    return t.table();
}

Table partners_table(const CasesStatement& st) {
    const Agreement& a = st.agreement;
    FormTable t(true, {{"Referring partner", "partner"},
                       {"Cases", "cases", true},
                       {"Committed", "committed", true},
                       {"Share of commitments", "share_of_commitments", true},
                       {"Share of contributions", "share_of_contributions", true}});
    for (std::size_t p = 0; p < a.partners.size(); ++p) {
        const PartnerReferrals& r = st.cases.partners[p];
        t.add_row(
            {text_cell(a.partners[p].id), count_cell(r.cases), money_cell(r.committed, true),
             percent_cell(r.share_of_commitments, percent_display(r.share_of_commitments)),
             percent_cell(r.share_of_contributions, percent_display(r.share_of_contributions))});
    }
    return t.table();
}

} // namespace

Document cases_document(const CasesStatement& st) {
    const Agreement& a = st.agreement;
    Document d =
        statement_document(a, "Panel cases", a.year.period_long(st.cases.period), st.cases.period);
    d.title({agreement_heading(a),
             fmt::format("Panel cases at {}: committed after {} to {}",
                         a.year.period_long(st.cases.period),
                         a.year.period_end_date(st.cases.period), a.year.end_date())});
    d.heading("Cases");
    d.table(cases_table(st, true), "Cases");
    if (st.ledgers_read && !st.cases.spent_elsewhere.is_zero())
        d.paragraph(fmt::format("Spent on lines whose case is not in the register (on that "
                                "scheme): £{}.",
                                format_display(st.cases.spent_elsewhere)));
    d.heading("By placement type");
    d.table(types_table(st), "Placement types");
    d.heading("By referring partner");
    d.table(partners_table(st), "Referring partners");
    d.footer({}, st.run);
    return d;
}

std::string cases_csv(const CasesStatement& st) {
    return cases_table(st, false).csv();
}

std::string cases_json(const CasesStatement& st) {
    const Agreement& a = st.agreement;
    const PanelCases& pc = st.cases;
    JsonWriter json = begin_statement_json(schema::cases, st.run);
    json.field("agreement", a.id);
    json.field("period", a.year.period_ym(pc.period));
    json.objects("cases", pc.cases, [&](const PanelCase& c) {
        write_case_fields(json, a, c);
        json.field("type", c.type);
        json.field("status", case_statuses.keyword(c.status));
        json.field("weekly_cost", c.weekly_cost);
        json.field("committed", c.committed);
        json.field("spent", c.spent);
    });
    json.objects("types", pc.types, [&](const PlacementType& t) {
        json.field("type", t.type);
        json.field("cases", static_cast<std::uint64_t>(t.cases));
        json.field("average_weekly_cost", t.average_weekly);
        json.field("committed", t.committed);
        json.field("spent", t.spent);
    });
    json.key("partners").begin_array();
    for (std::size_t p = 0; p < a.partners.size(); ++p) {
        const PartnerReferrals& r = pc.partners[p];
        json.begin_object();
        json.field("id", a.partners[p].id);
        json.field("cases", static_cast<std::uint64_t>(r.cases));
        json.field("committed", r.committed);
        json.field("share_of_commitments", percent_data(r.share_of_commitments));
        json.field("share_of_contributions", percent_data(r.share_of_contributions));
        json.end_object();
    }
    json.end_array();
    json.field("committed", pc.committed);
    json.field("spent", pc.spent);
    json.field("spent_elsewhere", pc.spent_elsewhere);
    json.end_object();
    return json.str();
}

} // namespace poolkit
