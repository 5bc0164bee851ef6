// What a commitment costs (SPEC §12): over days d1..d2 (inclusive, clipped to the row's own dates)
// weekly_cost × days / 7, rounded half away from zero to the penny once per row and period; over a
// longer range, the sum of its periods' costs, so that the months of a forecast add up to it.
#pragma once

#include "model/commitments.hpp"
#include "model/period.hpp"

namespace poolkit {

// The days of [from, to] (inclusive) that the row runs on; 0 when none.
long days_running(const Commitment& row, Day from, Day to);

// The row's cost in each period of the year.
PeriodArray<Money> cost_by_period(const Commitment& row, const FinancialYear& fy);

// The row's cost from the day after period m ends to 31 March (periods m+1..P12): what is
// committed but not yet spent at month-end m. Zero at P12.
Money committed_after(const Commitment& row, const FinancialYear& fy, Period m);

} // namespace poolkit
