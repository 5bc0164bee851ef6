// pool-check --format json (SPEC §5): the poolkit.check/1 document: whether the agreement is
// valid, the run that checked it, its diagnostics with their places, and the findings (the terms
// that are lawful but risky), counted with the warnings.
#pragma once

#include "writers/explain.hpp"

#include <string>

namespace poolkit {

// The explanation's run records the agreement as its input.
std::string check_json(const Explanation& explanation);

} // namespace poolkit
