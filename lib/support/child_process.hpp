// Running a program as a child process and capturing what it prints (pool-verify runs the tool
// that made a statement again): no shell, standard input /dev/null, a time limit, and nothing left
// running once the caller is gone.
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace poolkit {

struct ChildResult {
    int exit_code = -1;     // -1: ended by a signal
    bool timed_out = false; // stopped when the time limit passed
    std::string out, err;
};

// What the child writes on its standard error (each a line) when it cannot go to `cwd`, or cannot
// run the program, before it exits 127.
struct ChildStartMessages {
    std::string no_directory = "cannot change to the working directory\n";
    std::string no_program = "cannot run the program\n";
};

// Runs `program` with `args` in the directory `cwd` and waits for it, for `limit` at most. The
// child runs in its own process group, which is killed when the limit passes, and when the caller
// gets SIGINT, SIGTERM, SIGHUP or SIGQUIT (the caller then ends by that signal, as it would have);
// the child also gets SIGKILL if the caller dies any other way (PR_SET_PDEATHSIG). Throws
// Error(input) when the child cannot be started.
ChildResult run_child(const std::string& program, const std::vector<std::string>& args,
                      const std::string& cwd, std::chrono::milliseconds limit,
                      const ChildStartMessages& messages = {});

// The directory that holds the running program (from /proc/self/exe), where its sibling tools
// are; empty when it cannot be found.
std::string program_directory();

} // namespace poolkit
