#include "readers/ledger_key_runs.hpp"

#include <algorithm>
#include <tuple>

namespace poolkit::ledger {

void BlockKeys::stop_rising(DupCollector& index) {
    rising_ = false;
    for (std::uint64_t h : pending_)
        index.add(h);
    pending_.clear();
}

void BlockKeys::note(Slot& s, std::uint64_t hash, std::string_view key, bool comparable,
                     DupCollector& index) {
    index.add(hash);
    if (!s.used) {
        s.used = true;
        used_.push_back(static_cast<std::uint32_t>(&s - slot_.data()));
    }
    if (!comparable) {
        s.unbounded = true;
    } else if (s.low.data() == nullptr) {
        s.low = s.high = key;
    } else {
        if (key < s.low) s.low = key;
        if (key > s.high) s.high = key;
    }
}

void BlockKeys::end(std::vector<KeyRange>& ranges) {
    for (std::uint32_t k : used_) {
        Slot& s = slot_[k];
        ranges.push_back({.block = block_,
                          .slot = k,
                          .rising = rising_,
                          .unbounded = s.unbounded,
                          .first = std::string(s.low),
                          .last = std::string(s.high)});
        s = Slot{};
    }
    used_.clear();
    pending_.clear();
}

std::vector<BlockId> blocks_to_hash_again(std::vector<KeyRange> ranges) {
    std::array<bool, BlockKeys::slots> unbounded{};
    for (const KeyRange& r : ranges)
        if (r.unbounded) unbounded[r.slot] = true;
    std::vector<const KeyRange*> bounded;
    for (const KeyRange& r : ranges)
        if (!r.unbounded) bounded.push_back(&r);
    // By slot, then first key: range i meets an earlier one of its slot when its first key is at
    // most the largest last key before it, and a later one when its last key is at least the
    // next one's first key.
    std::sort(bounded.begin(), bounded.end(), [](const KeyRange* a, const KeyRange* b) {
        return std::tie(a->slot, a->first) < std::tie(b->slot, b->first);
    });
    std::vector<BlockId> out;
    std::string_view highest;
    for (std::size_t i = 0; i < bounded.size(); ++i) {
        const KeyRange& r = *bounded[i];
        const bool starts_slot = i == 0 || bounded[i - 1]->slot != r.slot;
        bool meets = unbounded[r.slot];
        if (!starts_slot && r.first <= highest) meets = true;
        if (i + 1 < bounded.size() && bounded[i + 1]->slot == r.slot &&
            r.last >= bounded[i + 1]->first)
            meets = true;
        if (starts_slot || r.last > highest) highest = r.last;
        if (meets && r.rising) out.push_back(r.block);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

} // namespace poolkit::ledger
