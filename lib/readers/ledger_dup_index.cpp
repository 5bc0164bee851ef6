#include "readers/ledger_dup_index.hpp"

#include <algorithm>
#include <atomic>
#include <thread>

namespace poolkit {

std::size_t DupCollector::size() const {
    std::size_t n = 0;
    for (std::size_t p = 0; p < partitions; ++p)
        if (!parts_[p].empty()) n += (parts_[p].size() - 1) * chunk + fill_[p];
    return n;
}

std::vector<std::uint64_t> repeated_hashes(std::vector<DupCollector*>& collectors,
                                           unsigned threads) {
    constexpr std::size_t P = DupCollector::partitions;
    std::vector<std::vector<std::uint64_t>> found(P);
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        std::vector<std::uint64_t> table;
        for (std::size_t p; (p = next.fetch_add(1)) < P;) {
            std::size_t count = 0;
            for (DupCollector* c : collectors)
                if (!c->parts_[p].empty())
                    count += (c->parts_[p].size() - 1) * DupCollector::chunk + c->fill_[p];
            if (count == 0) continue;
            // Open addressing at a load of at most 2/3; 0 marks an empty slot (hashes have their
            // low bit set). The slot comes from the bits below the partition's.
            std::size_t cap = count + count / 2 + 16;
            table.assign(cap, 0);
            for (DupCollector* c : collectors) {
                auto& chunks = c->parts_[p];
                for (std::size_t k = 0; k < chunks.size(); ++k) {
                    std::size_t n = k + 1 == chunks.size() ? c->fill_[p] : DupCollector::chunk;
                    const std::uint64_t* h = chunks[k].get();
                    for (std::size_t j = 0; j < n; ++j) {
                        std::uint64_t v = h[j] | 1;
                        std::size_t i = static_cast<std::size_t>(
                            (static_cast<__uint128_t>(v << DupCollector::partition_bits) * cap) >>
                            64);
                        for (;;) {
                            if (table[i] == 0) {
                                table[i] = v;
                                break;
                            }
                            if (table[i] == v) {
                                found[p].push_back(v);
                                break;
                            }
                            if (++i == cap) i = 0;
                        }
                    }
                    chunks[k].reset(); // give the memory back as we go
                }
                chunks.clear();
            }
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t)
        pool.emplace_back(work);
    work();
    for (auto& t : pool)
        t.join();
    std::vector<std::uint64_t> out;
    for (auto& f : found)
        out.insert(out.end(), f.begin(), f.end());
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

} // namespace poolkit
