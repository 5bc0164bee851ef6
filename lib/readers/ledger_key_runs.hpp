// Keys in order (SPEC §4, §8): most exports number their lines, so within a block of a ledger the
// duplicate keys mostly rise strictly. A block whose keys rise strictly repeats none of its own
// keys; when the range of its keys [first, last] also meets no other block's range, it repeats no
// key anywhere, and its hashes need not enter the duplicate index (ledger_dup_index) at all. That
// index is then only as large as the lines out of order, and a ledger in key order costs it
// nothing: no 8 bytes a line, no fresh memory, no repeat check of ten million hashes.
//
// Each block's hashes wait in a buffer while its keys rise, and are dropped at its end; from the
// first key that does not rise they go to the index as before, and the block's range is its
// smallest and largest key. After the first pass, a rising block whose range meets another's has
// its lines read again for their hashes only (hash_blocks_again), so the index holds every key
// that may repeat, and the check is exact as before.
#pragma once

#include "readers/ledger_dup_index.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace poolkit::ledger {

// A block of a ledger: its file and the number of its first line (the same in every pass).
struct BlockId {
    std::uint32_t file = 0;
    std::uint64_t first_line = 0;
    auto operator<=>(const BlockId&) const = default;
};

// The keys of one partner's lines in one block, once it is read (SPEC §4: a key repeats only
// within one partner's lines). Partners share one of `BlockKeys::slots` slots when there are more;
// a slot then holds several partners' keys, which only makes a range wider.
struct KeyRange {
    BlockId block;
    std::uint32_t slot = 0;
    bool rising = true; // strictly, in every slot: the block's hashes were left out of the index
    bool unbounded = false;  // a key of it could not be compared (escaped, or of several fields)
    std::string first, last; // its smallest and largest key (rising: its first and last)
};

// Whether `key` comes after `prev` (as std::string_view compares them). Keys of one length of 8
// to 16 bytes, the common ref, compare as two big-endian words: the first 8 bytes, then the last
// 8 (which overlap the first only where those are equal), without a call to memcmp.
[[gnu::always_inline]] inline bool comes_after(std::string_view prev, std::string_view key) {
    const std::size_t n = key.size();
    if (n == prev.size() && n >= 8 && n <= 16) {
        auto word = [](const char* p) {
            std::uint64_t w;
            std::memcpy(&w, p, 8);
            return __builtin_bswap64(w);
        };
        const std::uint64_t a = word(prev.data()), b = word(key.data());
        if (a != b) return b > a;
        return word(key.data() + n - 8) > word(prev.data() + n - 8);
    }
    return key > prev;
}

// One worker's view of the keys of the block it is reading.
class BlockKeys {
  public:
    static constexpr std::size_t slots = 64;

    void begin(BlockId block) {
        block_ = block;
        rising_ = true;
        pending_.clear();
    }
    // An accepted line's key hash and its partner (an agreement's index; 0 without one), and its
    // key when that is one field read in place in the block (else an empty view with
    // `comparable` false: the block is then not rising).
    [[gnu::always_inline]] void see(std::uint64_t hash, std::uint32_t partner, std::string_view key,
                                    bool comparable, DupCollector& index) {
        Slot& s = slot_[partner % slots];
        if (rising_ && comparable) {
            if (!s.used) {
                s.used = true;
                used_.push_back(static_cast<std::uint32_t>(partner % slots));
                s.low = key;
            } else if (!comes_after(s.high, key)) [[unlikely]] {
                stop_rising(index);
                note(s, hash, key, comparable, index);
                return;
            }
            s.high = key;
            pending_.push_back(hash);
            return;
        }
        if (rising_) stop_rising(index);
        note(s, hash, key, comparable, index);
    }
    // The block is read: its ranges, a slot each, join `ranges`.
    void end(std::vector<KeyRange>& ranges);

  private:
    struct Slot {
        bool used = false, unbounded = false;
        std::string_view low, high; // in the block, which lives while it is read
    };
    void stop_rising(DupCollector& index);
    void note(Slot& s, std::uint64_t hash, std::string_view key, bool comparable,
              DupCollector& index);

    BlockId block_;
    bool rising_ = true;
    std::vector<std::uint64_t> pending_; // the hashes of the block so far, while rising
    std::array<Slot, slots> slot_{};
    std::vector<std::uint32_t> used_; // the slots the block has keys in
};

// The rising blocks with a range that meets another block's range of the same slot (or one that
// is unbounded), sorted: their hashes must be added to the index after all.
std::vector<BlockId> blocks_to_hash_again(std::vector<KeyRange> ranges);

} // namespace poolkit::ledger
