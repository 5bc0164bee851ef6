#include "writers/recon_monthly.hpp"

#include "writers/rag_parts.hpp"

namespace poolkit {

namespace {

std::vector<Money> amounts(const MonthFigures& f) {
    return {f.budget,     f.actual,       f.variance,         f.budget_ytd,
            f.actual_ytd, f.variance_ytd, f.forecast_variance};
}

void month_json(JsonWriter& json, const MonthFigures& f) {
    json.field("budget", f.budget);
    json.field("actual", f.actual);
    json.field("variance", f.variance);
    json.field("budget_ytd", f.budget_ytd);
    json.field("actual_ytd", f.actual_ytd);
    json.field("variance_ytd", f.variance_ytd);
    json.field("forecast_variance", f.forecast_variance);
    write_rag_json(json, f.rag); // as in the statement's scheme rows
}

} // namespace

namespace {

// The rows of `schemes` ([[scheme]] order) in each month, then the month's Total: the pool's
// (`all`), or the sum of those schemes' figures, with no RAG of its own.
Table monthly_table(const ReconStatement& st, bool display, const std::vector<std::size_t>& schemes,
                    bool all) {
    const Agreement& a = st.agreement;
    FormTable t(display, with_rag_columns({{"Month", nullptr},
                                           {nullptr, "period"},
                                           {"Scheme", nullptr},
                                           {nullptr, "scheme"},
                                           {"Budget", "budget", true},
                                           {"Actual", "actual", true},
                                           {"Variance", "variance", true},
                                           {"Budget to date", "budget_ytd", true},
                                           {"Actual to date", "actual_ytd", true},
                                           {"Variance to date", "variance_ytd", true},
                                           {"Forecast variance", "forecast_variance", true}}));
    auto row = [&](const Month& m, const std::string& scheme, const MonthFigures& f,
                   bool rated = true) {
        std::vector<Cell> cells{text_cell(a.year.period_long(m.period)),
                                text_cell(a.year.period_ym(m.period)), text_cell(scheme),
                                text_cell(scheme)};
        for (Money v : amounts(f))
            cells.push_back(t.money(v));
        add_rag_cells(cells, f.rag, rated); // as the Schemes table's
        t.add_row(cells);
    };
    bool first = true;
    for (const Month& m : st.monthly->months) {
        if (!first && display) t.add_rule();
        first = false;
        const std::size_t month_first = t.size();
        MonthFigures sum;
        for (std::size_t s : schemes) {
            const MonthFigures& f = m.schemes[s];
            row(m, a.schemes[s].id, f);
            sum.budget += f.budget;
            sum.actual += f.actual;
            sum.variance += f.variance;
            sum.budget_ytd += f.budget_ytd;
            sum.actual_ytd += f.actual_ytd;
            sum.variance_ytd += f.variance_ytd;
            sum.forecast_variance += f.forecast_variance;
        }
        row(m, "Total", all ? m.total : sum, all);
        if (!schemes.empty()) t.mark_sum_of(month_first); // the month's schemes (£000: SPEC §5)
    }
    return t.table();
}

} // namespace

Table recon_monthly_table(const ReconStatement& st, bool display) {
    std::vector<std::size_t> schemes(st.agreement.schemes.size());
    for (std::size_t s = 0; s < schemes.size(); ++s)
        schemes[s] = s;
    return monthly_table(st, display, schemes, true);
}

Table recon_monthly_table(const ReconStatement& st, const std::vector<SchemeIndex>& schemes) {
    std::vector<std::size_t> only;
    for (SchemeIndex s : schemes)
        only.push_back(to_size(s));
    return monthly_table(st, true, only, false);
}

void write_recon_months_json(JsonWriter& json, const ReconStatement& st) {
    if (!st.monthly) return;
    const Agreement& a = st.agreement;
    json.objects("months", st.monthly->months, [&](const Month& m) {
        json.field("period", a.year.period_ym(m.period));
        json.key("schemes").begin_array();
        for (std::size_t s = 0; s < a.schemes.size(); ++s) {
            json.begin_object();
            json.field("id", a.schemes[s].id);
            month_json(json, m.schemes[s]);
            json.end_object();
        }
        json.end_array();
        json.key("total").begin_object();
        month_json(json, m.total);
        json.end_object();
    });
}

} // namespace poolkit
