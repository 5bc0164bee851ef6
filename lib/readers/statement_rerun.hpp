// Making a statement again (SPEC §5): pool-verify runs the tool that made it, found beside itself,
// on the recorded inputs with the recorded arguments, and reads the statement the tool prints.
#pragma once

#include "model/input_file.hpp"
#include "readers/json_reader.hpp"

#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace poolkit {

// Runs `run.tool` from this program's directory with `arguments` (its statement as JSON on
// standard output, then the recorded arguments) in the directory `base` ("" is the current one),
// for `limit` at most, and reads what it prints. Exit 1 is a tool's findings (rejected lines, an
// invalid agreement): its statement is still there. Throws Error(input) naming the statement
// `statement` when the tool is not there, does not finish in time, fails, or prints nothing; what
// it said on standard error is given to `show` first.
JsonValue recompute_statement(const RunRecord& run, const std::vector<std::string>& arguments,
                              const std::string& base, std::chrono::seconds limit,
                              const std::string& statement,
                              const std::function<void(std::string_view)>& show);

} // namespace poolkit
