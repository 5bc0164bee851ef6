#include "readers/ledger_codes.hpp"

#include "money/error.hpp"

namespace poolkit {

CodeTable::CodeTable(const std::vector<std::string>& codes) {
    std::vector<std::size_t> shorts;
    for (std::size_t i = 0; i < codes.size(); ++i) {
        bool seen = false;
        for (std::size_t j = 0; j < i; ++j)
            seen |= codes[j] == codes[i];
        if (seen) continue; // a repeated code keeps its first index
        if (codes[i].size() > 16) {
            long_codes_.push_back(codes[i]);
            long_ids_.push_back(static_cast<int>(i));
        } else {
            shorts.push_back(i);
        }
    }
    int bits = 4;
    while ((std::size_t(1) << bits) < shorts.size() * 4)
        ++bits;
    // Try seeds until every code has a slot of its own; with a table four times the number of
    // codes a few tries suffice, and a bigger table ends any bad luck.
    for (std::uint64_t attempt = 1;; ++attempt) {
        if (attempt % 64 == 0) ++bits;
        if (bits > 24) throw Error(ErrorKind::invariant, "cannot build a code table");
        seed_ = mix64(attempt, 0x9e3779b97f4a7c15ull);
        shift_ = 64 - bits;
        std::vector<Slot> slots(std::size_t(1) << bits);
        bool ok = true;
        for (std::size_t i : shorts) {
            char buf[24] = {};
            std::memcpy(buf, codes[i].data(), codes[i].size());
            std::size_t n = codes[i].size();
            std::uint64_t a = load_masked(buf, n > 8 ? 8 : n);
            std::uint64_t b = n > 8 ? load_masked(buf + 8, n - 8) : 0;
            Slot& s = slots[slot(a, b, n)];
            if (s.id >= 0) {
                ok = false;
                break;
            }
            s = {a, b, n, static_cast<int>(i)};
        }
        if (ok) {
            slots_ = std::move(slots);
            return;
        }
    }
}

int CodeTable::find_long(const char* p, std::size_t n) const {
    for (std::size_t i = 0; i < long_codes_.size(); ++i)
        if (long_codes_[i].size() == n && std::memcmp(long_codes_[i].data(), p, n) == 0)
            return long_ids_[i];
    return -1;
}

} // namespace poolkit
