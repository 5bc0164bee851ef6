#include "readers/ledger_split.hpp"

#include "money/error.hpp"
#include "readers/ledger_csv.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace poolkit {

namespace {
// A quoted field may hold newlines, but one that is still open after this much is a missing
// closing quote, not data: stop rather than read the whole file into memory.
constexpr std::size_t max_record_bytes = 64u << 20;
} // namespace

void count_quotes_newlines(const char* p, std::size_t n, std::uint64_t& quotes,
                           std::uint64_t& newlines) {
    std::uint64_t q = 0, nl = 0;
    std::size_t i = 0;
#if defined(__SSE2__)
    // Per-byte counters (each compare gives -1 where it matches), summed every 255 rounds.
    const __m128i vq = _mm_set1_epi8('"'), vn = _mm_set1_epi8('\n'), zero = _mm_setzero_si128();
    while (i + 16 <= n) {
        __m128i aq = zero, an = zero;
        std::size_t rounds = std::min<std::size_t>((n - i) / 16, 255);
        for (std::size_t r = 0; r < rounds; ++r, i += 16) {
            __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
            aq = _mm_sub_epi8(aq, _mm_cmpeq_epi8(v, vq));
            an = _mm_sub_epi8(an, _mm_cmpeq_epi8(v, vn));
        }
        __m128i sq = _mm_sad_epu8(aq, zero), sn = _mm_sad_epu8(an, zero);
        q += static_cast<std::uint64_t>(_mm_cvtsi128_si64(sq)) +
             static_cast<std::uint64_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sq, sq)));
        nl += static_cast<std::uint64_t>(_mm_cvtsi128_si64(sn)) +
              static_cast<std::uint64_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sn, sn)));
    }
#endif
    for (; i < n; ++i) {
        q += p[i] == '"';
        nl += p[i] == '\n';
    }
    quotes = q;
    newlines = nl;
}

BlockReader::BlockReader(int fd, std::string path, std::size_t block_bytes, Sha256* sha)
    : fd_(fd), path_(std::move(path)), block_(block_bytes < 4096 ? 4096 : block_bytes), sha_(sha) {}

BlockReader::~BlockReader() {
    if (fd_ > 2) ::close(fd_);
}

std::size_t BlockReader::fill(std::vector<char>& buf, std::size_t at, std::size_t want) {
    std::size_t got = 0;
    while (got < want) {
        ssize_t n = ::read(fd_, buf.data() + at + got, want - got);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw Error(ErrorKind::input, {path_, 0, 0},
                        fmt::format("cannot read the ledger file: {}", std::strerror(errno)));
        }
        if (n == 0) {
            eof_ = true;
            break;
        }
        if (sha_)
            sha_->update(std::string_view(buf.data() + at + got, static_cast<std::size_t>(n)));
        got += static_cast<std::size_t>(n);
    }
    bytes_ += got;
    return got;
}

bool BlockReader::next(LedgerBlock& b) {
    if (eof_ && carry_.empty()) return false;
    std::size_t cap = block_;
    while (cap < carry_.size() * 2)
        cap *= 2;
    if (b.buf.size() < cap + scan_padding + 1) b.buf.resize(cap + scan_padding + 1);
    std::memcpy(b.buf.data(), carry_.data(), carry_.size());
    std::size_t len = carry_.size();
    carry_.clear();
    std::size_t boundary = 0;
    std::uint64_t lines = 0;
    for (;;) {
        if (!eof_ && len < cap) len += fill(b.buf, len, cap - len);
        if (eof_) {
            if (len == 0) return false;
            if (b.buf[len - 1] != '\n') b.buf[len++] = '\n'; // a missing final newline is normal
            std::uint64_t q;
            count_quotes_newlines(b.buf.data(), len, q, lines);
            boundary = len;
            break;
        }
        // The block is full: its last whole record ends at the last newline outside quotes,
        // where the quotes since the block's start (a record boundary) are even in number.
        std::uint64_t quotes, newlines;
        count_quotes_newlines(b.buf.data(), len, quotes, newlines);
        std::uint64_t q_after = 0, nl_after = 0;
        for (std::size_t i = len; i-- > 0;) {
            char c = b.buf[i];
            if (c == '"') {
                ++q_after;
            } else if (c == '\n') {
                if (((quotes - q_after) & 1) == 0) {
                    boundary = i + 1;
                    break;
                }
                ++nl_after;
            }
        }
        if (boundary) {
            lines = newlines - nl_after;
            break;
        }
        if (cap >= max_record_bytes)
            throw Error(ErrorKind::input, {path_, static_cast<long>(next_line_), 0},
                        "a quoted field opened here is not closed within 64 MiB: a quote is "
                        "missing (fields are quoted with \"; a quote inside one is written \"\")");
        cap *= 2;
        b.buf.resize(cap + scan_padding + 1);
    }
    carry_.assign(b.buf.data() + boundary, len - boundary);
    b.begin = 0;
    b.end = boundary;
    b.first_line = next_line_;
    b.first = first_;
    if (first_) first_avg_ = static_cast<double>(boundary) / static_cast<double>(lines ? lines : 1);
    first_ = false;
    next_line_ += lines;
    return true;
}

} // namespace poolkit
