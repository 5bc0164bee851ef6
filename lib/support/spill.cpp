#include "support/spill.hpp"

#include "support/error.hpp"
#include "support/fd_io.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <fcntl.h>
#include <unistd.h>
#include <utility>

namespace poolkit {

int temporary_file(std::string_view purpose) {
    const char* env = std::getenv("TMPDIR");
    std::string dir = env && *env ? env : "/tmp";
    int fd = ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (fd < 0) { // a file system without O_TMPFILE: a named file, removed at once
        std::string name = dir + "/poolkit.XXXXXX";
        fd = ::mkostemp(name.data(), O_CLOEXEC);
        if (fd >= 0) ::unlink(name.c_str());
    }
    if (fd < 0)
        throw Error(ErrorKind::input,
                    fmt::format("cannot make a temporary file in {} for {}: {} (set TMPDIR to a "
                                "directory with room)",
                                dir, purpose, std::strerror(errno)));
    return fd;
}

Spill::~Spill() {
    if (fd_ >= 0) ::close(fd_);
}

Spill::Spill(Spill&& o) noexcept
    : buf_(std::move(o.buf_)), limit_(o.limit_), fd_(std::exchange(o.fd_, -1)),
      on_disk_(std::exchange(o.on_disk_, 0)) {}

Spill& Spill::operator=(Spill&& o) noexcept {
    if (this != &o) {
        if (fd_ >= 0) ::close(fd_);
        buf_ = std::move(o.buf_);
        limit_ = o.limit_;
        fd_ = std::exchange(o.fd_, -1);
        on_disk_ = std::exchange(o.on_disk_, 0);
    }
    return *this;
}

void Spill::flush() {
    if (fd_ < 0) fd_ = temporary_file("what the run sets aside (rejected lines, waiting output)");
    if (int err = write_all(fd_, buf_, static_cast<off_t>(on_disk_)))
        throw Error(ErrorKind::input,
                    fmt::format("cannot write a temporary file of what the run sets aside "
                                "(rejected lines, waiting output): {} (set TMPDIR to a "
                                "directory with room)",
                                std::strerror(err)));
    on_disk_ += buf_.size();
    buf_.clear();
}

Spill::Cursor::Cursor(const Spill& s) : s_(&s) {
    if (s.fd_ < 0) { // all in memory: read it in place
        pos_ = s.buf_.data();
        end_ = pos_ + s.buf_.size();
        at_ = s.buf_.size();
    }
}

void Spill::Cursor::refill() {
    if (at_ >= s_->on_disk_) { // the tail that is still in memory
        std::uint64_t from = at_ - s_->on_disk_;
        pos_ = s_->buf_.data() + from;
        end_ = s_->buf_.data() + s_->buf_.size();
        at_ = s_->size();
        return;
    }
    std::size_t want = static_cast<std::size_t>(
        std::min<std::uint64_t>(std::uint64_t(1) << 18, s_->on_disk_ - at_));
    chunk_.resize(want);
    ssize_t n = read_full(s_->fd_, chunk_.data(), want, static_cast<off_t>(at_));
    if (n < 0 || static_cast<std::size_t>(n) < want)
        throw Error(ErrorKind::input,
                    fmt::format("cannot read back a temporary file of what the run set "
                                "aside: {}",
                                n < 0 ? std::strerror(errno) : "it is shorter than written"));
    pos_ = chunk_.data();
    end_ = pos_ + want;
    at_ += want;
}

void Spill::Cursor::get(void* p, std::size_t n) {
    auto* out = static_cast<char*>(p);
    while (n > 0) {
        if (pos_ == end_) {
            if (at_ >= s_->size())
                throw Error(ErrorKind::invariant, "a spill file is read past its end");
            refill();
        }
        std::size_t k = std::min<std::size_t>(n, static_cast<std::size_t>(end_ - pos_));
        std::memcpy(out, pos_, k);
        out += k;
        pos_ += k;
        n -= k;
    }
}

} // namespace poolkit
