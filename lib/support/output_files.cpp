#include "support/output_files.hpp"

#include "support/error.hpp"
#include "support/fd_io.hpp"
#include "support/spill.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace poolkit {

namespace fs = std::filesystem;

namespace {

// A file output that failed before it replaced anything.
[[noreturn]] void fail(const std::string& path, const char* what, int err) {
    throw Error(
        ErrorKind::input, {path, 0, 0},
        fmt::format("{}: {}; the old file, if any, is left as it was", what, std::strerror(err)));
}

} // namespace

fs::path output_target(const std::string& path) {
    std::error_code ec;
    fs::path target(path);
    if (!fs::is_symlink(fs::symlink_status(target, ec))) return target;
    fs::path real = fs::canonical(target, ec); // an existing file, every link resolved
    if (!ec) return real;
    // A link to a file still to be made: follow the chain, each link relative to the directory
    // that holds it (40 links at most, as the kernel).
    for (int hops = 0; hops < 40 && fs::is_symlink(fs::symlink_status(target, ec)); ++hops) {
        fs::path next = fs::read_symlink(target, ec);
        if (ec) break;
        target = next.is_absolute() ? next : target.parent_path() / next;
    }
    return target;
}

struct OutputFiles::Pending {
    std::string path;    // as given, for messages
    fs::path target;     // what is replaced, or written to
    bool stream = false; // standard output, a device or a FIFO: written at commit
    Spill content;       // a stream's bytes (beyond 1 MiB in a temporary file)
    int fd = -1;         // a file's temporary file, open until it has its name
    bool unnamed = false;
    std::string temp_template; // "dir/.name.tmp.XXXXXX"
    std::string temp;          // the temporary file's name beside the target, once it has one
    bool done = false;
};

OutputFiles::OutputFiles() = default;

OutputFiles::~OutputFiles() {
    for (auto& p : pending_) {
        if (p->fd >= 0) ::close(p->fd); // an unnamed temporary file vanishes with it
        if (!p->done && !p->temp.empty()) ::unlink(p->temp.c_str());
    }
    if (committed_) return;
    // Innermost first; a folder that holds anything (an output already put in place) stays.
    for (auto it = made_.rbegin(); it != made_.rend(); ++it)
        ::rmdir(it->c_str());
}

void OutputFiles::make_directories(const fs::path& dir, std::string_view hint) {
    std::vector<fs::path> missing;
    std::error_code ec;
    for (fs::path d = dir; !d.empty() && !fs::exists(d, ec); d = d.parent_path()) {
        missing.push_back(d);
        if (d == d.parent_path()) break;
    }
    for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
        if (::mkdir(it->c_str(), 0777) != 0 && errno != EEXIST)
            throw Error(ErrorKind::input, fmt::format("cannot make the folder {}: {} ({})",
                                                      it->string(), std::strerror(errno), hint));
        made_.push_back(*it);
    }
}

void OutputFiles::write(const std::string& path, std::string_view content) {
    write(path, [&](const PutPiece& put) { put(content); });
}

void OutputFiles::write(const std::string& path, const Producer& produce) {
    auto p = std::make_unique<Pending>();
    p->path = path;
    auto keep = [&] { // a stream's content, until commit
        Pending& f = *p;
        pending_.push_back(std::move(p));
        produce([&](std::string_view piece) { f.content.put(piece.data(), piece.size()); });
    };
    if (path == "-") {
        p->stream = true;
        keep();
        return;
    }
    // A device or a FIFO (-o /dev/null, /dev/stderr, a named pipe) is written to as it is:
    // renaming a temporary file over it would replace the device node itself.
    struct stat st {};
    const bool exists = ::stat(path.c_str(), &st) == 0;
    if (exists && S_ISDIR(st.st_mode))
        throw Error(ErrorKind::input, {path, 0, 0},
                    "is a directory, not a file: give the path of the file to write");
    p->target = exists && !S_ISREG(st.st_mode) ? fs::path(path) : output_target(path);
    if (exists && !S_ISREG(st.st_mode)) {
        p->stream = true;
        keep();
        return;
    }
    const fs::path dir = p->target.has_parent_path() ? p->target.parent_path() : fs::path(".");
    const std::string tmpl = (dir / ("." + p->target.filename().string() + ".tmp.XXXXXX")).string();
    // Where the file system allows, the temporary file has no name until commit, so a run that
    // fails or is killed (SIGKILL, a crash, a full disk) leaves nothing behind; elsewhere it is a
    // hidden file named after the target, removed when the run fails.
    mode_t mask = ::umask(0);
    ::umask(mask);
    const mode_t mode = exists ? (st.st_mode & 07777) : (0666 & ~mask);
    p->fd = ::access("/proc/self/fd", X_OK) == 0
                ? ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, mode)
                : -1;
    p->unnamed = p->fd >= 0;
    if (!p->unnamed) {
        std::vector<char> name(tmpl.begin(), tmpl.end());
        name.push_back('\0');
        p->fd = ::mkstemp(name.data());
        if (p->fd >= 0) p->temp = name.data();
    }
    if (p->fd < 0)
        throw Error(ErrorKind::input, {path, 0, 0},
                    fmt::format("cannot create the output file: {} (does the directory exist and "
                                "can you write to it?)",
                                std::strerror(errno)));
    p->temp_template = tmpl;
    Pending& f = *p;
    pending_.push_back(std::move(p)); // from here the destructor cleans up
    produce([&](std::string_view piece) {
        if (int err = write_all(f.fd, piece)) fail(path, "cannot write the output file", err);
    });
    // The replaced file's owner and mode carry over, as far as this user may set them.
    if (exists) (void)!::fchown(f.fd, st.st_uid, st.st_gid);
    ::fchmod(f.fd, mode);
    if (::fsync(f.fd) != 0 && errno != EINVAL) fail(path, "cannot write the output file", errno);
}

