// pool-cases' statement (SPEC §12) in each format: the cases table, the placement types and the
// referring partners' shares, from the one PanelCases.
#include "model/schemas.hpp"
#include "writers/cases_statement.hpp"
#include "writers/inputs.hpp"
#include "writers/json.hpp"
#include "writers/shares_statement.hpp"
#include "writers/table.hpp"

#include <fmt/format.h>

namespace poolkit {

namespace {

Table cases_table(const CasesStatement& st, bool display) {
    const Agreement& a = st.agreement;
    // Spent is shown to people when ledgers were read; the data always has it (SPEC §12).
    FormTable t(display, {{"Case", "case"},
                          {"Referred by", "partner"},
                          {"Scheme", "scheme"},
                          {"Type", "type"},
                          {"Status", "status"},
                          {"Weekly cost", "weekly_cost", true},
                          {"Committed", "committed", true},
                          {st.ledgers_read ? "Spent" : nullptr, "spent", true}});
    for (const PanelCase& c : st.cases.cases)
        t.add_row({text_cell(c.case_ref), text_cell(a.partners[to_size(c.partner)].id),
                   text_cell(a.schemes[to_size(c.scheme)].id), text_cell(c.type),
                   text_cell(std::string(case_statuses.keyword(c.status))),
                   money_cell(c.weekly_cost, display), money_cell(c.committed, display),
                   money_cell(c.spent, display)});
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
        t.add_row({text_cell(p.type), num_cell(std::to_string(p.cases)),
                   money_cell(p.average_weekly, true), money_cell(p.committed, true),
                   money_cell(p.spent, true)});
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
        t.add_row({text_cell(a.partners[p].id), num_cell(std::to_string(r.cases)),
                   money_cell(r.committed, true), num_cell(percent_display(r.share_of_commitments)),
                   num_cell(percent_display(r.share_of_contributions))});
    }
    return t.table();
}

std::string render(const CasesStatement& st, bool md) {
    const Agreement& a = st.agreement;
    auto table = [&](const Table& t) { return md ? t.markdown() : t.text(); };
    auto heading = [&](const std::string& h) {
        return md ? fmt::format("\n## {}\n\n", h) : fmt::format("\n{}\n", h);
    };
    std::string out = md ? "# " : "";
    out += fmt::format("{} ({})\n", a.title, a.id);
    out += md ? "\n" : "";
    out += fmt::format("Panel cases at {}: committed after {} to {}\n",
                       a.year.period_long(st.cases.period), a.year.period_end_date(st.cases.period),
                       a.year.end_date());
    out += heading("Cases");
    out += table(cases_table(st, true));
    if (st.ledgers_read && !st.cases.spent_elsewhere.is_zero())
        out += fmt::format("{}Spent on lines whose case is not in the register (on that scheme): "
                           "£{}.\n",
                           md ? "\n" : "", format_display(st.cases.spent_elsewhere));
    out += heading("By placement type");
    out += table(types_table(st));
    out += heading("By referring partner");
    out += table(partners_table(st));
    out += "\n";
    out += run_footer(st.run, md);
    return out;
}

} // namespace

std::string cases_text(const CasesStatement& st) {
    return render(st, false);
}
std::string cases_markdown(const CasesStatement& st) {
    return render(st, true);
}
std::string cases_csv(const CasesStatement& st) {
    return cases_table(st, false).csv();
}

std::string cases_json(const CasesStatement& st) {
    const Agreement& a = st.agreement;
    const PanelCases& pc = st.cases;
    JsonWriter json;
    begin_statement_json(json, schema::cases, st.run);
    json.field("agreement", a.id);
    json.field("period", a.year.period_ym(pc.period));
    json.objects("cases", pc.cases, [&](const PanelCase& c) {
        json.field("case", c.case_ref);
        json.field("partner", a.partners[to_size(c.partner)].id);
        json.field("scheme", a.schemes[to_size(c.scheme)].id);
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
