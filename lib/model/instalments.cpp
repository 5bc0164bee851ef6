#include "model/instalments.hpp"

#include "money/allocation.hpp"

namespace poolkit {

std::vector<Period> instalment_periods(PaymentSchedule frequency) {
    switch (frequency) {
    case PaymentSchedule::monthly: {
        auto all = Period::all();
        return std::vector<Period>(all.begin(), all.end());
    }
    case PaymentSchedule::quarterly_in_advance:
        return {Period::nth(1), Period::nth(4), Period::nth(7), Period::nth(10)};
    case PaymentSchedule::annual_in_advance:
        return {Period::first()};
    }
    throw Error(ErrorKind::invariant, "unknown payment schedule");
}

std::vector<PeriodArray<Money>> agreed_instalments(const Agreement& a) {
    const std::vector<Period> periods = instalment_periods(a.payment_schedule);
    // Equal weights: every instalment is the same share of the year's contribution (SPEC §2).
    const std::vector<Rational> weights(periods.size(), Rational(1));
    std::vector<PeriodArray<Money>> out;
    for (Money total : a.partner_contributions()) {
        PeriodArray<Money> row{};
        std::vector<Money> parts = allocate(total, weights);
        for (std::size_t i = 0; i < parts.size(); ++i)
            row[periods[i]] = parts[i];
        out.push_back(row);
    }
    return out;
}

std::vector<PeriodArray<Money>> instalments_due(const Agreement& a) {
    return a.instalments.empty() ? agreed_instalments(a) : a.instalments;
}

} // namespace poolkit
