// The ledger reader (SPEC §4, §8): every line of every ledger file accepted or rejected with its
// file, line and reason, the accepted ones summed by partner, scheme and period, with the control
// totals and the record of each input — in one call, for pool-actuals, pool-recon and pool-settle.
//
// How it is fast: files are read in large blocks by one thread at a time (the splitter, which
// also finds where the last whole record of a block ends and hashes the bytes), and the blocks are
// parsed in place by every core at once; lines are never copied or allocated, codes are found in
// hashed tables, dates and amounts are parsed by hand. Memory stays flat: a few blocks in
// flight, plus the duplicate index (one 8-byte hash per accepted line, but none for a block whose
// keys rise and meet no other block's: ledger_key_runs); rejected lines go to
// spill files as they are found, never all into memory. A suspected duplicate (the same 64-bit
// hash of partner and key seen before) is confirmed exactly by a second pass that sets aside
// only the lines with a suspected hash and compares their keys, so a hash collision can never
// reject a good line.
#pragma once

#include "model/actuals.hpp"
#include "model/agreement.hpp"
#include "model/input_file.hpp"
#include "model/rejected_lines.hpp"
#include "readers/ledger_profile.hpp"

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace poolkit {

struct LedgerSpec {
    std::string path; // "-" for standard input
    LedgerProfile profile = default_ledger_profile();
    std::optional<InputFile> profile_record; // the profile file's record, when it came from one
    // Whose ledger it is (SPEC §11, §13), when said: the partner of a layout that has none (no
    // fixed partner, no partner column in the header); a profile's fixed partner must agree.
    std::string partner;
};

struct LedgerOptions {
    bool duplicate_check = true;
    bool hash_inputs = true;     // compute each ledger's SHA-256 for the inputs record
    bool by_cost_centre = false; // keep the cost centre in LedgerRun::rows
    // The field by_cost_centre keeps in ActualsRow::cost_centre: the cost centre, or the case
    // (pool-cases' spend per case, SPEC §12).
    LedgerField group_by = LedgerField::cost_centre;
    unsigned threads = 0;               // 0: every core
    std::size_t block_bytes = 4u << 20; // the size of a read (tests use small ones)
    bool map_files = true; // read files in place through a mapping; false: into buffers (tests)
    // How many rejected lines LedgerRun::rejects holds (the first, in order); every one of them
    // is in LedgerRun::all_rejects whatever this is. A tool keeps a few, for its messages.
    std::uint64_t rejects_kept = std::numeric_limits<std::uint64_t>::max();
};

struct LedgerRun {
    // With an agreement: partner x scheme x period in agreement order, with the control totals.
    std::optional<Actuals> actuals;
    std::optional<FinancialYear> year; // the agreement's
    // The accepted lines by partner, scheme, period (and cost centre when asked), sorted by
    // partner rank, scheme rank, period, cost centre.
    std::vector<ActualsRow> rows;
    ControlTotals control;
    std::vector<LedgerFileTotals> files; // in the order given
    std::vector<RejectedLine> rejects;   // the first options.rejects_kept, in file, line order
    std::shared_ptr<const RejectedLines> all_rejects; // every one, in that order (from disk)
    std::vector<InputFile> inputs; // each ledger (role "ledger") and profile (role "profile")
    // The header of each file as read (for the rejects file's columns).
    std::vector<std::vector<std::string>> headers;
};

// Reads and checks every ledger. With an agreement: partner and scheme must be its ids and the
// date inside its financial year; without: any codes, periods YYYY-MM of any month.
// Throws Error(input) (exit 2) when a file cannot be read, lacks a column the profile needs, or is
// given twice (the same path, or the same bytes); rejected lines are findings in the result.
LedgerRun read_ledgers(const Agreement* agreement, const std::vector<LedgerSpec>& ledgers,
                       const LedgerOptions& options = {});

} // namespace poolkit
