#include "calc/monthly.hpp"

#include "model/varied_agreement.hpp"
#include "support/error.hpp"

namespace poolkit {

namespace {

MonthFigures month_of(const SchemeFigures& now, const BudgetFigures* before) {
    MonthFigures f;
    f.budget_ytd = now.budget_ytd;
    f.actual_ytd = now.actual_ytd;
    f.variance_ytd = now.variance_ytd;
    f.budget = now.budget_ytd - (before ? before->budget_ytd : Money{});
    f.actual = now.actual_ytd - (before ? before->actual_ytd : Money{});
    f.variance = f.actual - f.budget;
    f.forecast_variance = now.forecast_variance;
    f.rag = now.rag;
    return f;
}

} // namespace

MonthlyReconciliation monthly_reconciliation(const Agreement& loaded, const Actuals& actuals,
                                             Period from, Period to, ForecastMethod method,
                                             const CashRegister* cash) {
    // Each month end on the terms in effect then (SPEC §14), as its statement was issued.
    const auto at = [&](Period m) {
        return reconcile(as_varied(loaded, m), actuals, m, method, cash);
    };
    if (to < from) throw Error(ErrorKind::invariant, "a month range that ends before it starts");
    MonthlyReconciliation result{from, to, {}};
    // The statement at the month end before the range: none before P01 (the year starts at 0).
    std::optional<Reconciliation> before;
    if (auto p = from.previous()) before = at(*p);
    for (Period m : Period::through(to)) {
        if (m < from) continue;
        Reconciliation now = at(m);
        Month month{m, {}, month_of(now.total, before ? &before->total : nullptr)};
        Money budget, actual;
        for (std::size_t s = 0; s < now.schemes.size(); ++s) {
            month.schemes.push_back(
                month_of(now.schemes[s], before ? &before->schemes[s] : nullptr));
            budget += month.schemes.back().budget;
            actual += month.schemes.back().actual;
        }
        if (budget != month.total.budget || actual != month.total.actual)
            throw Error(ErrorKind::invariant, "a month's schemes do not sum to its total");
        result.months.push_back(std::move(month));
        before = std::move(now);
    }
    return result;
}

} // namespace poolkit
