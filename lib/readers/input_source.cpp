#include "readers/input_source.hpp"

#include "readers/sha256.hpp"
#include "support/error.hpp"
#include "support/fd_io.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace poolkit {

int open_input_file(const std::string& path, const std::string& role) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        int err = errno;
        throw Error(ErrorKind::input, {path, 0, 0},
                    fmt::format("cannot open the {} file: {}{}", role, std::strerror(err),
                                err == ENOENT ? " (check the path)" : ""));
    }
    return fd;
}

InputText read_input(const std::string& path, const std::string& role) {
    int fd = 0;
    if (path != "-") {
        fd = open_input_file(path, role);
        struct stat st {};
        if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
            ::close(fd);
            throw Error(ErrorKind::input, {path, 0, 0},
                        fmt::format("is a directory, not {} {} file: give the file's path",
                                    role.find_first_of("aeiou") == 0 ? "an" : "a", role));
        }
    }
    InputText in;
    in.record.role = role;
    in.record.path = path;
    char buf[1 << 16];
    for (;;) {
        ssize_t n = read_some(fd, buf, sizeof buf);
        if (n < 0) {
            int err = errno;
            if (fd != 0) ::close(fd);
            throw Error(ErrorKind::input, {path, 0, 0},
                        fmt::format("cannot read the {} file: {}", role, std::strerror(err)));
        }
        if (n == 0) break;
        in.text.append(buf, static_cast<std::size_t>(n));
    }
    if (fd != 0) ::close(fd);
    in.record.bytes = in.text.size();
    in.record.sha256 = sha256_hex(in.text);
    return in;
}

} // namespace poolkit
