// The second pass of the duplicate check (SPEC §4: a line whose partner and key repeat an earlier
// line's is rejected; the first keeps its place). The first pass only suspects: the key hashes
// seen more than once (the SuspectSet). This pass reads the files again, sets aside the lines
// with a suspected hash, then judges them in file and line order comparing their keys exactly,
// so a hash collision never rejects a good line. Each duplicate found moves from accepted to
// rejected: out of its group and its file's accepted totals, into the rejects.
#pragma once

#include "readers/ledger_header.hpp"
#include "readers/ledger_merge.hpp"
#include "readers/ledger_source.hpp"
#include "readers/ledger_worker.hpp"
#include "readers/reject_spill.hpp"
#include "readers/spill.hpp"

#include <vector>

namespace poolkit::ledger {

// Before the suspects are known: the key hashes of the rising blocks that may repeat another
// block's key (ledger_key_runs), added to the workers' index by reading those blocks again.
void hash_blocks_again(Shared& sh, std::vector<Worker>& workers,
                       const std::vector<LedgerSpec>& ledgers, const LedgerSources& files);

// `places` (may be null): gets the (file, line) of each duplicate, in order, for the locate pass.
void confirm_duplicates(Shared& sh, std::vector<Worker>& workers,
                        const std::vector<LedgerSpec>& ledgers, const LedgerSources& files,
                        const std::vector<Layout>& layouts, const CodeRanks& ranks, Merged& m,
                        SpilledRejects& log, Spill* places);

} // namespace poolkit::ledger
