// The reader of a budget holder's forecast adjustments (SPEC §12, pool-recon --adjust FILE): a CSV
// with the header `scheme,amount,reason`, in any order. A wrong header is Error(input) at its place
// (exit 2); every data row is accepted or rejected with its file, line, column and reason (an
// unknown scheme, with a "did you mean"; a bad amount; an empty reason) and counted in the
// control totals.
#pragma once

#include "model/actuals.hpp"
#include "model/agreement.hpp"
#include "model/forecast_adjustments.hpp"
#include "model/input_file.hpp"
#include "readers/csv_register.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace poolkit {

struct AdjustmentsRead {
    ForecastAdjustments adjustments;
    ControlTotals totals;                // rows and their amounts
    std::vector<RegisterReject> rejects; // in line order
    InputFile input;                     // role "adjustments", with its SHA-256 (SPEC §5 inputs)
};

// Reads the file at `path` ("-": standard input) against the agreement's schemes. Throws
// Error(input) when the file cannot be read or its header is wrong.
AdjustmentsRead read_adjustments(const Agreement& agreement, const std::string& path);

// The same, from the file's bytes; `file` names it in messages and in the input record.
AdjustmentsRead parse_adjustments(const Agreement& agreement, std::string_view text,
                                  const std::string& file);

} // namespace poolkit
