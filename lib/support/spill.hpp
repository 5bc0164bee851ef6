// A byte stream written once and then read back from its start, any number of times: held in
// memory up to a limit, beyond it in an unnamed temporary file (SPEC §8: what grows with the
// ledger's bad lines — the rejected lines, the lines a duplicate check must look at again — and an
// output waiting for its run to succeed goes to disk, not to memory). Also the temporary files
// themselves.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>

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

} // namespace poolkit
