// The risk-share protocol (SPEC §7): who bears an overspend and who gets an underspend, by basis
// `pool`, `scheme` or `offset`, with tiers, caps, carry-forward and the opening balance.
//
// Sign conventions, used everywhere in the settlement:
//   - a variance is outturn − budget: + overspend, − underspend;
//   - a partner's risk share: + it pays more, − it receives;
//   - the opening balance: + a surplus brought forward, − a deficit brought forward;
//   - carried_forward: + money the pool keeps for next year (underspend kept, surplus brought
//     forward not used);
//   - unallocated: + overspend that no partner takes (never negative), for the partners to agree.
// The order of the steps (SPEC §7): a deficit brought forward is recovered first, by pool
// contributions and outside the caps; a surplus brought forward meets the year's overspend before
// any partner bears it; the rest of the variance is shared by the rules of the basis; then the caps
// bound each partner's net risk share (its overspend shares less its underspend shares).
// The identity checked on every run (Error(invariant) otherwise):
//   Σ shares − carried_forward + unallocated = Σ variances − opening balance
#pragma once

#include "model/agreement.hpp"
#include "support/keyword_table.hpp"

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

namespace poolkit {

// One step of how the shares were reached, for a statement that shows its working (SPEC §7).
enum class RiskStepKind {
    deficit_recovery, // `amount` of a deficit brought forward recovered into `shares` pro rata to
                      // pool contributions (outside the caps)
    opening_balance,  // `amount` of a surplus brought forward applied against the overspend (of
                      // `scheme`, with bases scheme and offset)
    offset,           // basis offset: `amount` of `scheme`'s variance netted against the other side
                      // (+ overspend cancelled, − underspend used)
    share,            // `amount` shared by `rule` into `shares` (per partner)
    carry_forward,    // `amount` of underspend (negative) kept in the pool
    unallocated,      // `amount` of overspend that no tier covers or no partner can take
    cap,              // `partner`'s net risk share (`before`) cut to its cap `limit`;
                      // `amount` is the excess
    reallocate,       // `amount` of cap excess shared into `shares` over the partners below their
                      // caps, pro rata to pool contributions
};
// The keyword of each step in JSON and CSV (SPEC §5).
inline constexpr auto risk_step_kinds =
    keywords_in_order<RiskStepKind>({"deficit-recovery", "opening-balance", "offset", "share",
                                     "carry-forward", "unallocated", "cap", "reallocate"});
const char* step_kind_name(RiskStepKind k); // "share", "cap", ...

// Whose contributions weighted a `contributions` share.
enum class WeightBasis { none, pool, scheme };

struct RiskStep {
    RiskStepKind kind = RiskStepKind::share;
    std::optional<std::size_t> scheme;  // the scheme whose variance this is (basis scheme/offset)
    std::optional<std::size_t> tier;    // index into RiskShare::overspend_tiers
    std::optional<std::size_t> partner; // the capped partner
    RuleKind rule = RuleKind::contributions;
    bool underspend = false;                 // the rule is an underspend rule
    WeightBasis weights = WeightBasis::none; // for rule contributions
    Money amount;
    Money tier_from, tier_to;  // tier slice: the part of the variance from..to
    Money limit;               // cap
    Money before;              // cap: the net risk share before this cut
    int round = 0;             // cap round, 1-based
    bool deficit = false;      // unallocated: a deficit brought forward that nobody contributes to
    std::vector<Money> shares; // per partner, sums to amount (share, reallocate)
};

struct RiskShareResult {
    RiskBasis basis = RiskBasis::pool;
    Money variance;            // net variance of all schemes
    Money opening_balance;     // brought forward: + surplus, − deficit
    Money opening_applied;     // + the surplus used against overspends; − the deficit recovered
    Money shared;              // the variance being shared: variance − opening_applied
    std::vector<Money> shares; // per partner: deficit recovery + overspend + underspend shares
    std::vector<Money> deficit_recovery;  // per partner (>= 0): its part of a deficit recovered
    std::vector<Money> overspend_shares;  // per partner, after caps (>= 0)
    std::vector<Money> underspend_shares; // per partner (<= 0)
    std::vector<Money> net_shares; // per partner: overspend + underspend, what the caps bound
    Money carried_forward;         // underspend kept + surplus brought forward not used
    Money underspend_carried; // the part of carried_forward that is this year's underspend (>= 0)
    Money unallocated;        // >= 0
    std::vector<RiskStep> steps;
};

// Shares the year's variances (one per scheme, [[scheme]] order) among the partners by the
// agreement's effective risk share (effective_risk_share: the stated one or the default of SPEC
// §7), with the opening balance. Pooled agreements only (Error(usage) otherwise). Every split of
// money is an allocation (SPEC §2). Throws Error(input) for a rule that cannot apply (lead without
// a scheme, a scheme without a lead, a missing host), Error(invariant) if an identity fails.
RiskShareResult share_risk(const Agreement& agreement, std::span<const Money> scheme_variances);

// Caps on each partner's net risk share (SPEC §7): in each round every partner whose net share is
// above its cap is cut to its cap at once, and the total excess is shared pro rata to `weights`
// (pool contributions) among the partners not cut in any round so far, whether or not they have a
// cap of their own; rounds repeat until no cap is exceeded; what no partner can take is returned
// as unallocated. `shares` (net shares) is updated in place; steps are appended to `steps`.
Money apply_caps(std::vector<Money>& shares, std::span<const std::optional<Money>> caps,
                 std::span<const Money> weights, std::vector<RiskStep>& steps);

} // namespace poolkit
