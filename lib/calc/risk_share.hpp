// The risk-share protocol (SPEC §7): who bears an overspend and who gets an underspend, by basis
// `pool`, `scheme` or `offset`, with tiers, caps, carry-forward and the opening balance.
//
// Sign conventions, used everywhere in the settlement:
//   - a variance is outturn − budget: + overspend, − underspend;
//   - a partner's risk share: + it pays more, − it receives;
//   - carried_forward: + money the pool keeps for next year (underspend kept, opening balance
//   left);
//   - unallocated: + overspend that no partner takes (never negative), for the partners to agree.
// The identity checked on every run (Error(invariant) otherwise):
//   Σ shares − carried_forward + unallocated = Σ variances − opening balance
// i.e. "risk shares + underspend carried forward + unallocated = the variance being shared", where
// the variance being shared is the net variance less the opening balance applied against it, and
// the opening balance not applied is carried forward.
#pragma once

#include "model/agreement.hpp"

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

namespace poolkit {

// One step of how the shares were reached, for a statement that shows its working (issue 6).
enum class RiskStepKind {
    opening_balance, // `amount` of the opening balance applied against the net overspend
    offset,          // basis offset: `amount` of `scheme`'s variance netted against the other side
                     // (+ overspend cancelled, − underspend used)
    share,           // `amount` shared by `rule` into `shares` (per partner)
    carry_forward,   // `amount` of underspend (negative) kept in the pool
    unallocated,     // `amount` of overspend that no tier covers or no partner can take
    cap,             // `partner`'s share of overspend (`before`) cut to its cap `limit`;
                     // `amount` is the excess
    reallocate,      // `amount` of cap excess shared into `shares` over the partners below their
                     // caps, pro rata to pool contributions
};
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
    Money before;              // cap: the share of overspend before this cut
    int round = 0;             // cap round, 1-based
    std::vector<Money> shares; // per partner, sums to amount (share, reallocate)
};

struct RiskShareResult {
    RiskBasis basis = RiskBasis::pool;
    Money variance;            // net variance of all schemes
    Money opening_balance;     // brought forward
    Money opening_applied;     // part of it applied against the net overspend (basis pool)
    Money shared;              // the variance being shared: variance − opening_applied
    std::vector<Money> shares; // per partner: overspend + underspend shares
    std::vector<Money> overspend_shares;  // per partner, after caps (>= 0)
    std::vector<Money> underspend_shares; // per partner (<= 0)
    Money carried_forward;                // underspend kept + opening balance not applied
    Money underspend_carried; // the part of carried_forward that is this year's underspend (>= 0)
    Money unallocated;        // >= 0
    std::vector<RiskStep> steps;
};

// Shares the year's variances (one per scheme, [[scheme]] order) among the partners by the
// agreement's risk share. Needs a risk share (pooled agreements; not aligned). Every split of
// money is an allocation (SPEC §2). Throws Error(input) for a rule that cannot apply (lead without
// a scheme, a scheme without a lead, a missing host), Error(invariant) if an identity fails.
RiskShareResult share_risk(const Agreement& agreement, std::span<const Money> scheme_variances);

// Caps on each partner's total share of overspend (SPEC §7): a share above its cap is cut to the
// cap and the excess goes to the partners below their caps (or uncapped) pro rata to `weights`
// (pool contributions), repeated until no cap is exceeded; what no partner can take is returned
// as unallocated. `shares` is updated in place; steps are appended to `steps`.
Money apply_caps(std::vector<Money>& shares, std::span<const std::optional<Money>> caps,
                 std::span<const Money> weights, std::vector<RiskStep>& steps);

} // namespace poolkit
