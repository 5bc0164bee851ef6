// A byte stream written once and then read back from its start, any number of times: held in
// memory up to a limit, beyond it in an unnamed temporary file (SPEC §8: what grows with the
// ledger's bad lines — the rejected lines, the lines a duplicate check must look at again — goes
// to disk, not to memory). Also the temporary files themselves.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace poolkit {

// An unnamed temporary file, open for reading and writing, in $TMPDIR (else /tmp); it vanishes
// when closed. Throws Error(input) naming `purpose` when none can be made.
int temporary_file(std::string_view purpose);

class Spill {
  public:
    Spill() = default;
    explicit Spill(std::size_t memory_limit) : limit_(memory_limit) {}
    ~Spill();
    Spill(Spill&& o) noexcept;
    Spill& operator=(Spill&& o) noexcept;
    Spill(const Spill&) = delete;
    Spill& operator=(const Spill&) = delete;

    void put(const void* p, std::size_t n) {
        buf_.append(static_cast<const char*>(p), n);
        if (buf_.size() >= limit_) flush();
    }
    void put_u32(std::uint32_t v) { put(&v, sizeof v); }
    void put_u64(std::uint64_t v) { put(&v, sizeof v); }
    void put_str(std::string_view s) {
        put_u32(static_cast<std::uint32_t>(s.size()));
        put(s.data(), s.size());
    }
    std::uint64_t size() const { return on_disk_ + buf_.size(); }

    // Reads the stream from its start (no writes while a cursor is in use).
    class Cursor {
      public:
        explicit Cursor(const Spill& s);
        bool at_end() const { return pos_ == end_ && at_ >= s_->size(); }
        void get(void* p, std::size_t n);
        std::uint32_t get_u32() {
            std::uint32_t v;
            get(&v, sizeof v);
            return v;
        }
        std::uint64_t get_u64() {
            std::uint64_t v;
            get(&v, sizeof v);
            return v;
        }
        void get_str(std::string& out) {
            out.resize(get_u32());
            get(out.data(), out.size());
        }

      private:
        void refill();
        const Spill* s_;
        std::string chunk_;
        const char* pos_ = nullptr;
        const char* end_ = nullptr;
        std::uint64_t at_ = 0; // stream offset just after `end_`
    };

  private:
    void flush();
    std::string buf_;
    std::size_t limit_ = std::size_t(1) << 20;
    int fd_ = -1;
    std::uint64_t on_disk_ = 0;
};

// Visits the records of spills that are each sorted by place — (file, line) — in place order
// (SPEC §5: output in the same order whatever the threads did). `read(cursor, rec)` reads one
// record of type Rec, `place(rec)` is its (file, line) pair, `visit(rec)` takes it and returns
// false to stop there.
template <typename Rec, typename Read, typename Place, typename Visit>
void merge_in_order(const std::vector<const Spill*>& spills, Read read, Place place, Visit visit) {
    std::vector<Spill::Cursor> cur;
    std::vector<Rec> head(spills.size());
    std::vector<bool> live(spills.size(), false);
    cur.reserve(spills.size());
    for (std::size_t i = 0; i < spills.size(); ++i) {
        cur.emplace_back(*spills[i]);
        if (!cur[i].at_end()) {
            read(cur[i], head[i]);
            live[i] = true;
        }
    }
    for (;;) {
        std::size_t best = spills.size();
        for (std::size_t i = 0; i < spills.size(); ++i)
            if (live[i] && (best == spills.size() || place(head[i]) < place(head[best]))) best = i;
        if (best == spills.size()) return;
        if (!visit(head[best])) return;
        if (cur[best].at_end())
            live[best] = false;
        else
            read(cur[best], head[best]);
    }
}

} // namespace poolkit
