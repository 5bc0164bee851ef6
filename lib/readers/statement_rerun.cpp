#include "readers/statement_rerun.hpp"

#include "support/child_process.hpp"
#include "support/error.hpp"
#include "support/visible_text.hpp"

#include <fmt/format.h>

#include <unistd.h>

namespace poolkit {

JsonValue recompute_statement(const RunRecord& run, const std::vector<std::string>& arguments,
                              const std::string& base, std::chrono::seconds limit,
                              const std::string& statement,
                              const std::function<void(std::string_view)>& show) {
    const std::string directory = program_directory();
    if (directory.empty())
        throw Error(ErrorKind::input, "cannot find where pool-verify is installed");
    const std::string program = directory + "/" + run.tool;
    if (::access(program.c_str(), X_OK) != 0)
        throw Error(
            ErrorKind::input,
            fmt::format("cannot run {}: it is not next to pool-verify ({})", run.tool, program));
    ChildResult redo = run_child(program, arguments, base.empty() ? "." : base, limit,
                                 {"pool-verify: cannot change to the --base directory\n",
                                  "pool-verify: cannot run the tool\n"});
    const auto seconds = limit.count();
    if (redo.timed_out) {
        show(redo.err);
        throw Error(ErrorKind::input,
                    fmt::format("{} did not finish recomputing {} within {} second{}, so it was "
                                "stopped (a slower machine or a bigger ledger may need a longer "
                                "--timeout)",
                                run.tool, statement, seconds, seconds == 1 ? "" : "s"));
    }
    if (redo.exit_code != 0 && redo.exit_code != 1) {
        show(visible_lines(redo.err));
        throw Error(ErrorKind::input,
                    fmt::format("{} could not recompute {} ({}; its messages are above)", run.tool,
                                statement,
                                redo.exit_code < 0 ? std::string("killed by a signal")
                                                   : fmt::format("exit {}", redo.exit_code)));
    }
    if (redo.out.empty()) {
        show(visible_lines(redo.err));
        throw Error(
            ErrorKind::input,
            fmt::format("{} wrote no statement when run again (its messages are above)", run.tool));
    }
    return parse_json(redo.out, "the output of " + run.tool);
}

} // namespace poolkit
