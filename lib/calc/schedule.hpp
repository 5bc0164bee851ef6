// The payment schedule of contributions (SPEC §2, §5, §6): when each partner pays its annual
// contribution to the host of a pooled fund. A schedule is an allocation (SPEC §2): a partner's
// contribution is allocated over its instalments with equal weights ("4 equal instalments",
// "one twelfth" a month), the spare pence to the earlier instalments, so the instalments always
// sum exactly to the contribution.
#pragma once

#include "model/agreement.hpp"
#include "money/money.hpp"

#include "model/instalments.hpp" // instalment_periods
#include "model/period.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace poolkit {

// Whether contributions are paid by instalments at all. Only a pooled fund has a schedule
// (SPEC §1):
//  - aligned: "budgets stay with each partner ... no money moves": nothing is paid;
//  - joint: the host spends and invoices the others for their share of ACTUAL spending, monthly
//    and cumulatively (SPEC §2, §6): the invoices follow the ledgers, so there is no schedule of
//    contributions in advance; pool-recon computes the invoices.
enum class ScheduleBasis { instalments, none_aligned, none_joint };

struct ContributionSchedule {
    ScheduleBasis basis = ScheduleBasis::instalments;
    PaymentSchedule frequency = PaymentSchedule::monthly; // meaningful for instalments only
    std::vector<Period> periods; // the periods instalments fall due in, ascending; none for none_*
    // Per partner ([[partner]] order), the amount due in each period; zero outside `periods`.
    // Each row sums to the partner's annual contribution.
    std::vector<PeriodArray<Money>> due;

    bool has_instalments() const { return basis == ScheduleBasis::instalments; }

    // What `partner` should have paid by the end of the first `periods_elapsed` periods (0..12):
    // its instalments due in them. This is contribution_due_ytd of the month-end reconciliation
    // (SPEC §6). Zero for aligned and joint agreements, where no contribution falls due.
    Money due_to(std::size_t partner, int periods_elapsed) const;

    // The total due in `period` over all partners.
    Money period_total(Period period) const;
};

// The schedule of a validated agreement from each partner's total contribution
// (Agreement::partner_contributions()), or its instalments as varied (SPEC §14).
ContributionSchedule build_schedule(const Agreement& agreement);

// A sentence for a finance officer on why there is no schedule (aligned or joint), naming the
// host of a joint budget; empty for a schedule with instalments.
std::string schedule_note(const Agreement& agreement, const ContributionSchedule& schedule);

} // namespace poolkit
