#include "readers/verify_inputs.hpp"

#include "readers/sha256.hpp"

#include <fmt/format.h>

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

} // namespace

std::string resolve_input_path(const std::string& path, const std::string& base) {
    if (base.empty() || path.empty() || path.front() == '/') return path;
    return base.back() == '/' ? base + path : base + "/" + path;
}

InputCheck check_input(const InputFile& recorded, const std::string& base) {
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
    c.looked_at = resolve_input_path(recorded.path, base);
    const std::string where =
        c.looked_at == recorded.path ? std::string() : fmt::format(" (looked for {})", c.looked_at);

    int fd = ::open(c.looked_at.c_str(), O_RDONLY | O_CLOEXEC);
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
    if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        ::close(fd);
        c.status = InputCheck::Status::unreadable;
        c.problem = fmt::format("{}: is a directory, not a file{}", name, where);
        return c;
    }
    Sha256 hash;
    std::vector<char> buf(1 << 20);
    for (;;) {
        ssize_t n = ::read(fd, buf.data(), buf.size());
        if (n < 0) {
            if (errno == EINTR) continue;
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
        c.problem = fmt::format("{}: changed{}: {} now, {} in the statement (sha256 {} now, {} in "
                                "the statement)",
                                name, where, bytes_text(c.bytes), bytes_text(recorded.bytes),
                                short_hash(c.sha256), short_hash(recorded.sha256));
    else
        c.problem = fmt::format("{}: changed{}: same size ({}) but sha256 {} now, {} in the "
                                "statement",
                                name, where, bytes_text(c.bytes), short_hash(c.sha256),
                                short_hash(recorded.sha256));
    return c;
}

} // namespace poolkit
