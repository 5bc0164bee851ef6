// Contribution shares (SPEC §1, §5 pool-shares): what each partner puts into each scheme and into
// the whole arrangement, with exact fractions. For an aligned budget (SPEC §1) a partner's
// "contribution" to a scheme is the part of the scheme's budget it keeps and spends itself; for a
// joint budget it is the agreed share of the budget that the host recharges to it.
#pragma once

#include "model/agreement.hpp"
#include "money/money.hpp"
#include "money/rational.hpp"

#include <cstddef>
#include <optional>
#include <vector>

namespace poolkit {

struct SchemeShares {
    SchemeIndex scheme{};             // its place in Agreement::schemes
    Money budget;                     // the scheme's annual budget
    std::vector<Money> contributions; // per partner, [[partner]] order; sums to budget
    // Per partner: contribution / budget, exactly; nullopt when the budget is zero.
    std::vector<std::optional<Rational>> fractions;
};

struct ContributionShares {
    std::vector<SchemeShares> schemes; // [[scheme]] order
    std::vector<Money> partner_totals; // per partner: its contributions over all schemes
    // Per partner: its total / the total of all budgets; nullopt when that total is zero.
    std::vector<std::optional<Rational>> partner_fractions;
    Money total; // the total of the scheme budgets (= the sum of partner_totals)
};

// part / whole exactly; nullopt when whole is zero (a share of nothing is not a number).
std::optional<Rational> fraction_of(Money part, Money whole);

// The shares of a validated agreement. Checks that each scheme's resolved contributions sum to its
// budget (the loader guarantees it): a failure is Error(invariant), a bug, never a statement.
ContributionShares compute_shares(const Agreement& agreement);

} // namespace poolkit
