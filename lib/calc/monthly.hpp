// The year month by month (SPEC §5 `--period P01..P06`, `--monthly`; §6): each scheme's budget,
// actual and variance in each month of a range, with the year to date at its end and the RAG
// status the month-end statement of that month gives. Worked from reconcile() at each month end,
// so a month's figures are exactly the difference of two statements' year-to-date figures.
#pragma once

#include "calc/reconciliation.hpp"

#include <vector>

namespace poolkit {

// One budget (a scheme's, or the total) in one month.
struct MonthFigures {
    Money budget;     // the month's profile amount: budget_ytd(m) − budget_ytd(m − 1)
    Money actual;     // the ledger spend dated in the month: actual_ytd(m) − actual_ytd(m − 1)
    Money variance;   // actual − budget
    Money budget_ytd; // to the end of the month
    Money actual_ytd; // to the end of the month
    Money variance_ytd;      // actual_ytd − budget_ytd
    Money forecast_variance; // the forecast variance made at this month end (SPEC §6)
    RagStatus rag;           // by that forecast variance and [monitoring] (calc/rag.hpp)
};

struct Month {
    Period period = Period::first();
    std::vector<MonthFigures> schemes; // [[scheme]] order
    MonthFigures total;
};

struct MonthlyReconciliation {
    Period from = Period::first(), to = Period::first();
    std::vector<Month> months; // from..to in order
};

// The months from..to by `method`, with the cash as reconcile() takes it, each month end worked on
// `loaded` (the agreement as loaded) as varied by that month (SPEC §14). Each scheme's months sum
// to its year to date at `to` less that at from − 1; a month's total is the sum of its schemes
// (Error(invariant) otherwise, or when to < from).
MonthlyReconciliation monthly_reconciliation(const Agreement& loaded, const Actuals& actuals,
                                             Period from, Period to, ForecastMethod method,
                                             const CashRegister* cash = nullptr);

} // namespace poolkit
