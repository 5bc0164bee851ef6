// What a statement records of the run that made it (SPEC §5: `schema`, `inputs`), so that
// pool-verify can redo it and a printed statement can be matched to its data.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace poolkit {

struct InputFile {
    std::string role; // "agreement", "ledger", "profile", "paid"
    std::string path; // as the user gave it ("-" for stdin)
    std::uint64_t bytes = 0;
    std::string sha256; // lower-case hex
};

// The tool, the command-line arguments that shape the result (as given, without those that only
// choose where and how the output goes: -o, --format, --table, --rejects, --threads) and every
// input file: enough to run the tool again on the same inputs and get the same statement.
struct RunRecord {
    std::string tool;                   // "pool-recon"
    std::vector<std::string> arguments; // e.g. {"--period", "P06", "agreement.toml", "icb.csv"}
    std::vector<InputFile> inputs;      // agreement first, then ledgers, profiles, the paid file
};

} // namespace poolkit
