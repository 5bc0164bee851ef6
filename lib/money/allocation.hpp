// Largest-remainder allocation of a total over exact weights (SPEC §2).
#pragma once

#include "money/money.hpp"
#include "money/rational.hpp"

#include <span>
#include <vector>

namespace poolkit {

// Splits `total` over `weights` (non-negative, not all zero unless total is zero): each part is the
// floor of the exact quotient total·w_i/Σw, then the pence left over go one each to the largest
// fractional remainders, ties to the earlier item. A negative total is allocated as −total and
// negated. The parts always sum to `total` exactly.
// Throws Error(ErrorKind::invariant) for negative weights or all-zero weights with a non-zero total.
std::vector<Money> allocate(Money total, std::span<const Rational> weights);

// The same with weights given as amounts of money (e.g. contributions), the common case.
std::vector<Money> allocate(Money total, std::span<const Money> weights);

} // namespace poolkit
