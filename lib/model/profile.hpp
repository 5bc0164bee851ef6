// Phasing of a scheme's annual budget over the 12 periods (SPEC §1 "profile", §2): an allocation
// of the budget by the profile's weights (`even` = equal weights), ties to the earlier period, or
// the 12 amounts as written when they sum exactly to the budget.
#pragma once

#include "model/agreement.hpp"
#include "model/diagnostic.hpp"

#include <array>
#include <optional>
#include <string_view>

namespace poolkit {

// Checks `profile` against `budget` (12 weights, none negative, not all zero for a non-zero
// budget; or 12 non-negative amounts summing to the budget) and phases the budget. On a failure,
// reports it at profile.where, naming `scheme_id`, and returns nullopt.
std::optional<PeriodArray<Money>> phase_budget(const Profile& profile, Money budget,
                                               std::string_view scheme_id, Diagnostics& diags);

// `amount` phased over the 12 periods by the profile's own weights (SPEC §6, a fixed recharge):
// equal for `even`, the listed weights, or the stated amounts as weights; an allocation (SPEC §2),
// ties to the earlier period. Zero everywhere when the amount or every weight is zero. Expects a
// profile the loader accepted (12 weights or amounts, none negative).
PeriodArray<Money> phase_by_weights(const Profile& profile, Money amount);

} // namespace poolkit
