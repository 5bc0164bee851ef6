#include "support/huge_buffer.hpp"

#include <sys/mman.h>

#include <cstdint>
#include <new>

namespace poolkit {

HugeBuffer::HugeBuffer(std::size_t bytes) {
    n_ = (bytes + page - 1) / page * page;
    if (n_ == 0) return;
    // Mapped one page over and trimmed to a 2 MiB boundary: a huge page must be aligned.
    void* m =
        ::mmap(nullptr, n_ + page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED) throw std::bad_alloc();
    auto lo = reinterpret_cast<std::uintptr_t>(m);
    std::uintptr_t start = (lo + page - 1) / page * page;
    if (start > lo) ::munmap(m, start - lo);
    if (std::uintptr_t end = start + n_, top = lo + n_ + page; top > end)
        ::munmap(reinterpret_cast<void*>(end), top - end);
    p_ = reinterpret_cast<void*>(start);
#ifdef MADV_HUGEPAGE
    ::madvise(p_, n_, MADV_HUGEPAGE); // a request: without it the memory is still good
#endif
}

HugeBuffer::~HugeBuffer() {
    if (p_) ::munmap(p_, n_);
}

} // namespace poolkit
