#include "writers/recon_charts.hpp"

#include <fmt/format.h>

#include <functional>

namespace poolkit {

namespace {

std::vector<std::string> month_labels() {
    std::vector<std::string> out;
    for (int k = 1; k <= Period::count; ++k)
        out.push_back(std::string(month_name(Period::of(k)->month())).substr(0, 3));
    return out;
}

// Cumulative budget by month (the profile, SPEC §3), actual to the period, and the forecast as a
// straight line from the actual at the period to the forecast outturn at the year end.
Chart monthly_chart(std::string title, Period m, const std::function<Money(int)>& budget_to,
                    const std::function<Money(int)>& actual_to, Money forecast_outturn) {
    Chart c;
    c.kind = ChartKind::line;
    c.title = std::move(title);
    c.categories = month_labels();
    ChartSeries budget{"Budget (cumulative)", SeriesRole::budget, {}};
    ChartSeries actual{"Actual", SeriesRole::actual, {}};
    ChartSeries forecast{"Forecast", SeriesRole::forecast, {}};
    for (int k = 1; k <= Period::count; ++k) {
        budget.values.push_back(budget_to(k));
        actual.values.push_back(k <= m.number() ? std::optional(actual_to(k)) : std::nullopt);
        forecast.values.push_back(k == m.number()      ? std::optional(actual_to(k))
                                  : k == Period::count ? std::optional(forecast_outturn)
                                                       : std::nullopt);
    }
    c.series = {std::move(budget), std::move(actual)};
    if (m.number() < Period::count) c.series.push_back(std::move(forecast));
    return c;
}

Chart variance_chart(const ReconStatement& st) {
    const Agreement& a = st.agreement;
    Chart c;
    c.kind = ChartKind::bars;
    c.title = "Forecast variance by scheme (+ over budget), coloured by RAG";
    for (std::size_t s = 0; s < a.schemes.size(); ++s) {
        const SchemeFigures& f = st.recon.schemes[s];
        c.bars.push_back({a.schemes[s].id, Money{}, f.forecast_variance, f.rag.rating, false});
    }
    return c;
}

// Pooled: each partner's position with the host (+ owes the host); joint: this period's invoice;
// aligned: each partner's forecast variance on its own budget.
Chart partners_chart(const ReconStatement& st) {
    const Agreement& a = st.agreement;
    Chart c;
    c.kind = ChartKind::bars;
    switch (a.kind) {
    case AgreementKind::pooled:
        c.title = "Each partner's position with the host (+ owes the host)";
        for (std::size_t p = 0; p < a.partners.size(); ++p)
            c.bars.push_back(
                {a.partners[p].id, Money{}, st.recon.partners[p].position, std::nullopt, false});
        break;
    case AgreementKind::aligned:
        c.title = "Each partner's forecast variance on its own budget (+ over)";
        for (const auto& sub : st.recon.aligned_subtotals)
            c.bars.push_back(
                {a.partner(sub.partner).id, Money{}, sub.forecast_variance, std::nullopt, false});
        break;
    case AgreementKind::joint:
        c.title = fmt::format("Invoices for {} (+ the partner pays the host)",
                              a.year.period_long(st.recon.period));
        for (const auto& inv : st.recon.joint->invoices)
            c.bars.push_back({a.partner(inv.partner).id, Money{}, inv.amount, std::nullopt, false});
        break;
    }
    return c;
}

} // namespace

Chart recon_monthly_chart(const ReconStatement& st) {
    Chart c;
    c.kind = ChartKind::line;
    c.markers = true;
    c.title = fmt::format("The pool month by month, {} to {}: budget and actual in each month",
                          st.monthly->from.label(), st.monthly->to.label());
    ChartSeries budget{"Budget", SeriesRole::budget, {}};
    ChartSeries actual{"Actual", SeriesRole::actual, {}};
    for (const Month& m : st.monthly->months) {
        c.categories.push_back(std::string(month_name(m.period.month())).substr(0, 3));
        budget.values.push_back(m.total.budget);
        actual.values.push_back(m.total.actual);
    }
    c.series = {std::move(budget), std::move(actual)};
    return c;
}

void recon_charts(Document& d, const ReconStatement& st) {
    const Agreement& a = st.agreement;
    const Period m = st.recon.period;
    d.chart(variance_chart(st));
    d.chart(partners_chart(st));
    if (!st.actuals) return;
    const Actuals& act = *st.actuals;
    d.chart(monthly_chart(
        "The pool: cumulative budget, actual and forecast", m,
        [&](int k) {
            Money sum;
            for (const auto& s : a.schemes)
                sum += budget_to(s, k);
            return sum;
        },
        [&](int k) { return act.total_to(k); }, st.recon.total.forecast_outturn));
    for (std::size_t s = 0; s < a.schemes.size(); ++s)
        d.chart(monthly_chart(
            fmt::format("{} {}", a.schemes[s].id, a.schemes[s].name), m,
            [&](int k) { return budget_to(a.schemes[s], k); },
            [&](int k) { return act.scheme_to(SchemeIndex(s), k); },
            st.recon.schemes[s].forecast_outturn));
}

} // namespace poolkit
