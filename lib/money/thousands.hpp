// Amounts in £000 for board papers (SPEC §5 `--thousands`, §2): a column's total is rounded half
// away from zero to the nearest £1,000, and that rounded total is allocated over the column's rows
// by their exact values, so the rows shown still add up to the total shown.
#pragma once

#include "money/money.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace poolkit {

struct ThousandsColumn {
    std::vector<std::int64_t> rows; // £000, summing to total
    std::int64_t total = 0;         // Σ rows exact, rounded half away from zero to £000
};

// One amount rounded half away from zero to £000 (SPEC §2).
std::int64_t round_thousands(Money m);

// Rows of one sign (zeros aside): allocate() of the rounded total by their exact values. Rows of
// both signs cannot be weights: each row's exact £000 value is floored and the thousands left over
// (0 up to the number of rows) go one each to the largest remainders, ties to the earlier row, the
// same rule as allocate() applied to the rows' own values.
ThousandsColumn in_thousands(std::span<const Money> rows);

} // namespace poolkit
