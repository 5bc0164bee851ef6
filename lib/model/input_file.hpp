// What a statement records of each input it was computed from (SPEC §5: `inputs` array), so that
// pool-verify can redo it and a printed statement can be matched to its data.
#pragma once

#include <cstdint>
#include <string>

namespace poolkit {

struct InputFile {
    std::string role;   // "agreement", "ledger", "profile", "paid"
    std::string path;   // as the user gave it ("-" for stdin)
    std::uint64_t bytes = 0;
    std::string sha256; // lower-case hex
};

} // namespace poolkit
