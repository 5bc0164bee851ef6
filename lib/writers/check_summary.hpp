// What pool-check prints as text (SPEC §5): the one-screen summary of a valid agreement's terms
// (who is in it and what each puts in, the schemes, the effective risk share with its tiers and
// caps, the monitoring thresholds, the payment schedule), and the line on stderr that counts its
// diagnostics.
#pragma once

#include "model/agreement.hpp"
#include "model/diagnostic.hpp"

#include <string>

namespace poolkit {

// The summary, with any control character of the agreement shown visibly (SPEC §8).
std::string check_summary(const Agreement& agreement);

// "pool-check: a.toml: 1 error, 2 warnings; the agreement is not valid\n" ("<stdin>" for "-").
std::string check_count_line(const std::string& path, const Diagnostics& diagnostics);

} // namespace poolkit
