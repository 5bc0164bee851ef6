// CLI11's parse errors said in poolkit's voice (SPEC §5: a usage error exits 2): what is wrong and
// what to do, naming the option or argument as the tool's --help does, with "did you mean" for a
// misspelled option or choice. Every tool's cli::run says its parse errors through this one place.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace poolkit::cli {

// The message for `error`, thrown by `app.parse` on the arguments `args` (argv without the
// tool's name). An unknown option is named first whatever CLI11 reported, since its value was
// then taken for an argument and what followed from that would mislead ("--period is required"
// for "--perod P06"). A message this does not know is CLI11's own.
std::string usage_message(const CLI::App& app, const CLI::ParseError& error,
                          const std::vector<std::string>& args);

} // namespace poolkit::cli
