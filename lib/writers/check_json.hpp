// pool-check --format json (SPEC §5): the poolkit.check/1 document: whether the agreement is
// valid, the run that checked it, its diagnostics with their places, and (with --explain) the
// findings.
#pragma once

#include "calc/findings.hpp"
#include "model/diagnostic.hpp"
#include "model/input_file.hpp"

#include <string>
#include <vector>

namespace poolkit {

// `run` records the agreement as its input; `findings` is null without --explain.
std::string check_json(bool valid, const Diagnostics& diagnostics, const RunRecord& run,
                       const std::vector<Finding>* findings);

} // namespace poolkit
