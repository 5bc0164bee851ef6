// The amounts of the common forms read fast (SPEC §2): "-1234.5", "12", "0.07" in pence, the
// digits checked and combined eight to a word, on the reader's hot path (inlined where a line is
// judged, ledger_line). Anything else is left to parse_money, which reads every form; these read
// a common form exactly as it does. They read up to 8 bytes past the text: for text inside a
// ledger block (scan_padding).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace poolkit::ledger {

// The number written by the k (1..8) digits at p, or -1 when one of them is not a digit. Reads 8
// bytes at p (text inside a ledger block has readable padding after it). The digits are moved to
// the top of the word with '0's below them, checked eight at a time, and combined in three
// multiplies (pairs, then fours, then the eight).
[[gnu::always_inline]] inline std::int64_t eight_digits(const char* p, std::size_t k) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    const unsigned shift = static_cast<unsigned>(8 * (8 - k));
    w = (w << shift) | (0x3030303030303030ull & ~(~std::uint64_t(0) << shift));
    constexpr std::uint64_t high = 0xF0F0F0F0F0F0F0F0ull, zeros = 0x3030303030303030ull;
    // Every byte 0x30..0x3F, and (that known, so no carry between bytes) still 0x3_ plus 6.
    if ((((w & high) ^ zeros) | (((w + 0x0606060606060606ull) & high) ^ zeros)) != 0) return -1;
    w -= zeros;
    w = (w * 10 + (w >> 8)) & 0x00FF00FF00FF00FFull;
    w = (w * 100 + (w >> 16)) & 0x0000FFFF0000FFFFull;
    return static_cast<std::int64_t>((w * 10000 + (w >> 32)) & 0xFFFFFFFFull);
}

// The common amount forms ("-1234.5", "12", "0.07": at most 15 digits before the point) in pence,
// exactly as parse_money reads them; false for anything else, which parse_money then judges.
// Reads up to 8 bytes past the text: for text inside a ledger block.
[[gnu::always_inline]] inline bool fast_pence(const char* p, std::size_t n, std::int64_t& out) {
    if (n == 0 || n > 19) return false; // at most "-", 15 digits, "." and 2 decimals
    const bool neg = *p == '-';
    const char* s = p + neg;
    const std::size_t len = n - neg;
    std::size_t k = len, decimals = 0; // digits before the point, after it
    if (len >= 3 && s[len - 3] == '.') {
        k = len - 3;
        decimals = 2;
    } else if (len >= 2 && s[len - 2] == '.') {
        k = len - 2;
        decimals = 1;
    }
    if (k == 0 || k > 15) return false;
    std::int64_t v;
    if (k <= 8) {
        v = eight_digits(s, k);
        if (v < 0) return false;
    } else {
        std::int64_t hi = eight_digits(s, k - 8), lo = eight_digits(s + k - 8, 8);
        if ((hi | lo) < 0) return false;
        v = hi * 100000000 + lo;
    }
    if (decimals) {
        unsigned d0 = static_cast<unsigned>(s[k + 1] - '0');
        unsigned d1 = decimals == 2 ? static_cast<unsigned>(s[k + 2] - '0') : 0;
        if (d0 > 9 || d1 > 9) return false;
        v = v * 100 + d0 * 10 + d1;
    } else {
        v *= 100;
    }
    out = neg ? -v : v;
    return true;
}

} // namespace poolkit::ledger
