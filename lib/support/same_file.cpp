#include "support/same_file.hpp"

#include "support/error.hpp"
#include "support/output_files.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>

namespace poolkit {

namespace {

// What a path is: an existing file by device and inode, or a file still to be made by its
// absolute path with every symbolic link resolved.
struct FileIdentity {
    std::optional<struct stat> st;
    std::string future; // when it does not exist yet
};

FileIdentity identify(const std::string& path, int standard_fd, bool as_output) {
    FileIdentity id;
    struct stat st {};
    if (path == "-") {
        if (::fstat(standard_fd, &st) == 0) id.st = st;
        return id;
    }
    if (::stat(path.c_str(), &st) == 0) {
        id.st = st;
        return id;
    }
    if (as_output) {
        namespace fs = std::filesystem;
        std::error_code ec;
        fs::path full = fs::weakly_canonical(fs::absolute(output_target(path), ec), ec);
        if (!ec) id.future = full.string();
    }
    return id;
}

bool same_file(const FileIdentity& a, const FileIdentity& b) {
    if (a.st && b.st)
        return S_ISREG(a.st->st_mode) && a.st->st_dev == b.st->st_dev &&
               a.st->st_ino == b.st->st_ino;
    return !a.st && !b.st && !a.future.empty() && a.future == b.future;
}

} // namespace

void check_outputs(const std::vector<std::string>& inputs,
                   const std::vector<OutputArgument>& outputs) {
    std::vector<FileIdentity> in_ids;
    for (const auto& in : inputs)
        in_ids.push_back(identify(in, STDIN_FILENO, false));
    std::vector<FileIdentity> out_ids;
    for (const auto& out : outputs) {
        FileIdentity id = identify(out.path, STDOUT_FILENO, true);
        const std::string shown = out.option.empty() ? "standard output"
                                  : out.path == "-"  ? out.option + " - (standard output)"
                                                     : out.option + " " + out.path;
        for (std::size_t i = 0; i < inputs.size(); ++i)
            if (same_file(id, in_ids[i]))
                throw Error(ErrorKind::usage,
                            fmt::format("{} is the input {}{}: a tool never writes over its own "
                                        "input; give the output another path",
                                        shown, inputs[i] == "-" ? "on standard input" : inputs[i],
                                        inputs[i] == out.path ? "" : " (the same file)"));
        for (std::size_t j = 0; j < out_ids.size(); ++j)
            if (out.path != "-" && outputs[j].path != "-" && same_file(id, out_ids[j]))
                throw Error(ErrorKind::usage,
                            fmt::format("{} {} and {} are the same file: give each output its "
                                        "own path",
                                        outputs[j].option, outputs[j].path, shown));
        out_ids.push_back(std::move(id));
    }
}

} // namespace poolkit
