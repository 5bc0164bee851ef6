// The parallel read of one ledger file (SPEC §8: streaming, every core): one thread at a time
// splits the next block off the file (BlockReader: whole records, hashed), and whichever thread
// is free parses a block that is ready, so splitting and parsing overlap and a few blocks are in
// flight at most. Any failure stops every thread and is rethrown on the caller's.
#pragma once

#include "readers/ledger_header.hpp"
#include "readers/ledger_split.hpp"
#include "readers/ledger_worker.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace poolkit::ledger {

// Runs `reader` to its end on `threads` threads. The first block goes to `first` on the calling
// thread before any thread parses (it reads the header and moves the block's start past it);
// then every block, the first included, to `parse(k, block)` on thread k < threads. Throws
// Error(input) naming `path` when the file is empty.
void run_blocks(BlockReader& reader, unsigned threads, const std::string& path,
                const std::function<void(LedgerBlock&)>& first,
                const std::function<void(unsigned, const LedgerBlock&)>& parse);

struct FileRead {
    Layout layout;
    std::uint64_t bytes = 0; // read from the file
};

// One pass over ledger file `index` (taking ownership of fd): its header, then every line judged
// by the line rules into workers[k] on thread k. `sha` (may be null) hashes the bytes. `only`
// (may be null): the first lines of the only blocks to judge, sorted (Pass::hash).
FileRead read_file(Shared& sh, std::vector<Worker>& workers, const LedgerSpec& spec,
                   std::size_t index, int fd, Pass pass, Sha256* sha,
                   const std::vector<std::uint64_t>* only = nullptr);

} // namespace poolkit::ledger
