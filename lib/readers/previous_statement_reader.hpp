// Reading last month's statement for pool-recon --previous (SPEC §12): the JSON pool-recon issued
// (schema poolkit.recon/2), of the same agreement and year, for an earlier period. It is recorded
// among the inputs by its SHA-256, as every input is (SPEC §5), so pool-verify checks it is the
// file the movement was measured against; and its figures must still add up as pool-recon wrote
// them (each scheme's forecast variance is its forecast less its budget, a scheme forecast from
// commitments is its actual plus its committed parts, its cases sum to those parts, the schemes
// to the total), so an edited figure is refused rather than measured against.
#pragma once

#include "model/agreement.hpp"
#include "model/previous_statement.hpp"

#include <string>
#include <string_view>

namespace poolkit {

// Reads the statement at `path` against `agreement` for a statement of `period`. Throws
// Error(input) naming the file (exit 2) when it cannot be read, is not JSON, is not a pool-recon
// statement, is of another agreement or financial year, is not of an earlier period, or its
// figures do not add up.
PreviousStatement read_previous_statement(const Agreement& agreement, Period period,
                                          const std::string& path);

// The same, from the file's bytes; `file` names it in messages and in the input record.
PreviousStatement parse_previous_statement(const Agreement& agreement, Period period,
                                           std::string_view text, const std::string& file);

} // namespace poolkit
