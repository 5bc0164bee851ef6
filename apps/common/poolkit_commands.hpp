// What `poolkit`, the one entry point (SPEC §5), does with its first argument: a tool's command
// (`poolkit recon ...` runs pool-recon beside it, so no tool's code is repeated), `help`, and
// `init` (poolkit_init.hpp).
#pragma once

#include <string>
#include <vector>

namespace poolkit::cli {

// The commands of the pool-* tools beside the running program ("recon" for pool-recon), sorted.
std::vector<std::string> tool_commands();

// Prints what `poolkit` alone shows: each command with the first line of its tool's --help.
void list_commands();

// Runs the tool of `command` ("recon" or "pool-recon") with `args` in place of this process.
// Returns (exit 2, with a message) only when there is no such tool or it cannot be run.
int exec_tool(const std::string& command, const std::vector<std::string>& args);

// `poolkit help COMMAND`: the tool's manual page (man -l, when man is installed, the page is
// installed beside the tools and standard output is a terminal), else its --help.
int show_help(const std::string& command);

} // namespace poolkit::cli
