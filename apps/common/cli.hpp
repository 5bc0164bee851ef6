// What every tool's main() shares (SPEC §5): --format, -o with atomic output, --version, and one
// place where errors become messages on stderr and exit codes (0 clean, 1 findings, 2 could not
// run). Tools stay thin: parse arguments, call the library, pick the writer.
#pragma once

#include "tools.hpp"

#include "model/input_file.hpp"
#include "run_arguments.hpp"
#include "run_output.hpp"
#include "support/keyword_table.hpp"

#include <CLI/CLI.hpp>

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <vector>

namespace poolkit::cli {

enum Exit : int { exit_clean = 0, exit_findings = 1, exit_failure = 2 };

struct OutputOptions {
    std::string format = "text";
    std::string output = "-";
};

// Sets up --version and the footer of --help for a tool.
void describe_tool(CLI::App& app, std::string_view tool);

// A tool's command line: its name and description (tools.hpp), --version and the footer of --help.
class ToolApp : public CLI::App {
  public:
    explicit ToolApp(Tool tool)
        : CLI::App(std::string(tool_info(tool).description), std::string(tool_info(tool).name)) {
        describe_tool(*this, tool_info(tool).name);
    }
};

// The string keywords of an enum's table (support/keyword_table.hpp), as an option's choices.
template <class E, std::size_t N> std::vector<std::string> choices(const KeywordTable<E, N>& t) {
    const auto keywords = t.keywords();
    return {keywords.begin(), keywords.end()};
}

// Adds --format (one of `formats`) and -o/--output to `app`. When -o names a file whose extension
// is one of `formats` (format_of_output), that is the format unless --format is given; a --format
// that says another is a usage error (SPEC §5). Any other extension: the default, text.
void add_output_options(CLI::App& app, OutputOptions& opts, std::vector<std::string> formats);

// The format an output file's extension names: .txt text, .md markdown, .html, .json, .csv,
// .xlsx (any case); nullopt for standard output ("-") and any other name.
std::optional<std::string> format_of_output(const std::string& path);

// Parses the arguments and runs `body`, mapping every failure to a message and an exit code:
// usage errors and poolkit::Error of kind input/usage/invariant/arithmetic exit 2, findings exit 1.
// Before `body`, refuses an output that is one of the inputs (support/same_file.hpp); what `body`
// writes with write_output() is put in place only when it returns 0 or 1 (run_output.hpp).
int run(CLI::App& app, int argc, char** argv, const std::function<int()>& body);

// The record of this run for a statement: `tool`, its recorded_arguments, no inputs yet.
RunRecord run_record(std::string_view tool, int argc, const char* const* argv);

// Prints a message on stderr in the tool's voice: "pool-check: error: MESSAGE".
void report_error(std::string_view tool, std::string_view message);

} // namespace poolkit::cli
