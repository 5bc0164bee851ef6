// --commitments FILE on a command line (SPEC §12): the register read against the agreement, its
// rejected rows and warnings told on stderr as a ledger's are, its record among the inputs.
#pragma once

#include "calc/commitments_forecast.hpp"
#include "readers/commitments_reader.hpp"

#include <optional>

#include <string>
#include <string_view>
#include <vector>

namespace poolkit::cli {

// Reads the register at `path`, prints each rejected row ("FILE:LINE:COL: rejected: REASON") and
// each warning on stderr, and appends its record to `inputs`. Rejected rows are a finding: the
// caller exits 1 when `rejects` is not empty.
CommitmentsRead read_commitments_arg(std::string_view tool, const Agreement& agreement,
                                     const std::string& path, std::vector<InputFile>& inputs);

// Throws Error(usage) for an aligned budget: it forecasts each partner's own budget, which a
// register of referrals does not yet divide (SPEC §12). Called before the register is read.
void check_commitments_forecast(const Agreement& agreement);

// The forecast from the register read, when one was (SPEC §12).
std::optional<CommitmentsForecast> commitments_for(const Agreement& agreement,
                                                   const std::optional<CommitmentsRead>& read,
                                                   Period period);

} // namespace poolkit::cli
