#include "readers/ledger_dup_index.hpp"

#include "readers/parallel.hpp"
#include "support/error.hpp"

#include <algorithm>
#include <atomic>
#include <cstring>

namespace poolkit {

std::size_t DupCollector::size() const {
    std::size_t n = 0;
    for (std::size_t p = 0; p < partitions; ++p)
        if (!parts_[p].empty()) n += (parts_[p].size() - 1) * chunk + fill_[p];
    return n;
}

std::uint32_t DupCollector::grow(std::size_t p) {
    if (slab_used_ == chunks_per_slab) {
        slabs_.emplace_back(HugeBuffer::page);
        slab_used_ = 0;
    }
    auto* base = static_cast<std::uint64_t*>(slabs_.back().data());
    cur_[p] = base + chunk * slab_used_++;
    parts_[p].push_back(cur_[p]);
    return 0;
}

std::vector<std::uint64_t> repeated_hashes(std::vector<DupCollector*>& collectors,
                                           unsigned threads) {
    constexpr std::size_t P = DupCollector::partitions;
    std::vector<std::vector<std::uint64_t>> found(P);
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        HugeBuffer space; // the table, in 2 MiB pages (random writes), kept across partitions
        for (std::size_t p; (p = next.fetch_add(1)) < P;) {
            std::size_t count = 0;
            for (DupCollector* c : collectors)
                if (!c->parts_[p].empty())
                    count += (c->parts_[p].size() - 1) * DupCollector::chunk + c->fill_[p];
            if (count == 0) continue;
            // Open addressing at a load of at most 2/3; 0 marks an empty slot (hashes have their
            // low bit set). The slot comes from the bits below the partition's.
            std::size_t cap = count + count / 2 + 16;
            if (space.size() < cap * sizeof(std::uint64_t))
                space = HugeBuffer(cap * sizeof(std::uint64_t));
            auto* table = static_cast<std::uint64_t*>(space.data());
            std::memset(table, 0, cap * sizeof(std::uint64_t));
            auto slot = [cap](std::uint64_t v) {
                return static_cast<std::size_t>(
                    (static_cast<__uint128_t>(v << DupCollector::partition_bits) * cap) >> 64);
            };
            constexpr std::size_t ahead = 8;
            for (DupCollector* c : collectors) {
                auto& chunks = c->parts_[p];
                for (std::size_t k = 0; k < chunks.size(); ++k) {
                    std::size_t n = k + 1 == chunks.size() ? c->fill_[p] : DupCollector::chunk;
                    const std::uint64_t* h = chunks[k];
                    // The slot of the hash a few ahead is asked for before this one is put: the
                    // table is bigger than the first-level cache, and the puts do not depend on
                    // each other, so their misses overlap.
                    for (std::size_t j = 0; j < n; ++j) {
                        if (j + ahead < n) __builtin_prefetch(table + slot(h[j + ahead] | 1), 1);
                        std::uint64_t v = h[j] | 1;
                        std::size_t i = slot(v);
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
                }
                chunks.clear();
            }
        }
    };
    run_parallel(threads, [&](unsigned) { work(); });
    for (DupCollector* c : collectors)
        c->slabs_.clear();
    std::vector<std::uint64_t> out;
    for (auto& f : found)
        out.insert(out.end(), f.begin(), f.end());
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

namespace {
void put_varint(std::string& out, std::uint64_t v) {
    while (v >= 0x80) {
        out += static_cast<char>(v | 0x80);
        v >>= 7;
    }
    out += static_cast<char>(v);
}
std::uint64_t get_varint(const char*& p) {
    std::uint64_t v = 0;
    for (int shift = 0;; shift += 7) {
        auto b = static_cast<unsigned char>(*p++);
        v |= std::uint64_t(b & 0x7f) << shift;
        if (b < 0x80) return v;
    }
}
constexpr std::size_t chunk_bytes = std::size_t(1) << 20;
} // namespace

void append_key_part(std::string& key, std::string_view part) {
    put_varint(key, part.size());
    key.append(part);
}

void append_key_index(std::string& key, std::uint64_t index) {
    put_varint(key, index);
}

SuspectSet::SuspectSet(std::vector<std::uint64_t> sorted) : hashes_(std::move(sorted)) {
    if (hashes_.size() >= 0xffffffffu)
        throw Error(ErrorKind::input, "more than 4,294,967,294 suspected duplicate keys");
    // About four hashes a bucket.
    int bits = 1;
    while (bits < 40 && (std::size_t(1) << (bits + 2)) < hashes_.size())
        ++bits;
    shift_ = 64 - bits;
    dir_.assign((std::size_t(1) << bits) + 1, 0);
    std::size_t i = 0;
    for (std::size_t b = 0; b < (std::size_t(1) << bits); ++b) {
        dir_[b] = static_cast<std::uint32_t>(i);
        while (i < hashes_.size() && (hashes_[i] >> shift_) == b)
            ++i;
    }
    dir_.back() = static_cast<std::uint32_t>(hashes_.size());
}

DupFirsts::DupFirsts(const SuspectSet& suspects)
    : suspects_(suspects), entry_(suspects.size(), 0) {}

std::optional<LinePlace> DupFirsts::see(std::uint64_t hash, std::string_view key, LinePlace at) {
    std::size_t i = suspects_.find(hash);
    if (i == SuspectSet::npos) return std::nullopt; // not suspected: a first
    if (entry_[i] == 0) {
        // [file][line][key length][key], varint-coded, in the last chunk (or a new one).
        std::string e;
        put_varint(e, at.file);
        put_varint(e, at.line);
        put_varint(e, key.size());
        e.append(key);
        // An entry starts in the first 1 MiB of its chunk (a longer one has a chunk of its own).
        if (chunks_.empty() || chunks_.back().size() + e.size() > chunk_bytes) {
            if (chunks_.size() >= 4095)
                throw Error(ErrorKind::input, "the suspected duplicate keys pass 4 GiB");
            chunks_.emplace_back();
            chunks_.back().reserve(std::max(chunk_bytes, e.size()));
        }
        auto where =
            static_cast<std::uint32_t>(((chunks_.size() - 1) << 20) | chunks_.back().size());
        chunks_.back().append(e);
        entry_[i] = where + 1;
        return std::nullopt;
    }
    std::uint32_t where = entry_[i] - 1;
    const char* p = chunks_[where >> 20].data() + (where & 0xfffffu);
    LinePlace first;
    first.file = static_cast<std::uint32_t>(get_varint(p));
    first.line = get_varint(p);
    std::size_t n = static_cast<std::size_t>(get_varint(p));
    if (std::string_view(p, n) == key) return first;
    auto [o, fresh] = others_.try_emplace({i, std::string(key)}, at);
    if (fresh) return std::nullopt;
    return o->second;
}

} // namespace poolkit
