#include "calc/schedule.hpp"

#include "money/allocation.hpp"
#include "support/error.hpp"

#include <fmt/format.h>

namespace poolkit {

std::vector<int> instalment_periods(PaymentSchedule frequency) {
    switch (frequency) {
    case PaymentSchedule::monthly:
        return {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    case PaymentSchedule::quarterly_in_advance:
        return {1, 4, 7, 10};
    case PaymentSchedule::annual_in_advance:
        return {1};
    }
    throw Error(ErrorKind::invariant, "unknown payment schedule");
}

Money ContributionSchedule::due_to(std::size_t partner, int period) const {
    if (partner >= due.size() || period < 0 || period > 12)
        throw Error(
            ErrorKind::invariant,
            fmt::format("contribution due asked for partner {} at period {}", partner, period));
    Money sum;
    for (int p = 1; p <= period; ++p)
        sum += due[partner][p - 1];
    return sum;
}

Money ContributionSchedule::period_total(int period) const {
    Money sum;
    for (const auto& row : due)
        sum += row.at(static_cast<std::size_t>(period - 1));
    return sum;
}

ContributionSchedule build_schedule(const Agreement& agreement) {
    ContributionSchedule out;
    out.frequency = agreement.payment_schedule;
    out.due.assign(agreement.partners.size(), std::array<Money, 12>{});
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
            out.due[p][static_cast<std::size_t>(out.periods[i] - 1)] = parts[i];
        if (out.due_to(p, 12) != totals[p])
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
