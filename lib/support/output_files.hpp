// A run's output files (SPEC §5, §8): -o and --rejects are each written whole to a temporary file
// beside its target as the run goes, and all are put in place together once the run has
// succeeded, so a run that fails, or is killed, leaves every output as it was and no temporary
// file behind. A replaced file keeps its permission bits; a new one gets 0666 less the umask.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace poolkit {

// Content made in pieces (the rejects file of millions of lines, SPEC §8): calls `put` with each
// piece in order.
using PutPiece = std::function<void(std::string_view)>;
using Producer = std::function<void(const PutPiece& put)>;

// The file that writing `path` replaces: a symbolic link is followed (it stays a link).
std::filesystem::path output_target(const std::string& path);

class OutputFiles {
  public:
    OutputFiles();
    OutputFiles(const OutputFiles&) = delete;
    OutputFiles& operator=(const OutputFiles&) = delete;
    ~OutputFiles(); // discards every output not committed

    // `content` for `path`: a file is written now, to its temporary file; standard output ("-"),
    // a device or a FIFO, which cannot be replaced, keep it until commit(). Throws Error(input)
    // naming `path`.
    void write(const std::string& path, std::string_view content);
    // The same, the content written piece by piece as `produce` makes it: to a file's temporary
    // file, or (for a stream, kept until commit) to memory and beyond 1 MiB to a temporary file.
    void write(const std::string& path, const Producer& produce);

    // Makes the folder `dir` for outputs still to be written, and the folders above it that are
    // missing. Those it made are removed again (when empty) unless the run commits, so a run
    // that fails leaves no folder behind either. Throws Error(input) naming `dir`, with `hint`
    // (what to check) after the system's reason.
    void make_directories(const std::filesystem::path& dir, std::string_view hint);

    // Runs `fn` once commit() has put every output in place (a message that says what was
    // written, which a failed run must not say).
    void after_commit(std::function<void()> fn);

    // Puts every output in place, in the order written: first each temporary file is given its
    // name beside the target, then the streams are written, then the files renamed over their
    // targets. Throws Error(input); what failed is left as it was.
    void commit();

  private:
    struct Pending;
    std::vector<std::unique_ptr<Pending>> pending_;
    std::vector<std::filesystem::path> made_; // folders made, outermost first
    std::vector<std::function<void()>> after_;
    bool committed_ = false;
};

} // namespace poolkit
