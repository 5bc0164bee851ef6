// The duplicate-key index (SPEC §4, §8): one 64-bit hash per accepted line (8 bytes a line). It
// only *suspects*: a hash seen twice is reported, and the reader confirms (or clears) each suspect
// exactly in a second pass, so a collision of two different keys never rejects a line.
//
// Why not one big hash table: with ten million lines it is far bigger than the caches, and every
// insert is a random memory access (that cost more than all the rest of a line's parsing). So
// each parsing thread only appends a hash to one of 256 partitions (by its top bits) — 256 write
// streams that stay in the cache — and at the end each partition in turn is checked for repeats
// in a small table that fits in the cache, the partitions shared out among the threads.
#pragma once

#include "support/huge_buffer.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace poolkit {

class DupCollector {
  public:
    static constexpr int partition_bits = 8;
    static constexpr std::size_t partitions = std::size_t(1) << partition_bits;
    static constexpr std::size_t chunk = 2048; // hashes per chunk (16 KiB)
    // Chunks are cut from slabs of 2 MiB pages (HugeBuffer): the 256 streams written at once then
    // lie in a few dozen pages the TLB holds, not in 256 pages of 4 KiB that it cannot.
    static constexpr std::size_t chunks_per_slab = HugeBuffer::page / (chunk * 8);
    static constexpr std::size_t prefetch_ahead = 16; // hashes: two cache lines

    DupCollector() : parts_(partitions) {
        cur_.fill(nullptr);
        fill_.fill(chunk);
    }

    [[gnu::always_inline]] void add(std::uint64_t h) {
        std::size_t p = static_cast<std::size_t>(h >> (64 - partition_bits));
        std::uint32_t n = fill_[p];
        if (n == chunk) [[unlikely]]
            n = grow(p);
        // The stream's next cache line, asked for a few adds ahead: 256 streams are more than the
        // hardware prefetcher follows, and each new line would otherwise wait for memory.
        if (n + prefetch_ahead < chunk) __builtin_prefetch(cur_[p] + n + prefetch_ahead, 1);
        cur_[p][n] = h;
        fill_[p] = n + 1;
    }
    std::size_t size() const;

  private:
    friend std::vector<std::uint64_t> repeated_hashes(std::vector<DupCollector*>&, unsigned);
    [[gnu::noinline]] std::uint32_t grow(std::size_t p);
    std::array<std::uint64_t*, partitions> cur_;
    std::array<std::uint32_t, partitions> fill_;     // of the last chunk
    std::vector<std::vector<std::uint64_t*>> parts_; // chunks per partition
    std::vector<HugeBuffer> slabs_;                  // where the chunks are
    std::size_t slab_used_ = chunks_per_slab;        // chunks cut from the last slab
};

// The hashes that were added more than once, over all the collectors (each once, sorted). Frees
// the collectors' memory as it goes. `threads` share out the partitions.
std::vector<std::uint64_t> repeated_hashes(std::vector<DupCollector*>& collectors,
                                           unsigned threads);

// The suspected hashes, sorted, with a directory by their top bits: a hash is found with two
// memory accesses, where a binary search through tens of megabytes of them would miss the cache
// twenty times (the second pass asks for every line).
class SuspectSet {
  public:
    static constexpr std::size_t npos = ~std::size_t(0);
    SuspectSet() = default;
    explicit SuspectSet(std::vector<std::uint64_t> sorted);
    bool empty() const { return hashes_.empty(); }
    std::size_t size() const { return hashes_.size(); }
    // The index of h among them, or npos.
    std::size_t find(std::uint64_t h) const {
        if (hashes_.empty()) return npos;
        std::size_t b = static_cast<std::size_t>(h >> shift_);
        for (std::size_t i = dir_[b], e = dir_[b + 1]; i < e; ++i)
            if (hashes_[i] >= h) return hashes_[i] == h ? i : npos;
        return npos;
    }

  private:
    std::vector<std::uint64_t> hashes_;
    std::vector<std::uint32_t> dir_; // per bucket of top bits: the index of its first hash
    int shift_ = 63;
};

// Where a line is in the ledgers: file index, line number.
struct LinePlace {
    std::uint32_t file = 0;
    std::uint64_t line = 0;
};

// The exact key of a line for DupFirsts, built part by part: a part is its length, then its bytes;
// an index (an agreement's partner) is its number. Either way no two keys read the same.
void append_key_part(std::string& key, std::string_view part);
void append_key_index(std::string& key, std::uint64_t index);

// The second pass's judge: given the suspected lines in file and line order, each with its key
// hash and its exact key bytes, it says which repeat a key seen before, and where that key was
// first. It keeps one entry per suspected hash (the first key with it and its place, about 20
// bytes), never the lines themselves (SPEC §8).
class DupFirsts {
  public:
    explicit DupFirsts(const SuspectSet& suspects);

    // The place of the first line with this key, when this line repeats one; else nothing (and
    // this line is now the first with its key). Lines must come in file and line order.
    std::optional<LinePlace> see(std::uint64_t hash, std::string_view key, LinePlace at);

  private:
    const SuspectSet& suspects_;
    // Per suspect: 1 + where its first key is (chunk << 20 | offset), or 0.
    std::vector<std::uint32_t> entry_;
    std::vector<std::string> chunks_; // the first keys with their places, in 1 MiB chunks
    // Keys whose hash is another key's (a true 64-bit collision): exact, and rare.
    std::map<std::pair<std::size_t, std::string>, LinePlace> others_;
};

} // namespace poolkit
