// The outputs of a tool's run (SPEC §5, §8): what the run writes goes to the OutputFiles that
// cli::run makes for it (support/output_files.hpp), and is put in place only when the run succeeds.
#pragma once

#include "support/output_files.hpp"

#include <functional>
#include <string>
#include <string_view>

namespace poolkit::cli {

// While a CommitScope is alive, write_output() writes to its OutputFiles (cli::run makes one per
// run and commits it when the run succeeds).
class CommitScope {
  public:
    explicit CommitScope(OutputFiles& files);
    CommitScope(const CommitScope&) = delete;
    CommitScope& operator=(const CommitScope&) = delete;
    ~CommitScope();

  private:
    OutputFiles* previous_;
};

// Writes `content` to `path` ("-" is standard output) within the run's OutputFiles; outside a
// CommitScope, at once (still atomically). Throws Error(input).
void write_output(const std::string& path, std::string_view content);
void write_output(const std::string& path, const Producer& produce);

// Makes the folder `dir` for outputs, and the missing folders above it; within a CommitScope they
// are removed again when the run does not succeed (OutputFiles::make_directories).
void make_output_directories(const std::string& dir, std::string_view hint);

// Runs `fn` once the run's outputs are in place (at once outside a CommitScope): what a tool says
// it wrote is said only when it did.
void after_outputs_committed(std::function<void()> fn);

} // namespace poolkit::cli
