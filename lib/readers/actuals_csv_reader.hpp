// The aggregate as an input (SPEC §5 `--actuals FILE|-`): the CSV that `pool-actuals --format csv`
// writes, `partner,scheme,period,lines,amount,income`, read in place of the ledgers by pool-recon
// and pool-settle, so that a larger pipeline (docs/scaling.md) can feed them its sums. Each row is
// one cell of the actuals; its `lines` are the accepted ledger lines it adds up (SPEC §4 control
// totals: read = accepted = the sum of `lines`, nothing rejected).
#pragma once

#include "model/agreement.hpp"
#include "readers/ledger_reader.hpp"

#include <string>

namespace poolkit {

// Reads the file ("-": standard input) against the agreement: the header must name the six
// columns (in any order, nothing else), each partner and scheme must be the agreement's, each
// period a month YYYY-MM of its financial year, `lines` a whole number from 1, `amount` an exact
// amount and `income` 0.00 or more, each (partner, scheme, period) once. Any other row is
// Error(input) at its line and column (exit 2): an aggregate with a bad cell has wrong totals, so
// nothing is computed from it. The result is what read_ledgers returns for
// ledgers with the same accepted lines: actuals, control totals, one file (the aggregate) and
// its record (role "actuals").
LedgerRun read_actuals_csv(const Agreement& agreement, const std::string& path);

} // namespace poolkit
