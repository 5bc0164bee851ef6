#include "readers/ledger_codes.hpp"

#include <algorithm>

namespace poolkit {

namespace {
struct Words {
    std::uint64_t a, b;
};
Words words_of(const std::string& code) {
    char buf[24] = {};
    std::memcpy(buf, code.data(), code.size());
    std::size_t n = code.size();
    return {load_masked(buf, n > 8 ? 8 : n), n > 8 ? load_masked(buf + 8, n - 8) : 0};
}
bool hashed(const std::string& code) {
    return !code.empty() && code.size() <= 16;
}
} // namespace

std::uint64_t CodeTable::seed_of(unsigned attempt) {
    return mix64(attempt + 1, 0x9e3779b97f4a7c15ull) | 0x8080808080808080ull;
}

std::size_t CodeTable::home_of(std::string_view code, unsigned attempt, int bits) {
    Words w = words_of(std::string(code));
    return home(w.a, w.b, code.size(), seed_of(attempt), 64 - bits);
}

// Places every short code (in index order, so a repeated code keeps its first index) at its home
// slot or the first free one after it; false when some code would be more than `limit` slots
// from home. Linear in the number of codes.
bool CodeTable::place(const std::vector<std::string>& codes, const std::vector<std::size_t>& order,
                      int bits, unsigned attempt, unsigned limit) {
    std::uint64_t seed = seed_of(attempt);
    int shift = 64 - bits;
    std::vector<Slot> slots((std::size_t(1) << bits) + limit);
    unsigned far = 0;
    for (std::size_t i : order) {
        const std::string& c = codes[i];
        Words w = words_of(c);
        std::size_t at = home(w.a, w.b, c.size(), seed, shift);
        unsigned d = 0;
        for (;; ++d) {
            if (d > limit) return false;
            Slot& s = slots[at + d];
            if (s.len == empty_len) {
                s = {w.a, w.b, static_cast<std::uint32_t>(c.size()), static_cast<std::int32_t>(i)};
                break;
            }
            if (s.a == w.a && s.b == w.b && s.len == c.size()) break; // a repeat: the first stays
        }
        far = std::max(far, d);
    }
    slots.resize((std::size_t(1) << bits) + far);
    slots_ = std::move(slots);
    seed_ = seed;
    shift_ = shift;
    max_probe_ = far;
    return true;
}

CodeTable::CodeTable(const std::vector<std::string>& codes, unsigned probe_limit) {
    std::vector<std::size_t> shorts;
    for (std::size_t i = 0; i < codes.size(); ++i)
        if (hashed(codes[i]))
            shorts.push_back(i);
        else
            sorted_.emplace_back(codes[i], static_cast<int>(i));

    // A table at most a quarter full. A small one is tried first for a seed that puts every code
    // in its home slot (one probe a lookup); then any seed whose codes all lie within
    // `probe_limit` of home. Each try costs one pass over the codes.
    int bits = 1;
    while ((std::size_t(1) << bits) < shorts.size() * 4)
        ++bits;
    unsigned attempt = 0;
    bool placed = false;
    if (shorts.size() <= 1024)
        for (int grow = 0; grow < 3 && !placed; ++grow)
            for (int k = 0; k < 32 && !placed; ++k)
                placed = place(codes, shorts, bits + grow, attempt++, 0);
    for (int k = 0; k < 8 && !placed; ++k)
        placed = place(codes, shorts, bits, attempt++, probe_limit);
    shape_.seeds = attempt;
    if (!placed) {
        // Codes that collide under every seed tried: all of them go to the sorted array.
        for (std::size_t i : shorts)
            sorted_.emplace_back(codes[i], static_cast<int>(i));
        slots_.assign(2, Slot{});
        shift_ = 63;
        max_probe_ = 0;
        short_max_ = 0;
        shape_.sorted = true;
    } else {
        shape_.slots = std::size_t(1) << (64 - shift_);
        shape_.max_probe = max_probe_;
    }
    // By bytes; a repeated code keeps its first index (a stable sort keeps index order).
    std::stable_sort(sorted_.begin(), sorted_.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    sorted_.erase(std::unique(sorted_.begin(), sorted_.end(),
                              [](const auto& x, const auto& y) { return x.first == y.first; }),
                  sorted_.end());
}

int CodeTable::find_sorted(const char* p, std::size_t n) const {
    std::string_view key(p, n);
    auto it = std::lower_bound(sorted_.begin(), sorted_.end(), key,
                               [](const auto& e, std::string_view k) { return e.first < k; });
    return it != sorted_.end() && it->first == key ? it->second : -1;
}

} // namespace poolkit
