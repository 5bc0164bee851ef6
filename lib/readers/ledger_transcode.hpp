// A ledger exported in Windows-1252 (SPEC §11 `encoding`, as many finance systems write it),
// transcoded to UTF-8 by glibc's iconv into an unnamed temporary file before it is read, so that
// the reader, its messages and the rejects file see UTF-8 alone. Line ends, delimiters and quotes
// are ASCII and keep their places, so every line number stays the file's own. The inputs record
// keeps the original file's bytes and SHA-256 (SPEC §5: what pool-verify reads again).
#pragma once

#include <cstdint>
#include <string>

namespace poolkit {

struct TranscodedLedger {
    int fd = -1;             // the UTF-8 copy, at its start (the caller owns it)
    std::uint64_t bytes = 0; // of the original
    std::string sha256;      // of the original (empty unless asked)
};

// Reads `fd` (owned: closed here) to its end. Throws Error(input) naming `path` and the line of a
// byte that Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D).
TranscodedLedger transcode_windows_1252(int fd, const std::string& path, bool hash);

} // namespace poolkit
