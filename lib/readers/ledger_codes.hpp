// Code lookups on the ledger reader's hot path: a fast hash of a short byte string, a perfect
// table for a fixed set of codes (the agreement's partners and schemes: one probe, one compare,
// never a miss that probes on), and a growing dictionary for codes seen as they come (free mode,
// cost centres). No allocation per lookup.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace poolkit {

inline std::uint64_t mix64(std::uint64_t a, std::uint64_t b) {
    __uint128_t r = static_cast<__uint128_t>(a) * b;
    return static_cast<std::uint64_t>(r) ^ static_cast<std::uint64_t>(r >> 64);
}

// A 64-bit hash of n bytes at p (in the manner of wyhash). Reads only the n bytes.
inline std::uint64_t hash_bytes(const char* p, std::size_t n, std::uint64_t seed = 0) {
    const auto* u = reinterpret_cast<const unsigned char*>(p);
    std::uint64_t h = seed ^ mix64(n ^ 0x2d358dccaa6c78a5ull, 0x8bb84b93962eacc9ull);
    while (n > 8) {
        std::uint64_t w;
        std::memcpy(&w, u, 8);
        h = mix64(w ^ 0xa0761d6478bd642full, h ^ 0xe7037ed1a0b428dbull);
        u += 8;
        n -= 8;
    }
    std::uint64_t w = 0;
    if (n >= 4) {
        std::uint32_t a, b;
        std::memcpy(&a, u, 4);
        std::memcpy(&b, u + n - 4, 4);
        w = (static_cast<std::uint64_t>(a) << 32) | b;
    } else if (n > 0) {
        w = (static_cast<std::uint64_t>(u[0]) << 16) |
            (static_cast<std::uint64_t>(u[n >> 1]) << 8) | u[n - 1];
    }
    return mix64(w ^ 0x589965cc75374cc3ull, h ^ 0x1d8e4e27c47d124full);
}

// Loads the first n (<= 8) bytes at p as a little-endian word, zero above them. Reads 8 bytes:
// only for text with readable bytes after it (a ledger block has scan_padding).
[[gnu::always_inline]] inline std::uint64_t load_masked(const char* p, std::size_t n) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    return n >= 8 ? w : w & ((std::uint64_t(1) << (8 * n)) - 1);
}

// The hash of a key field (a ref, a document number): a short one (up to 16 bytes, nearly all)
// with two word loads and one multiply, a longer one by hash_bytes. `in_block`: p has readable
// padding after it (text inside a ledger block); otherwise a short value is copied first.
[[gnu::always_inline]] inline std::uint64_t hash_key(const char* p, std::size_t n,
                                                     std::uint64_t seed, bool in_block) {
    if (n > 16) return hash_bytes(p, n, seed);
    char buf[24];
    if (!in_block) {
        std::memset(buf, 0, sizeof buf);
        std::memcpy(buf, p, n);
        p = buf;
    }
    std::uint64_t a = load_masked(p, n > 8 ? 8 : n);
    std::uint64_t b = n > 8 ? load_masked(p + 8, n - 8) : 0;
    return mix64(a ^ seed ^ 0xa0761d6478bd642full, b ^ (n * 0xe7037ed1a0b428dbull) ^ (seed >> 17));
}

// A fixed set of codes -> their index, for any number of codes (SPEC §8: any agreement that
// pool-check accepts). Codes of up to 16 bytes (every partner and scheme id in practice) are
// found without hashing the string: the two words of the code and its length go through one
// multiply to a home slot of a table at most a quarter full, and the words are compared there and
// in the next few slots (linear probing; a small agreement usually gets a table where every code
// is in its home slot). The build is linear in the number of codes: a seed is tried, and a seed
// that leaves some code too far from its home is replaced, a few times; ids that defeat every seed
// (crafted to collide) fall back to a sorted array searched by halves, which always works.
// Longer codes are searched in that sorted array too.
class CodeTable {
  public:
    CodeTable() = default;
    explicit CodeTable(const std::vector<std::string>& codes) : CodeTable(codes, max_probe_limit) {}
    // `probe_limit`: how far from its home slot a code may be placed before a seed is given up
    // (tests force the sorted fallback with a limit below what the codes need).
    CodeTable(const std::vector<std::string>& codes, unsigned probe_limit);

