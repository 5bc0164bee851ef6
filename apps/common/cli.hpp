// What every tool's main() shares (SPEC §5): --format, -o with atomic output, --version, and one
// place where errors become messages on stderr and exit codes (0 clean, 1 findings, 2 could not
// run). Tools stay thin: parse arguments, call the library, pick the writer.
#pragma once

#include "model/input_file.hpp"

#include <CLI/CLI.hpp>

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

// Adds --format (one of `formats`) and -o/--output to `app`.
void add_output_options(CLI::App& app, OutputOptions& opts, std::vector<std::string> formats);

// An output written in pieces: to stdout ("-"), to a device or FIFO as it is, or else to a
// temporary file in the target's directory that commit() renames over the target, so a failed or
// interrupted run never leaves a partial file (one not committed is removed). Throws
// Error(input).
class OutputFile {
  public:
    explicit OutputFile(const std::string& path);
    ~OutputFile();
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;
    void write(std::string_view content);
    void commit();

  private:
    [[noreturn]] void fail(const char* what);
    std::string path_, target_, tmpl_;
    std::string name_; // the temporary file's name, once it has one
    int fd_ = -1;
    mode_t mask_ = 0;
    bool device_ = false, unnamed_ = false, committed_ = false;
};

// Writes `content` to stdout ("-") or to `path` atomically (an OutputFile written at once).
void write_output(const std::string& path, std::string_view content);

// Parses the arguments and runs `body`, mapping every failure to a message and an exit code:
// usage errors and poolkit::Error of kind input/usage/invariant/arithmetic exit 2, findings exit 1.
int run(CLI::App& app, int argc, char** argv, const std::function<int()>& body);

// The arguments that shape a tool's result, as given (argv[1..]), without those that only choose
// where and how the output goes: -o/--output, --format, --table, --rejects and --threads, in each
// form ("--format json", "--format=json", "-o FILE", "-oFILE"). A statement records them (issue
// 7) and pool-verify runs the tool again with them, adding its own --format json -o -.
std::vector<std::string> recorded_arguments(int argc, const char* const* argv);

// The record of this run for a statement: `tool`, its recorded_arguments, no inputs yet.
RunRecord run_record(std::string_view tool, int argc, const char* const* argv);

// Prints a message on stderr in the tool's voice: "pool-check: error: MESSAGE".
void report_error(std::string_view tool, std::string_view message);

} // namespace poolkit::cli
