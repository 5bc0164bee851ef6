#include "calc/schedule.hpp"

#include "model/instalments.hpp"
#include "support/error.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace poolkit {

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
    // As varied (SPEC §14), a change of contribution can fall on a period with no instalment
    // when none remains: that period is then one too.
    out.due = instalments_due(agreement);
    for (Period m : Period::all())
        if (!out.due.empty() &&
            std::any_of(out.due.begin(), out.due.end(),
                        [&](const auto& row) { return !row[m].is_zero(); }) &&
            std::find(out.periods.begin(), out.periods.end(), m) == out.periods.end())
            out.periods.push_back(m);
    std::sort(out.periods.begin(), out.periods.end());
    const std::vector<Money> totals = agreement.partner_contributions();
    for (std::size_t p = 0; p < totals.size(); ++p)
        if (out.due_to(p, Period::count) != totals[p])
            throw Error(ErrorKind::invariant,
                        "a payment schedule does not sum to its contribution");
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
        std::string host = agreement.host && to_size(*agreement.host) < agreement.partners.size()
                               ? agreement.partner(*agreement.host).name
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
