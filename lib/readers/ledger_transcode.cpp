#include "readers/ledger_transcode.hpp"

#include "readers/sha256.hpp"
#include "support/error.hpp"
#include "support/fd_io.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iconv.h>
#include <unistd.h>
#include <vector>

namespace poolkit {

namespace {
[[noreturn]] void cannot(const std::string& path, long line, const std::string& msg) {
    throw Error(ErrorKind::input, {path, line, 0}, msg);
}

struct Iconv {
    iconv_t cd = reinterpret_cast<iconv_t>(-1);
    ~Iconv() {
        if (cd != reinterpret_cast<iconv_t>(-1)) iconv_close(cd);
    }
};

struct Fd {
    int fd;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};
} // namespace

TranscodedLedger transcode_windows_1252(int src, const std::string& path, bool hash) {
    Fd in{src};
    Iconv conv;
    conv.cd = iconv_open("UTF-8", "WINDOWS-1252");
    if (conv.cd == reinterpret_cast<iconv_t>(-1))
        cannot(path, 0, "cannot read windows-1252: this system's iconv lacks it");
    FILE* tmp = std::tmpfile();
    if (!tmp)
        cannot(path, 0, fmt::format("cannot make a temporary file: {}", std::strerror(errno)));
    Fd out{::dup(::fileno(tmp))};
    std::fclose(tmp);

    TranscodedLedger t;
    Sha256 sha;
    std::vector<char> buf(1 << 20), utf8(3 << 20); // a byte becomes at most 3 in UTF-8
    long line = 1;
    for (;;) {
        ssize_t n = read_some(in.fd, buf.data(), buf.size());
        if (n < 0) cannot(path, 0, fmt::format("cannot read the ledger: {}", std::strerror(errno)));
        if (n == 0) break;
        t.bytes += static_cast<std::uint64_t>(n);
        if (hash) sha.update({buf.data(), static_cast<std::size_t>(n)});
        char* from = buf.data();
        std::size_t left = static_cast<std::size_t>(n);
        char* to = utf8.data();
        std::size_t room = utf8.size();
        if (iconv(conv.cd, &from, &left, &to, &room) == static_cast<std::size_t>(-1)) {
            // A single-byte encoding: the only failure is a byte it does not define.
            line += static_cast<long>(std::count(buf.data(), from, '\n'));
            cannot(path, line,
                   fmt::format("byte 0x{:02X} is not a character of windows-1252, the profile's "
                               "encoding; is the file in another encoding (utf-8?)",
                               static_cast<unsigned char>(*from)));
        }
        line += static_cast<long>(std::count(buf.data(), buf.data() + n, '\n'));
        if (int err = write_all(out.fd, {utf8.data(), utf8.size() - room}))
            cannot(path, 0,
                   fmt::format("cannot write the ledger's UTF-8 copy: {}", std::strerror(err)));
    }
    ::lseek(out.fd, 0, SEEK_SET);
    if (hash) t.sha256 = sha.hex();
    t.fd = out.fd;
    out.fd = -1;
    return t;
}

} // namespace poolkit