void OutputFiles::commit() {
    // Each temporary file gets its hidden name beside the target (linkat through /proc, as open(2)
    // shows for O_TMPFILE) and is closed: what can still fail before anything is replaced.
    for (auto& p : pending_) {
        if (p->stream) continue;
        if (p->unnamed) {
            const std::string self = "/proc/self/fd/" + std::to_string(p->fd);
            const std::string stem = p->temp_template.substr(0, p->temp_template.size() - 6);
            for (int attempt = 0; attempt < 100 && p->temp.empty(); ++attempt) {
                std::string candidate =
                    stem + std::to_string(::getpid()) + "." + std::to_string(attempt);
                if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, candidate.c_str(),
                             AT_SYMLINK_FOLLOW) == 0)
                    p->temp = candidate;
                else if (errno != EEXIST)
                    break;
            }
            if (p->temp.empty()) fail(p->path, "cannot name the output file", errno);
        }
        int fd = p->fd;
        p->fd = -1;
        if (::close(fd) != 0) fail(p->path, "cannot write the output file", errno);
    }
    // A stream's content in pieces of up to 1 MiB, from memory or its temporary file.
    auto each_piece = [](const Spill& content, const std::function<void(std::string_view)>& fn) {
        Spill::Cursor c(content);
        std::string piece;
        for (std::uint64_t left = content.size(); left > 0;) {
            piece.resize(static_cast<std::size_t>(std::min<std::uint64_t>(left, 1 << 20)));
            c.get(piece.data(), piece.size());
            fn(piece);
            left -= piece.size();
        }
    };
    for (auto& p : pending_) {
        if (!p->stream) continue;
        if (p->path == "-") {
            each_piece(p->content, [](std::string_view piece) {
                std::fwrite(piece.data(), 1, piece.size(), stdout);
            });
            std::fflush(stdout);
            if (std::ferror(stdout))
                throw Error(ErrorKind::input, "could not write to standard output");
        } else {
            int fd = ::open(p->target.c_str(), O_WRONLY | O_CLOEXEC);
            if (fd < 0)
                throw Error(ErrorKind::input, {p->path, 0, 0},
                            fmt::format("cannot open the output: {}", std::strerror(errno)));
            int err = 0;
            each_piece(p->content, [&](std::string_view piece) {
                if (err == 0) err = write_all(fd, piece);
            });
            if (::close(fd) != 0 && err == 0) err = errno;
            if (err)
                throw Error(ErrorKind::input, {p->path, 0, 0},
                            fmt::format("cannot write the output: {}", std::strerror(err)));
        }
        p->done = true;
    }
    for (auto& p : pending_) {
        if (p->stream) continue;
        if (std::rename(p->temp.c_str(), p->target.c_str()) != 0)
            fail(p->path, "cannot replace the output file", errno);
        p->done = true;
    }
    committed_ = true;
    for (const auto& fn : after_)
        fn();
}

void OutputFiles::after_commit(std::function<void()> fn) {
    after_.push_back(std::move(fn));
}

} // namespace poolkit
