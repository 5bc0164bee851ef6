// A joint budget partner's charge (SPEC §6, §7): its share of the spending on the joint schemes to
// a period, the one calculation that both the month-end invoices and the year-end settlement use.
//
// Per scheme s, from A = s's cumulative actual to period m (all ledgers):
//   - recharge "actual": A allocated (SPEC §2) over s's contributions; over the pool contributions
//     when s's are all zero (a zero budget);
//   - recharge "fixed": each partner with a stated amount is charged that amount phased by s's
//     profile weights to m (model/profile.hpp), whatever was spent; the `rest` partner is charged
//     A − the others (negative when less was spent than the fixed amounts to date).
// Then the caps of [risk_share]: a partner's total over all schemes is bounded at its annual
// contribution plus its cap; the excess is `unallocated` (a finding) and no other partner is
// charged it. So Σ charges + unallocated = Σ A, to the penny.
//
// A forecast charge for the year is the same formula applied to each scheme's forecast outturn at
// m = 12.
#pragma once

#include "model/agreement.hpp"

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

namespace poolkit {

// How one scheme's spending was charged.
struct SchemeCharge {
    Money amount; // the scheme's cumulative actual (or forecast outturn)
    Recharge recharge = Recharge::actual;
    bool by_pool = false; // actual, over the pool contributions (the scheme's are all zero)
    std::optional<PartnerIndex> rest; // fixed: the partner charged what the others leave
    std::vector<Money> parts;         // per partner ([[partner]] order), summing to amount
};

// A partner whose charges over all schemes went above its contribution plus its cap.
struct ChargeCap {
    PartnerIndex partner{};
    Money charged; // Σ over the schemes, before the cap
    Money bound;   // its annual contribution + its cap
    Money excess;  // charged − bound (> 0): unallocated
};

struct JointCharges {
    int periods_elapsed = 0;           // 0..12: the charges to the end of this many periods
    std::vector<SchemeCharge> schemes; // [[scheme]] order
    std::vector<Money> before_caps;    // per partner: Σ of its scheme parts
    std::vector<Money> charge;         // per partner: before_caps, cut to its bound
    std::vector<ChargeCap> caps;       // the partners cut, [[partner]] order
    Money unallocated;                 // Σ excess (>= 0)
};

// `scheme_amounts`: one cumulative amount per scheme ([[scheme]] order) to the end of the first
// `periods_elapsed` periods (0..12; at 0, before the year, nothing is phased). Throws
// Error(invariant) for a wrong count or number of periods, or if
// Σ charges +
// unallocated misses Σ amounts.
JointCharges joint_charges(const Agreement& agreement, std::span<const Money> scheme_amounts,
                           int periods_elapsed);

} // namespace poolkit
