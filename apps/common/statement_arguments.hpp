// A statement's recorded run (readers/statement_run.hpp) as the tools' command lines read it
// (SPEC §5): which of its arguments a tool records and which name files (run_arguments.hpp), and
// the command line that makes the statement again.
#pragma once

#include "readers/statement_run.hpp"

#include <functional>
#include <string>
#include <vector>

namespace poolkit::cli {

// read_statement_run, refusing recorded arguments that choose where output goes (-o, --format,
// --table, --rejects, --threads).
StatementRun read_statement_run(const JsonValue& doc, const std::string& file);

// unrecorded_paths of the paths the recorded arguments name (named_paths).
std::vector<std::string> unrecorded_paths(const RunRecord& run,
                                          const std::function<bool(const std::string&)>& exists);

// check_arguments_are_inputs of the paths the recorded arguments name.
void check_arguments_are_inputs(const RunRecord& run, const std::string& base,
                                const std::string& file);

// The arguments to run the tool again with: its statement as JSON on standard output, then the
// recorded arguments (after them a "--" would make an option positional).
std::vector<std::string> rerun_arguments(const RunRecord& run);

} // namespace poolkit::cli
