// Reading a ledger in blocks of whole records (SPEC §8: streaming, both cores). One thread at a
// time reads the next block, hashes its bytes (SHA-256 for the inputs record) and finds where
// its last whole record ends — the last newline outside quotes, by the parity of the quotes since
// the block's start — and carries the partial record over to the next block. Each block then
// holds only whole records and knows the line number it starts at, so any thread can parse it.
#pragma once

#include "readers/ledger_source.hpp"
#include "readers/sha256.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace poolkit {

struct LedgerBlock {
    std::vector<char> buf;      // the bytes when copied, with scan_padding readable after `end`
    const char* view = nullptr; // else the bytes in place, in the file's mapping
    const char* data() const { return view ? view : buf.data(); }
    std::size_t begin = 0;        // where the records start (after the header in the first block)
    std::size_t end = 0;          // after the last whole record
    std::uint64_t first_line = 0; // the physical line number at `begin`
    bool first = false;           // the file's first block (holds the header)
};

class BlockReader {
  public:
    // Takes ownership of fd. `sha` may be null (no hashing).
    BlockReader(int fd, std::string path, std::size_t block_bytes, Sha256* sha, bool map = true);
    ~BlockReader();
    BlockReader(const BlockReader&) = delete;
    BlockReader& operator=(const BlockReader&) = delete;

    // Fills `b` with the next records; false when the file is done. Throws Error(input) on a
    // read error. Never splits a record (a record longer than a block gets a bigger block).
    bool next(LedgerBlock& b);

    // Tells the reader a block is parsed: its pages of the mapping are given back, so the file
    // never stays resident (SPEC §8). Thread-safe.
    void done(const LedgerBlock& b) const;

    std::uint64_t bytes_read() const { return bytes_; }

  private:
    std::size_t fill(std::vector<char>& buf, std::size_t at, std::size_t want);
    bool next_mapped(LedgerBlock& b);
    void finish(LedgerBlock& b, std::size_t end, std::uint64_t lines);
    bool find_boundary(const char* p, std::size_t len, std::size_t& boundary,
                       std::uint64_t& lines) const;
    int fd_;
    // A regular file is read in place through a read-only mapping (no copy into a buffer); the
    // last block, which needs padding after it, is copied.
    FileMapping map_;
    std::size_t pos_ = 0; // where the next block starts, in the mapping
    std::string path_;
    std::size_t block_;
    Sha256* sha_;
    std::string carry_;
    std::uint64_t next_line_ = 1;
    std::uint64_t bytes_ = 0;
    bool eof_ = false;
    bool first_ = true;
};

// Stops the run at a file whose lines end in a carriage return alone (SPEC §4 reads LF and CRLF):
// such a file would otherwise look like one long record, or a header with a missing column.
[[noreturn]] void cr_line_ends(const std::string& path, std::uint64_t line);

// Counts of quotes and newlines in [p, p+n) (p must have 64 readable bytes past its end).
void count_quotes_newlines(const char* p, std::size_t n, std::uint64_t& quotes,
                           std::uint64_t& newlines);

} // namespace poolkit
