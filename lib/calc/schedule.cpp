#include "calc/schedule.hpp"

#include "money/allocation.hpp"
#include "support/error.hpp"

#include <fmt/format.h>

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

Money ContributionSchedule::due_to(std::size_t partner, int periods_elapsed) const {
    if (partner >= due.size() || periods_elapsed < 0 || periods_elapsed > Period::count)
        throw Error(ErrorKind::invariant,
                    fmt::format("contribution due asked for partner {} at period {}", partner,
                                periods_elapsed));
    Money sum;
    for (Period m : Period::first_n(periods_elapsed))
        sum += due[partner][m];
    return sum;
}

Money ContributionSchedule::period_total(Period period) const {
    Money sum;
    for (const auto& row : due)
        sum += row[period];
    return sum;
}

ContributionSchedule build_schedule(const Agreement& agreement) {
    ContributionSchedule out;
    out.frequency = agreement.payment_schedule;
    out.due.assign(agreement.partners.size(), PeriodArray<Money>{});
    switch (agreement.kind) {
    case AgreementKind::aligned:
        out.basis = ScheduleBasis::none_aligned;
        return out;
    case AgreementKind::joint:
        out.basis = ScheduleBasis::none_joint;
        return out;
    case AgreementKind::pooled:
        break;
    }
    out.periods = instalment_periods(agreement.payment_schedule);
    // Equal weights: every instalment is the same share of the year's contribution (SPEC §2).
    const std::vector<Rational> weights(out.periods.size(), Rational(1));
    const std::vector<Money> totals = agreement.partner_contributions();
    for (std::size_t p = 0; p < totals.size(); ++p) {
        std::vector<Money> parts = allocate(totals[p], weights);
        for (std::size_t i = 0; i < parts.size(); ++i)
            out.due[p][out.periods[i]] = parts[i];
        if (out.due_to(p, Period::count) != totals[p])
            throw Error(ErrorKind::invariant,
                        "a payment schedule does not sum to its contribution");
    }
    return out;
}

std::string schedule_note(const Agreement& agreement, const ContributionSchedule& schedule) {
    switch (schedule.basis) {
    case ScheduleBasis::instalments:
        return {};
    case ScheduleBasis::none_aligned:
        return "No payment schedule: in an aligned budget each partner keeps and spends its own "
               "budget, so no contributions are paid and no money moves between the partners; "
               "each partner's contribution is its own budget.";
    case ScheduleBasis::none_joint: {
        std::string host = agreement.host && *agreement.host < agreement.partners.size()
                               ? agreement.partners[*agreement.host].name
                               : std::string("the host");
        return fmt::format(
            "No payment schedule: in a joint budget {} spends and invoices each other partner "
            "monthly for its agreed share of the actual spending to date, so nothing is paid in "
            "advance; each partner's contribution is its agreed share of the budget (pool-recon "
            "shows the invoices).",
            host);
    }
    }
    return {};
}

} // namespace poolkit
