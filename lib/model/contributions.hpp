// Resolution of contributions (SPEC §3): what each partner puts into each scheme, from the
// scheme's own terms or the pool-level [contributions]:
//   - percentages (at most one "rest" taking what is left of 100%) must sum to exactly 100%; a
//     scheme's budget is allocated (SPEC §2) over them, ties to the earlier partner;
//   - amounts (at most one "rest" taking what is left of the budget) must sum exactly to the
//     scheme's budget; pool-level amounts to the total budget of the schemes that use them, each of
//     which they split in proportion (see resolve_contributions);
//   - percentages and amounts are never mixed in one set of terms.
#pragma once

#include "model/agreement.hpp"
#include "model/diagnostic.hpp"

#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace poolkit {

// Resolves one set of terms against `total` into an amount per partner ([[partner]] order, summing
// to `total`). `owner` names the terms in messages ("scheme S03", "the pool-level
// [contributions]"); errors are reported at `where` (the terms' table) or at the faulty term.
std::optional<std::vector<Money>> resolve_terms(std::span<const ContributionTerm> terms,
                                                Money total, std::size_t partner_count,
                                                std::string_view owner, const SourceLocation& where,
                                                Diagnostics& diags);

// "99.999999999999%, not 100% (short by 0.000000000001%)": a sum of percentages that is not
// exactly 100%, with every decimal it has, so a message never says "100%, not 100%".
std::string percent_sum_phrase(const Rational& sum);

// Fills Scheme::contributions of every scheme of `a`. `pool_ok` says the pool-level terms were read
// without error, `scheme_ok[s]` that scheme s's budget and own terms were; what was not read is
// not resolved (its errors are already reported). Pool-level amounts are split over the schemes
// that use them in [[scheme]] order, each scheme's budget allocated over what each partner has
// left of its stated amount: the first scheme exactly in proportion to the stated amounts, and the
// partner totals come out exactly as stated (a plain per-scheme allocation could miss them by a
// penny). Returns true when every scheme was resolved.
bool resolve_contributions(Agreement& a, bool pool_ok, const std::vector<bool>& scheme_ok,
                           Diagnostics& diags);

} // namespace poolkit
