// The ledger files of a run as sources of bytes (SPEC §4, §8): each opened once; standard input,
// a pipe or a device copied to an unnamed temporary file, so that every ledger can be mapped,
// split and read again like a file; a file given twice (the same file, or the same bytes)
// refused, since it would be counted twice; and a regular file's bytes read in place through a
// read-only mapping whose pages are given back as the blocks are parsed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace poolkit {

struct LedgerSource {
    std::string path; // "-" for standard input
    int fd = -1;
    std::uint64_t size = 0;
};

// The ledgers, open in the order given. Throws Error(input) (exit 2) naming the file when one
// cannot be opened or read, is a directory, or repeats another; closes them all when it goes.
class LedgerSources {
  public:
    explicit LedgerSources(const std::vector<std::string>& paths);
    ~LedgerSources();
    LedgerSources(const LedgerSources&) = delete;
    LedgerSources& operator=(const LedgerSources&) = delete;

    std::size_t size() const { return files_.size(); }
    const LedgerSource& operator[](std::size_t i) const { return files_[i]; }
    // A new descriptor of file i at its start, for a reader to own (each pass reads from there).
    int from_start(std::size_t i) const;
    // File i read from now on from `fd` (owned), e.g. its UTF-8 copy (ledger_transcode).
    void replace(std::size_t i, int fd);

  private:
    std::vector<LedgerSource> files_;
};

// A regular file's bytes in place, through a read-only mapping.
class FileMapping {
  public:
    // Maps fd when it is a regular file, not empty, at offset 0, and the mapping leaves room
    // under the address-space limit (ulimit -v) for the rest of the run; else an empty mapping
    // (the file is read into buffers instead: SPEC §8, a limit means slower, not failed).
    static FileMapping of(int fd);

    FileMapping() = default;
    ~FileMapping();
    FileMapping(FileMapping&& o) noexcept;
    FileMapping& operator=(FileMapping&& o) noexcept;
    FileMapping(const FileMapping&) = delete;
    FileMapping& operator=(const FileMapping&) = delete;

    const char* data() const { return data_; }
    std::size_t size() const { return size_; }
    explicit operator bool() const { return data_ != nullptr; }

    // Gives back the whole pages inside [from, to) once they are parsed, so the file never stays
    // resident (SPEC §8); a page shared with the next block stays until the mapping goes.
    // Thread-safe.
    void release(const char* from, const char* to) const;

  private:
    const char* data_ = nullptr;
    std::size_t size_ = 0;
};

} // namespace poolkit