    // The index of the code, or -1. Reads up to 16 bytes from p: for text inside a ledger block.
    [[gnu::always_inline]] int find_padded(const char* p, std::size_t n) const {
        if (n - 1 >= short_max_) return find_sorted(p, n); // empty, long, or the fallback
        std::uint64_t a = load_masked(p, n > 8 ? 8 : n);
        std::uint64_t b = n > 8 ? load_masked(p + 8, n - 8) : 0;
        const Slot* s = &slots_[home(a, b, n, seed_, shift_)];
        for (const Slot* last = s + max_probe_;; ++s) {
            if (s->a == a && s->b == b && s->len == n) return s->id;
            if (s->len == empty_len || s == last) return -1;
        }
    }
    // The same for any text (copies a short code to a padded buffer first).
    int find(std::string_view s) const {
        if (s.empty() || s.size() > 16) return find_sorted(s.data(), s.size());
        char buf[24] = {};
        std::memcpy(buf, s.data(), s.size());
        return find_padded(buf, s.size());
    }

    // How the table came out (for tests and the benchmark).
    struct Shape {
        std::size_t slots = 0;  // hashed slots (0 in the fallback)
        unsigned max_probe = 0; // the farthest any code is from its home slot
        unsigned seeds = 0;     // seeds tried
        bool sorted = false;    // the fallback: every code in the sorted array
    };
    Shape shape() const { return shape_; }

    // The home slot of a code of n (<= 16) bytes, as the table computes it: the seed of the
    // attempt-th try, a table of 2^bits slots. (Tests use it to make codes that collide.)
    static std::size_t home_of(std::string_view code, unsigned attempt, int bits);

    static constexpr unsigned max_probe_limit = 24;

  private:
    static constexpr std::uint32_t empty_len = ~std::uint32_t(0); // no code has this length
    struct Slot {
        std::uint64_t a = 0, b = 0;
        std::uint32_t len = empty_len;
        std::int32_t id = -1;
    };
    static std::uint64_t seed_of(unsigned attempt);
    [[gnu::always_inline]] static std::size_t home(std::uint64_t a, std::uint64_t b, std::size_t n,
                                                   std::uint64_t seed, int shift) {
        // One 64x64->128 multiply of the two words, each keyed by the seed; the length is folded
        // into the second word (zero for codes of up to 8 bytes).
        std::uint64_t h = mix64(a ^ seed, b ^ (seed >> 7) ^ (n * 0x9e3779b97f4a7c15ull));
        return static_cast<std::size_t>(h >> shift);
    }
    bool place(const std::vector<std::string>& codes, const std::vector<std::size_t>& order,
               int bits, unsigned attempt, unsigned limit);
    int find_sorted(const char* p, std::size_t n) const;

    std::vector<Slot> slots_{2}; // empty: every lookup misses
    std::size_t short_max_ = 16; // codes of 1..short_max_ bytes are in slots_
    unsigned max_probe_ = 0;
    std::uint64_t seed_ = 0;
    int shift_ = 63;
    // Codes not in slots_ (over 16 bytes, the empty code, or all of them in the fallback), sorted
    // by their bytes, each with its index.
    std::vector<std::pair<std::string, int>> sorted_;
    Shape shape_;
};

// Codes as they come: each new one gets the next index.
class CodeDict {
  public:
    CodeDict() : slots_(64, -1) {}

    std::uint32_t intern(const char* p, std::size_t n) {
        std::uint64_t h = hash_bytes(p, n);
        std::size_t mask = slots_.size() - 1;
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            int id = slots_[i];
            if (id < 0) break;
            const std::string& c = names_[static_cast<std::size_t>(id)];
            if (c.size() == n && std::memcmp(c.data(), p, n) == 0)
                return static_cast<std::uint32_t>(id);
        }
        names_.emplace_back(p, n);
        hashes_.push_back(h);
        if (names_.size() * 2 > slots_.size())
            rehash(slots_.size() * 2);
        else
            place(h, static_cast<int>(names_.size() - 1));
        return static_cast<std::uint32_t>(names_.size() - 1);
    }
    std::uint32_t intern(std::string_view s) { return intern(s.data(), s.size()); }
    const std::string& name(std::uint32_t id) const { return names_[id]; }
    std::size_t size() const { return names_.size(); }

  private:
    void place(std::uint64_t h, int id) {
        std::size_t mask = slots_.size() - 1;
        std::size_t i = h & mask;
        while (slots_[i] >= 0)
            i = (i + 1) & mask;
        slots_[i] = id;
    }
    void rehash(std::size_t n) {
        slots_.assign(n, -1);
        for (std::size_t id = 0; id < names_.size(); ++id)
            place(hashes_[id], static_cast<int>(id));
    }
    std::vector<int> slots_;
    std::vector<std::string> names_;
    std::vector<std::uint64_t> hashes_;
};

} // namespace poolkit
