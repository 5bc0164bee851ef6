// The duplicate-key index (SPEC §4, §8): one 64-bit hash per accepted line in an open-addressing
// table shared by the parsing threads (lock-free inserts), sized from the ledgers' bytes to about
// 11 bytes a line. It only *suspects*: a hash seen twice goes to the caller's suspect list, and
// the reader confirms (or clears) each suspect exactly in a second pass, so a collision of two
// different keys never rejects a line.
#pragma once

#include <cstddef>
#include <cstdint>
#include <shared_mutex>
#include <vector>

namespace poolkit {

class DupIndex {
  public:
    explicit DupIndex(std::size_t expected_keys);
    ~DupIndex();
    DupIndex(const DupIndex&) = delete;
    DupIndex& operator=(const DupIndex&) = delete;

    // Inserts the hashes; each one already present is appended to `suspects`. Thread-safe.
    void insert(const std::uint64_t* hashes, std::size_t n, std::vector<std::uint64_t>& suspects);

    std::size_t capacity() const { return cap_; }

  private:
    void insert_one(std::uint64_t h, std::vector<std::uint64_t>& suspects);
    void grow();
    std::size_t slot(std::uint64_t h) const {
        return static_cast<std::size_t>((static_cast<__uint128_t>(h) * cap_) >> 64);
    }
    std::uint64_t* slots_ = nullptr; // 0 is an empty slot
    std::size_t cap_ = 0;
    std::size_t count_ = 0; // updated under the exclusive lock's protection via atomics
    std::shared_mutex grow_mu_;
};

} // namespace poolkit
