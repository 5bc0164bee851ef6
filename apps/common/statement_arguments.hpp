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

// Refuses an `output` of pool-verify (-o FILE, or standard output redirected to a file) that is
// one of the statement's recorded inputs as found from `base`: it never writes over what it checks.
void check_output_is_not_an_input(const RunRecord& run, const std::string& base,
                                  const std::string& output);

// The arguments to run the tool again with: its statement as JSON on standard output, then the
// recorded arguments (after them a "--" would make an option positional).
std::vector<std::string> rerun_arguments(const RunRecord& run);

} // namespace poolkit::cli
