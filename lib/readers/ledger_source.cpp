#include "readers/ledger_source.hpp"

#include "readers/input_source.hpp"
#include "support/error.hpp"
#include "support/fd_io.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace poolkit {

namespace {

[[noreturn]] void cannot(const std::string& path, const std::string& msg) {
    throw Error(ErrorKind::input, {path, 0, 0}, msg);
}

// Standard input, a pipe or a device is copied to an unnamed temporary file, so that it can be
// mapped, split and read twice like any ledger file.
int spool(int src, const std::string& path) {
    FILE* tmp = std::tmpfile();
    if (!tmp) cannot(path, fmt::format("cannot make a temporary file: {}", std::strerror(errno)));
    int fd = ::dup(::fileno(tmp));
    std::fclose(tmp);
    std::vector<char> buf(1 << 20);
    for (;;) {
        ssize_t n = read_some(src, buf.data(), buf.size());
        if (n < 0) cannot(path, fmt::format("cannot read the ledger: {}", std::strerror(errno)));
        if (n == 0) break;
        if (int err = write_all(fd, {buf.data(), static_cast<std::size_t>(n)}))
            cannot(path, fmt::format("cannot copy the ledger to a temporary file: {}",
                                     std::strerror(err)));
    }
    ::lseek(fd, 0, SEEK_SET);
    return fd;
}

// Whether two open files hold the same bytes (read in place, from their starts).
bool same_contents(int a, int b) {
    std::vector<char> x(1 << 16), y(1 << 16);
    off_t off = 0;
    for (;;) {
        ssize_t n = read_full(a, x.data(), x.size(), off);
        ssize_t m = read_full(b, y.data(), y.size(), off);
        if (n != m || n < 0) return false;
        if (n == 0) return true;
        if (std::memcmp(x.data(), y.data(), static_cast<std::size_t>(n)) != 0) return false;
        off += n;
    }
}

// Whether a mapping of `bytes` leaves room under the address-space limit for the threads, the
// buffers and the duplicate index.
bool room_to_map(std::size_t bytes) {
    struct rlimit lim {};
    if (::getrlimit(RLIMIT_AS, &lim) != 0 || lim.rlim_cur == RLIM_INFINITY) return true;
    std::size_t used = 0;
    if (FILE* f = std::fopen("/proc/self/statm", "r")) {
        unsigned long pages = 0;
        if (std::fscanf(f, "%lu", &pages) == 1)
            used = pages * static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
        std::fclose(f);
    }
    std::size_t reserve = std::max<std::size_t>(std::size_t(128) << 20, bytes / 2);
    return used + bytes + reserve <= lim.rlim_cur;
}

} // namespace

LedgerSources::LedgerSources(const std::vector<std::string>& paths) {
    std::vector<struct stat> stats;
    bool stdin_seen = false;
    try {
        for (const auto& path : paths) {
            LedgerSource o;
            o.path = path;
            if (path == "-") {
                if (stdin_seen) cannot("-", "standard input is given twice");
                stdin_seen = true;
                o.fd = spool(0, "-");
            } else {
                o.fd = open_input_file(path, "ledger");
            }
            struct stat st {};
            ::fstat(o.fd, &st);
            if (S_ISDIR(st.st_mode)) {
                ::close(o.fd);
                cannot(path, "is a directory, not a ledger file");
            }
            if (!S_ISREG(st.st_mode)) { // a pipe (e.g. <(...)) or a device
                int copy = spool(o.fd, path);
                ::close(o.fd);
                o.fd = copy;
                ::fstat(o.fd, &st);
            }
            o.size = static_cast<std::uint64_t>(st.st_size);
            for (std::size_t i = 0; i < files_.size(); ++i) {
                bool same_file = stats[i].st_dev == st.st_dev && stats[i].st_ino == st.st_ino;
                bool same_content = !same_file && S_ISREG(st.st_mode) &&
                                    S_ISREG(stats[i].st_mode) && stats[i].st_size == st.st_size &&
                                    same_contents(files_[i].fd, o.fd);
                if (same_file || same_content) {
                    ::close(o.fd);
                    cannot(path,
                           fmt::format("{} {}: each ledger is read once, so it is not counted "
                                       "twice",
                                       same_file ? "is the same file as" : "has the same bytes as",
                                       files_[i].path));
                }
            }
            stats.push_back(st);
            files_.push_back(o);
        }
    } catch (...) {
        for (auto& o : files_)
            ::close(o.fd);
        throw;
    }
}

LedgerSources::~LedgerSources() {
    for (auto& o : files_)
        if (o.fd >= 0) ::close(o.fd);
}

int LedgerSources::from_start(std::size_t i) const {
    ::lseek(files_[i].fd, 0, SEEK_SET);
    return ::dup(files_[i].fd);
}

void LedgerSources::replace(std::size_t i, int fd) {
    ::close(files_[i].fd);
    files_[i].fd = fd;
    struct stat st {};
    ::fstat(fd, &st);
    files_[i].size = static_cast<std::uint64_t>(st.st_size);
}

FileMapping FileMapping::of(int fd) {
    FileMapping m;
    struct stat st {};
    off_t at = ::lseek(fd, 0, SEEK_CUR);
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && at == 0 && st.st_size > 0 &&
        room_to_map(static_cast<std::size_t>(st.st_size))) {
        void* p =
            ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
        if (p != MAP_FAILED) {
            m.data_ = static_cast<const char*>(p);
            m.size_ = static_cast<std::size_t>(st.st_size);
            ::madvise(p, m.size_, MADV_SEQUENTIAL);
            // Pages in 4 KiB mappings only: where the page cache holds the file in 2 MiB folios
            // (how cat or a cold read leaves it), a huge mapping keeps whole folios resident
            // after their blocks are released, and the peak RSS (SPEC §8) grew from 22 to
            // 133 MiB with the page cache's history.
            ::madvise(p, m.size_, MADV_NOHUGEPAGE);
        }
    }
    return m;
}

FileMapping::~FileMapping() {
    if (data_) ::munmap(const_cast<char*>(data_), size_);
}

FileMapping::FileMapping(FileMapping&& o) noexcept
    : data_(std::exchange(o.data_, nullptr)), size_(std::exchange(o.size_, 0)) {}

FileMapping& FileMapping::operator=(FileMapping&& o) noexcept {
    if (this != &o) {
        if (data_) ::munmap(const_cast<char*>(data_), size_);
        data_ = std::exchange(o.data_, nullptr);
        size_ = std::exchange(o.size_, 0);
    }
    return *this;
}

void FileMapping::release(const char* from, const char* to) const {
    const std::uintptr_t page = 4096;
    auto lo = reinterpret_cast<std::uintptr_t>(from);
    auto hi = reinterpret_cast<std::uintptr_t>(to);
    lo = (lo + page - 1) & ~(page - 1);
    hi &= ~(page - 1);
    if (hi > lo) ::madvise(reinterpret_cast<void*>(lo), hi - lo, MADV_DONTNEED);
}

} // namespace poolkit
