// Anonymous memory asked for in 2 MiB pages (transparent huge pages, which Debian's kernels give
// on request): for memory written by many streams at once or at random, where 4 KiB pages would
// cost a TLB miss on nearly every write (SPEC §8: the duplicate index, 8 bytes a line). Where the
// kernel gives no huge pages it is plain memory. Not zeroed by us (the kernel's pages are).
#pragma once

#include <cstddef>
#include <utility>

namespace poolkit {

class HugeBuffer {
  public:
    static constexpr std::size_t page = std::size_t(2) << 20;

    HugeBuffer() = default;
    explicit HugeBuffer(std::size_t bytes); // rounded up to whole 2 MiB pages; throws bad_alloc
    ~HugeBuffer();
    HugeBuffer(HugeBuffer&& o) noexcept
        : p_(std::exchange(o.p_, nullptr)), n_(std::exchange(o.n_, 0)) {}
    HugeBuffer& operator=(HugeBuffer&& o) noexcept {
        std::swap(p_, o.p_);
        std::swap(n_, o.n_);
        return *this;
    }
    HugeBuffer(const HugeBuffer&) = delete;
    HugeBuffer& operator=(const HugeBuffer&) = delete;

    void* data() const { return p_; }
    std::size_t size() const { return n_; }

  private:
    void* p_ = nullptr;
    std::size_t n_ = 0;
};

} // namespace poolkit
