#include "writers/recon_monthly.hpp"

#include "writers/figure_columns.hpp"
#include "writers/rag_parts.hpp"

namespace poolkit {

namespace {

// A month's amounts, in the order of the table's columns and of the JSON's fields.
constexpr FigureColumn<MonthFigures> month_figures[] = {
    {"Budget", "budget", &MonthFigures::budget},
    {"Actual", "actual", &MonthFigures::actual},
    {"Variance", "variance", &MonthFigures::variance},
    {"Budget to date", "budget_ytd", &MonthFigures::budget_ytd},
    {"Actual to date", "actual_ytd", &MonthFigures::actual_ytd},
    {"Variance to date", "variance_ytd", &MonthFigures::variance_ytd},
    {"Forecast variance", "forecast_variance", &MonthFigures::forecast_variance},
};

void month_json(JsonWriter& json, const MonthFigures& f) {
    write_figure_fields(json, f, month_figures);
    write_rag_json(json, f.rag); // as in the statement's scheme rows
}

// The rows of `schemes` ([[scheme]] order) in each month, then the month's Total: the pool's
// (`all`), or the sum of those schemes' figures, with no RAG of its own.
Table monthly_table(const ReconStatement& st, bool display, const std::vector<std::size_t>& schemes,
                    bool all) {
    const Agreement& a = st.agreement;
    std::vector<FormTable::Column> heads{
        {"Month", nullptr}, {nullptr, "period"}, {"Scheme", nullptr}, {nullptr, "scheme"}};
    add_figure_columns(heads, month_figures);
    FormTable t(display, with_rag_columns(std::move(heads)));
    auto row = [&](const Month& m, const std::string& scheme, const MonthFigures& f,
                   bool rated = true) {
        std::vector<Cell> cells{text_cell(a.year.period_long(m.period)),
                                text_cell(a.year.period_ym(m.period)), text_cell(scheme),
                                text_cell(scheme)};
        add_figure_cells(cells, t, f, month_figures);
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
            add_figures(sum, f, month_figures);
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
