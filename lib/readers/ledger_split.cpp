#include "readers/ledger_split.hpp"

#include "readers/ledger_csv.hpp"
#include "support/error.hpp"
#include "support/fd_io.hpp"

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

void cr_line_ends(const std::string& path, std::uint64_t line) {
    throw Error(ErrorKind::input, {path, static_cast<long>(line), 0},
                "a carriage return (CR) alone ends a line here: the file's lines end in CR "
                "(old Mac line endings), which poolkit does not read; convert them to LF or "
                "CRLF (e.g. tr '\\r' '\\n' < old.csv > new.csv)");
}

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

BlockReader::BlockReader(int fd, std::string path, std::size_t block_bytes, Sha256* sha, bool map)
    : fd_(fd), path_(std::move(path)), block_(block_bytes < 4096 ? 4096 : block_bytes), sha_(sha) {
    if (map) map_ = FileMapping::of(fd_);
}

BlockReader::~BlockReader() {
    map_ = FileMapping(); // unmapped before the file is closed
    if (fd_ > 2) ::close(fd_);
}

void BlockReader::done(const LedgerBlock& b) const {
    if (b.view) map_.release(b.view + b.begin, b.view + b.end);
}

// The last newline outside quotes in [p, p+len), which starts at a record boundary: where the
// quotes since the start are even in number. False when there is none (a record longer than
// the block).
bool BlockReader::find_boundary(const char* p, std::size_t len, std::size_t& boundary,
                                std::uint64_t& lines) const {
    std::uint64_t quotes, newlines;
    count_quotes_newlines(p, len, quotes, newlines);
    // A whole block without a newline, its quotes balanced, but with carriage returns: lines
    // that end in CR alone, not a long record.
    if (newlines == 0 && (quotes & 1) == 0 && std::memchr(p, '\r', len))
        cr_line_ends(path_, next_line_);
    std::uint64_t q_after = 0, nl_after = 0;
    for (std::size_t i = len; i-- > 0;) {
        char c = p[i];
        if (c == '"') {
            ++q_after;
        } else if (c == '\n') {
            if (((quotes - q_after) & 1) == 0) {
                boundary = i + 1;
                lines = newlines - nl_after;
                return true;
            }
            ++nl_after;
        }
    }
    return false;
}

bool BlockReader::next_mapped(LedgerBlock& b) {
    const char* map = map_.data();
    const std::size_t map_size = map_.size();
    if (pos_ >= map_size) return false;
    std::size_t want = block_;
    for (;;) {
        // A block that would end within scan_padding of the file's end is the last: it is copied,
        // for the padding the scanner reads past it and for a missing final newline.
        if (pos_ + want + scan_padding >= map_size) {
            std::size_t len = map_size - pos_;
            if (b.buf.size() < len + scan_padding + 1) b.buf.resize(len + scan_padding + 1);
            std::memcpy(b.buf.data(), map + pos_, len);
            if (sha_) sha_->update(std::string_view(map + pos_, len));
            bytes_ += len;
            pos_ = map_size;
            if (b.buf[len - 1] != '\n') b.buf[len++] = '\n'; // a missing final newline is normal
            std::uint64_t q, lines;
            count_quotes_newlines(b.buf.data(), len, q, lines);
            b.view = nullptr;
            finish(b, len, lines);
            return true;
        }
        std::size_t boundary = 0;
        std::uint64_t lines = 0;
        if (find_boundary(map + pos_, want, boundary, lines)) {
            if (sha_) sha_->update(std::string_view(map + pos_, boundary));
            b.view = map + pos_;
            bytes_ += boundary;
            pos_ += boundary;
            finish(b, boundary, lines);
            return true;
        }
        if (want >= max_record_bytes)
            throw Error(ErrorKind::input, {path_, static_cast<long>(next_line_), 0},
                        "a quoted field opened here is not closed within 64 MiB: a quote is "
                        "missing (fields are quoted with \"; a quote inside one is written \"\")");
        want *= 2;
    }
}

void BlockReader::finish(LedgerBlock& b, std::size_t end, std::uint64_t lines) {
    b.begin = 0;
    b.end = end;
    b.first_line = next_line_;
    b.first = first_;
    first_ = false;
    next_line_ += lines;
}

std::size_t BlockReader::fill(std::vector<char>& buf, std::size_t at, std::size_t want) {
    ssize_t n = read_full(fd_, buf.data() + at, want);
    if (n < 0)
        throw Error(ErrorKind::input, {path_, 0, 0},
                    fmt::format("cannot read the ledger file: {}", std::strerror(errno)));
    auto got = static_cast<std::size_t>(n);
    if (got < want) eof_ = true; // read_full stops short only at the end
    if (sha_) sha_->update(std::string_view(buf.data() + at, got));
    bytes_ += got;
    return got;
}

bool BlockReader::next(LedgerBlock& b) {
    if (map_) return next_mapped(b);
    b.view = nullptr;
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
        // The block is full: its last whole record ends at the last newline outside quotes.
        if (find_boundary(b.buf.data(), len, boundary, lines)) break;
        if (cap >= max_record_bytes)
            throw Error(ErrorKind::input, {path_, static_cast<long>(next_line_), 0},
                        "a quoted field opened here is not closed within 64 MiB: a quote is "
                        "missing (fields are quoted with \"; a quote inside one is written \"\")");
        cap *= 2;
        b.buf.resize(cap + scan_padding + 1);
    }
    carry_.assign(b.buf.data() + boundary, len - boundary);
    finish(b, boundary, lines);
    return true;
}

} // namespace poolkit
