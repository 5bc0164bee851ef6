// What a JSON statement records of the run that made it (SPEC §5: `schema`, `tool`, `arguments`,
// `inputs`), read back by pool-verify to run the tool again. A statement is untrusted: it may have
// been edited, so the record is checked until running it can do no more than the tool that made it
// did — run that tool (never another program), write nothing but its statement on standard output,
// and read only the inputs the statement lists (which pool-verify checks are regular files, as
// recorded). Which arguments a tool records, and which of them name files, is the command line's
// knowledge (apps/common/run_arguments.hpp): the caller gives it.
#pragma once

#include "model/input_file.hpp"
#include "readers/json_reader.hpp"

#include <functional>
#include <string>
#include <vector>

namespace poolkit {

struct StatementRun {
    std::string schema;  // "poolkit.settle/1"
    std::string version; // of the poolkit that made it
    RunRecord run;       // the tool that writes `schema`, the recorded arguments and inputs
};

// The arguments a tool would record of `arguments`: all of them, unless some choose where output
// goes.
using RecordedArguments = std::function<std::vector<std::string>(const std::vector<std::string>&)>;

// Reads the record of `doc` (the statement, from `file`). Throws Error(input) naming `file` for
// anything missing or misshapen, a schema pool-verify does not know (model/schemas.hpp), a tool
// that does not write that schema, and recorded arguments that `recorded` would not keep (which a
// tool never records).
StatementRun read_statement_run(const JsonValue& doc, const std::string& file,
                                const RecordedArguments& recorded);

// Of `named` (the paths the recorded arguments name), those that are not recorded inputs, kept
// when `exists` says there is something at that path: what the tool would read unchecked if run
// again. Each once, in order; "-" (standard input, /dev/null for the re-run) is not one.
std::vector<std::string> unrecorded_paths(const RunRecord& run,
                                          const std::vector<std::string>& named,
                                          const std::function<bool(const std::string&)>& exists);

// Throws Error(input) naming `file` and each path, when unrecorded_paths finds any, looking at
// each path as check_input does (relative to `base` when given).
void check_arguments_are_inputs(const RunRecord& run, const std::vector<std::string>& named,
                                const std::string& base, const std::string& file);

} // namespace poolkit
