// When contributions fall due (SPEC §2, §3): the instalment periods of a payment schedule, and each
// partner's annual contribution allocated over them with equal weights (SPEC §2: "4 equal
// instalments", ties to the earlier instalment). In the model, not calc, because a variation
// (SPEC §14) re-phases instalments when it is applied (model/varied_agreement.hpp).
#pragma once

#include "model/agreement.hpp"

#include <vector>

namespace poolkit {

// The periods instalments fall due in: monthly P01..P12; quarterly in advance P01, P04, P07, P10
// (1 April, 1 July, 1 October, 1 January); annual in advance P01.
std::vector<Period> instalment_periods(PaymentSchedule frequency);

// Per partner ([[partner]] order), its contribution (Agreement::partner_contributions) over the
// instalment periods of the agreement's schedule; each row sums to the contribution.
std::vector<PeriodArray<Money>> agreed_instalments(const Agreement& a);

// What falls due per partner and period: the instalments as varied when a variation has been
// applied (Agreement::instalments), else the agreed ones.
std::vector<PeriodArray<Money>> instalments_due(const Agreement& a);

} // namespace poolkit
