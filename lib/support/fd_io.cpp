#include "support/fd_io.hpp"

#include <cerrno>
#include <unistd.h>

namespace poolkit {

ssize_t read_some(int fd, char* buf, std::size_t n, off_t at) {
    for (;;) {
        ssize_t got = at >= 0 ? ::pread(fd, buf, n, at) : ::read(fd, buf, n);
        if (got < 0 && errno == EINTR) continue;
        return got;
    }
}

ssize_t read_full(int fd, char* buf, std::size_t n, off_t at) {
    std::size_t got = 0;
    while (got < n) {
        ssize_t r = read_some(fd, buf + got, n - got, at >= 0 ? at + off_t(got) : -1);
        if (r < 0) return -1;
        if (r == 0) break;
        got += static_cast<std::size_t>(r);
    }
    return static_cast<ssize_t>(got);
}

int write_all(int fd, std::string_view data, off_t at) {
    for (std::size_t off = 0; off < data.size();) {
        const char* p = data.data() + off;
        std::size_t left = data.size() - off;
        ssize_t n = at >= 0 ? ::pwrite(fd, p, left, at + off_t(off)) : ::write(fd, p, left);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return errno;
        if (n == 0) return ENOSPC;
        off += static_cast<std::size_t>(n);
    }
    return 0;
}

} // namespace poolkit
