#include "calc/commitment_cost.hpp"

#include <algorithm>

namespace poolkit {

long days_running(const Commitment& row, Day from, Day to) {
    Day a = std::max(from, row.start);
    Day b = row.end ? std::min(to, *row.end) : to;
    return b < a ? 0 : static_cast<long>((b - a).count()) + 1;
}

PeriodArray<Money> cost_by_period(const Commitment& row, const FinancialYear& fy) {
    PeriodArray<Money> out{};
    for (Period p : Period::all()) {
        long days = days_running(row, first_day(fy, p), last_day(fy, p));
        if (days > 0) out[p] = round_half_away(Rational(row.weekly_cost.pence()) * days / 7);
    }
    return out;
}

Money committed_after(const Commitment& row, const FinancialYear& fy, Period m) {
    PeriodArray<Money> cost = cost_by_period(row, fy);
    Money sum;
    for (Period p : Period::all())
        if (p.number() > m.number()) sum += cost[p];
    return sum;
}

} // namespace poolkit
