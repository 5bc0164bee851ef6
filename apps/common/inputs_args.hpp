// The inputs most tools share: an agreement that must be valid, and ledgers with their profiles
// (SPEC §4, §5). One place, so every tool reads them, reports them and exits the same way.
#pragma once

#include "ledger_pairing.hpp"
#include "model/agreement.hpp"
#include "model/input_file.hpp"
#include "readers/ledger_reader.hpp"
#include "support/error.hpp"

#include <CLI/CLI.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace poolkit::cli {

// Loads an agreement, printing its diagnostics (warnings too) on stderr. An agreement with errors
// is a finding (exit 1, as pool-shares and pool-check): nothing is computed from it. Appends the
// agreement's record to `inputs`.
Agreement load_valid_agreement(const std::string& path, std::vector<InputFile>& inputs);

struct LedgerArgs {
    std::vector<std::string> ledgers; // FILE or FILE=PROFILE (ledger_pairing.hpp)
    std::vector<std::string> profiles;
    std::vector<std::string> ledger_partners; // --ledger-partner FILE=ID
    // Where each of them was written, when a workspace's [[ledger]] partner gave it (SPEC §13);
    // shorter than ledger_partners, or an empty location: the command line.
    std::vector<SourceLocation> ledger_partners_at;
    std::string rejects_path;
    std::string actuals_path; // --actuals: the aggregate instead of the ledgers (SPEC §5)
    bool no_duplicate_check = false;
    unsigned threads = 0;
};

// Adds LEDGER... (required positional, after the agreement if any; each FILE or FILE=PROFILE),
// --profile, --ledger-partner, --rejects, --no-duplicate-check and the hidden --threads.
void add_ledger_options(CLI::App& app, LedgerArgs& args);

// Adds the agreement (positional, AGREEMENT; a workspace may give it), add_ledger_options and
// --actuals, as
// pool-recon and pool-settle take them: LEDGER... or --actuals FILE, never both.
void add_agreement_and_ledgers(CLI::App& app, std::string& agreement_path, LedgerArgs& args);

// What read_ledger_args is asked for by a tool with --format `format`: CSV tables and JSON Lines
// record no inputs, so they need no SHA-256 of the ledgers.
LedgerOptions ledger_options(const std::string& format);

// How many rejected lines a tool keeps in memory for its messages and statement (SPEC §8: the
// rest are read back from disk into the --rejects file).
inline constexpr std::uint64_t rejects_kept = 1000;

// Writes every rejected line of `run` to `path` as CSV, or JSON Lines when `path` ends .jsonl
// (atomically), as they are read back.
void write_rejects(const std::string& path, const LedgerRun& run);

// Reads the ledgers (against `agreement` when given), or the --actuals file instead; writes
// --rejects when asked, tells stderr about the rejected lines (the first few with their place and
// reason), and appends the ledgers' and profiles' records to `inputs`.
LedgerRun read_ledger_args(std::string_view tool, const Agreement* agreement,
                           const LedgerArgs& args, LedgerOptions options,
                           std::vector<InputFile>& inputs);

// The same without telling stderr of the rejected lines, for a tool whose statement lists them
// (pool-actuals).
LedgerRun read_ledger_files(const Agreement* agreement, const LedgerArgs& args,
                            LedgerOptions options, std::vector<InputFile>& inputs);

} // namespace poolkit::cli
