#include "writers/recon_commitments.hpp"

#include "model/calendar_day.hpp"
#include "support/keyword_table.hpp"
#include "writers/case_parts.hpp"

namespace poolkit {

namespace {

std::vector<std::size_t> cases_by_partner(const CommitmentsForecast& cf, std::size_t partners) {
    std::vector<std::size_t> n(partners);
    for (const CaseCommitted& c : cf.cases)
        ++n[to_size(c.partner)];
    return n;
}

} // namespace

Table recon_commitments_table(const ReconStatement& st, bool display) {
    const Agreement& a = st.agreement;
    const Reconciliation& r = st.recon;
    // With --adjust the forecast is actual + committed + open-ended + new starts + adjustment
    // (SPEC §12), so the row adds across only with that column.
    const bool adjusted = !r.adjustments.empty();
    std::vector<FormTable::Column> columns{{"Scheme", "scheme"},
                                           {"Actual to date", "actual_ytd", true},
                                           {"Committed", "committed", true},
                                           {"Open-ended", "open_ended", true},
                                           {"New starts", "allowance", true}};
    if (adjusted) columns.push_back({"Adjustment", "adjustment", true});
    columns.push_back({"Forecast outturn", "forecast_outturn", true});
    FormTable t(display, columns);
    SchemeCommitted total;
    Money actual, adjustment, forecast;
    const auto row = [&](std::string id, Money act, const SchemeCommitted& c, Money adj,
                         Money outturn) {
        std::vector<Cell> cells{text_cell(std::move(id)), money_cell(act, display),
                                money_cell(c.committed, display), money_cell(c.open_ended, display),
                                money_cell(c.allowance, display)};
        if (adjusted) cells.push_back(money_cell(adj, display));
        cells.push_back(money_cell(outturn, display));
        t.add_row(cells);
    };
    for (std::size_t s = 0; s < a.schemes.size(); ++s) {
        if (!r.from_commitments(s)) continue;
        const SchemeCommitted& c = r.commitments->schemes[s];
        const Money adj = adjusted ? r.adjustments[s] : Money{};
        row(a.schemes[s].id, r.schemes[s].actual_ytd, c, adj, r.schemes[s].forecast_outturn);
        total.committed += c.committed;
        total.open_ended += c.open_ended;
        total.allowance += c.allowance;
        actual += r.schemes[s].actual_ytd;
        adjustment += adj;
        forecast += r.schemes[s].forecast_outturn;
    }
    t.add_rule();
    row("Total", actual, total, adjustment, forecast);
    return t.table();
}

Table recon_referrals_table(const ReconStatement& st, bool display) {
    const Agreement& a = st.agreement;
    const CommitmentsForecast& cf = *st.recon.commitments;
    FormTable t(display, {{"Referring partner", "partner"},
                          {"Cases", "cases", true},
                          {"Committed", "committed", true}});
    const std::vector<std::size_t> n = cases_by_partner(cf, a.partners.size());
    for (std::size_t p = 0; p < a.partners.size(); ++p)
        t.add_row(
            {text_cell(a.partners[p].id), count_cell(n[p]), money_cell(cf.by_partner[p], display)});
    t.add_rule();
    t.add_row({text_cell("Total"), count_cell(cf.cases.size()), money_cell(cf.total, display)});
    return t.table();
}

std::vector<std::string> recon_schemes_without_commitments(const ReconStatement& st) {
    std::vector<std::string> out;
    for (std::size_t s = 0; s < st.agreement.schemes.size(); ++s)
        if (!st.recon.from_commitments(s)) out.push_back(st.agreement.schemes[s].id);
    return out;
}

void write_scheme_commitments_json(JsonWriter& json, const ReconStatement& st, std::size_t s) {
    const Reconciliation& r = st.recon;
    if (!r.commitments) return;
    if (!r.from_commitments(s)) {
        json.field("forecast_method", forecast_name(r.method));
        return;
    }
    const SchemeCommitted& c = r.commitments->schemes[s];
    json.field("forecast_method", "commitments");
    json.field("committed", c.committed);
    json.field("open_ended", c.open_ended);
    json.field("allowance", c.allowance);
}

void write_recon_cases_json(JsonWriter& json, const ReconStatement& st) {
    const Agreement& a = st.agreement;
    const CommitmentsForecast& cf = *st.recon.commitments;
    json.objects("cases", cf.cases, [&](const CaseCommitted& c) {
        write_case_fields(json, a, c);
        json.field("committed", c.committed);
        // Its planned end, null when open-ended: --previous tells an early end from it (§12).
        json.field("end", c.end ? std::optional<std::string>(iso_text(*c.end)) : std::nullopt);
    });
    const std::vector<std::size_t> n = cases_by_partner(cf, a.partners.size());
    json.key("referrals").begin_array();
    for (std::size_t p = 0; p < a.partners.size(); ++p) {
        json.begin_object();
        json.field("partner", a.partners[p].id);
        json.field("cases", static_cast<std::uint64_t>(n[p]));
        json.field("committed", cf.by_partner[p]);
        json.end_object();
    }
    json.end_array();
}

} // namespace poolkit
