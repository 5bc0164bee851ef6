#include "readers/verify_inputs.hpp"

#include "readers/sha256.hpp"
#include "support/error.hpp"
#include "support/fd_io.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace poolkit {

namespace {

// "3f2a9c1d0b7e…": enough of a digest to tell two apart in a message.
std::string short_hash(const std::string& hex) {
    return hex.substr(0, 12) + "…";
}

std::string bytes_text(std::uint64_t n) {
    return fmt::format("{} byte{}", n, n == 1 ? "" : "s");
}

const char* file_kind(mode_t mode) {
    return S_ISDIR(mode)    ? "a directory"
           : S_ISFIFO(mode) ? "a FIFO (named pipe)"
           : S_ISCHR(mode)  ? "a character device"
           : S_ISBLK(mode)  ? "a block device"
           : S_ISSOCK(mode) ? "a socket"
                            : "an unknown kind of file";
}

} // namespace

std::string resolve_input_path(const std::string& path, const std::string& base) {
    if (base.empty() || path.empty() || path.front() == '/') return path;
    return base.back() == '/' ? base + path : base + "/" + path;
}

InputCheck check_input(const InputFile& recorded, const std::string& base,
                       const InputLocator& locate) {
    InputCheck c;
    const std::string role = recorded.role.empty() ? "input" : recorded.role;
    const std::string name = fmt::format("{} {}", role, recorded.path);
    if (recorded.path == "-") {
        c.status = InputCheck::Status::standard_input;
        c.problem = fmt::format("{}: was read from standard input, so it cannot be checked or read "
                                "again; make the statement with the file's path instead",
                                role);
        return c;
    }
    if (locate) c.looked_at = locate(recorded);
    if (c.looked_at.empty()) c.looked_at = resolve_input_path(recorded.path, base);
    const std::string where =
        c.looked_at == recorded.path ? std::string() : fmt::format(" (looked for {})", c.looked_at);

    // Non-blocking, so that neither opening a FIFO nor reading a file that never ends (a
    // terminal, /proc/kmsg) can make pool-verify wait: only a regular file is read, and no more
    // of it than the statement's byte count and one byte more, which is enough to tell it changed.
    int fd = ::open(c.looked_at.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) {
        int err = errno;
        c.status = err == ENOENT || err == ENOTDIR ? InputCheck::Status::missing
                                                   : InputCheck::Status::unreadable;
        c.problem = c.status == InputCheck::Status::missing
                        ? fmt::format("{}: missing{}", name, where)
                        : fmt::format("{}: cannot be read{}: {}", name, where, std::strerror(err));
        return c;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        c.status = InputCheck::Status::unreadable;
        c.problem = fmt::format("{}: is {}, not a regular file{}: pool-verify reads only the files "
                                "a statement was made from",
                                name, file_kind(st.st_mode), where);
        return c;
    }
    if (static_cast<std::uint64_t>(st.st_size) != recorded.bytes) {
        ::close(fd);
        c.status = InputCheck::Status::changed;
        c.bytes = static_cast<std::uint64_t>(st.st_size);
        c.problem = fmt::format("{}: changed{}: {} now, {} in the statement", name, where,
                                bytes_text(c.bytes), bytes_text(recorded.bytes));
        return c;
    }
    Sha256 hash;
    std::vector<char> buf(1 << 20);
    // The size said by stat can be wrong (a file in /proc says 0) or change while it is read.
    const std::uint64_t most = recorded.bytes + 1;
    while (c.bytes < most) {
        ssize_t n = read_some(fd, buf.data(), std::min<std::uint64_t>(buf.size(), most - c.bytes));
        if (n < 0) {
            int err = errno;
            ::close(fd);
            c.status = InputCheck::Status::unreadable;
            c.problem = fmt::format("{}: cannot be read{}: {}", name, where, std::strerror(err));
            return c;
        }
        if (n == 0) break;
        hash.update(std::string_view(buf.data(), static_cast<std::size_t>(n)));
        c.bytes += static_cast<std::uint64_t>(n);
    }
    ::close(fd);
    c.sha256 = hash.hex();
    if (c.bytes == recorded.bytes && c.sha256 == recorded.sha256) return c;
    c.status = InputCheck::Status::changed;
    if (c.bytes != recorded.bytes)
        c.problem = fmt::format("{}: changed{}: {} now, {} in the statement", name, where,
                                c.bytes > recorded.bytes ? "more than " + bytes_text(recorded.bytes)
                                                         : bytes_text(c.bytes),
                                bytes_text(recorded.bytes));
    else
        c.problem = fmt::format("{}: changed{}: same size ({}) but sha256 {} now, {} in the "
                                "statement",
                                name, where, bytes_text(c.bytes), short_hash(c.sha256),
                                short_hash(recorded.sha256));
    return c;
}

void check_inputs(const std::vector<InputFile>& inputs, const std::string& base,
                  const std::string& statement, const std::function<void(std::string_view)>& show,
                  const InputLocator& locate) {
    std::size_t problems = 0, missing_relative = 0;
    for (const auto& in : inputs) {
        InputCheck c = check_input(in, base, locate);
        if (c.status == InputCheck::Status::same) continue;
        show(c.problem);
        ++problems;
        missing_relative += c.status == InputCheck::Status::missing && in.path.front() != '/';
    }
    if (problems == 0) return;
    // Not one input where the statement says: most likely they are elsewhere, e.g. an auditor's
    // copy, and --base names it (SPEC §5).
    std::string hint;
    const char* none = inputs.size() == 1 ? "it is not" : "none of them is";
    if (missing_relative == inputs.size())
        hint = base.empty()
                   ? fmt::format("; {} found from the current directory: if the inputs were "
                                 "copied elsewhere, give --base DIR, the directory that holds "
                                 "them at their recorded relative paths",
                                 none)
                   : fmt::format("; {} found under {}: check that --base names the directory "
                                 "that holds the inputs at their recorded relative paths",
                                 none, base);
    throw Error(ErrorKind::input,
                fmt::format("{}: cannot be recomputed: {} of its {} input{} {} not as recorded "
                            "(above){}",
                            statement, problems, inputs.size(), inputs.size() == 1 ? "" : "s",
                            problems == 1 ? "is" : "are", hint));
}

} // namespace poolkit
