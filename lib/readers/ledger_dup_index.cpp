#include "readers/ledger_dup_index.hpp"

#include <cstdlib>
#include <mutex>
#include <new>
#include <sys/mman.h>

namespace poolkit {

namespace {
// Fresh zero pages, on huge pages where the system allows: the lookups are random over the whole
// table, and with 4 KiB pages nearly every one would also miss the TLB.
std::uint64_t* zeroed(std::size_t n) {
    void* p = ::mmap(nullptr, n * sizeof(std::uint64_t), PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
    ::madvise(p, n * sizeof(std::uint64_t), MADV_HUGEPAGE);
#endif
    return static_cast<std::uint64_t*>(p);
}
void release(std::uint64_t* p, std::size_t n) {
    ::munmap(p, n * sizeof(std::uint64_t));
}
} // namespace

DupIndex::DupIndex(std::size_t expected) {
    cap_ = expected + expected / 3 + 1024; // load factor at most 0.75 while the estimate holds
    slots_ = zeroed(cap_);
}

DupIndex::~DupIndex() {
    release(slots_, cap_);
}

void DupIndex::insert_one(std::uint64_t h, std::vector<std::uint64_t>& suspects) {
    for (std::size_t i = slot(h);;) {
        std::uint64_t v = __atomic_load_n(&slots_[i], __ATOMIC_RELAXED);
        if (v == h) {
            suspects.push_back(h);
            return;
        }
        if (v == 0) {
            std::uint64_t expected = 0;
            if (__atomic_compare_exchange_n(&slots_[i], &expected, h, false, __ATOMIC_RELAXED,
                                            __ATOMIC_RELAXED))
                return;
            if (expected == h) {
                suspects.push_back(h);
                return;
            }
        }
        if (++i == cap_) i = 0;
    }
}

void DupIndex::insert(const std::uint64_t* hashes, std::size_t n,
                      std::vector<std::uint64_t>& suspects) {
    {
        std::shared_lock lock(grow_mu_);
        std::size_t after = __atomic_add_fetch(&count_, n, __ATOMIC_RELAXED);
        if (after * 10 <= cap_ * 9) {
            // Prefetch a few slots ahead: the table is far bigger than the caches, and the
            // lookups of different lines are independent.
            constexpr std::size_t ahead = 24;
            for (std::size_t j = 0; j < n && j < ahead; ++j)
                __builtin_prefetch(&slots_[slot(hashes[j] | 1)]);
            for (std::size_t j = 0; j < n; ++j) {
                if (j + ahead < n) __builtin_prefetch(&slots_[slot(hashes[j + ahead] | 1)]);
                insert_one(hashes[j] | 1, suspects);
            }
            return;
        }
        __atomic_sub_fetch(&count_, n, __ATOMIC_RELAXED);
    }
    {
        std::unique_lock lock(grow_mu_);
        if ((count_ + n) * 10 > cap_ * 9) grow();
        count_ += n;
        for (std::size_t j = 0; j < n; ++j)
            insert_one(hashes[j] | 1, suspects);
    }
}

void DupIndex::grow() {
    std::uint64_t* old = slots_;
    std::size_t old_cap = cap_;
    cap_ = old_cap * 2;
    slots_ = zeroed(cap_);
    std::vector<std::uint64_t> none;
    for (std::size_t i = 0; i < old_cap; ++i)
        if (old[i]) insert_one(old[i], none);
    release(old, old_cap);
}

} // namespace poolkit
