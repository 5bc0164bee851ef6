// The reader of the commitments register (SPEC §12): a CSV with the header
// `case,partner,scheme,type,weekly_cost,start,end,status` and optionally `decision_date`, in any
// order, ISO dates, an empty `end` for an open-ended placement. A wrong header is Error(input) at
// its place (exit 2); every data row after it is accepted or rejected with its file, line, column
// and reason (a bad date or cost, an end before the start, an unknown partner, scheme or status,
// an `ended` row with no end, a row of a case that overlaps another of the same case), and counted
// in the control totals (their amounts are the weekly costs). A case reference that looks like a
// name is accepted with a warning: the register holds pseudonymous references only.
#pragma once

#include "model/actuals.hpp"
#include "model/agreement.hpp"
#include "model/commitments.hpp"
#include "model/diagnostic.hpp"
#include "model/input_file.hpp"
#include "readers/csv_register.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace poolkit {

struct CommitmentsRead {
    CommitmentsRegister register_;
    ControlTotals totals;                // rows; total_* sum the weekly costs
    std::vector<RegisterReject> rejects; // in line order
    Diagnostics warnings;                // name-like case references
    InputFile input;                     // role "commitments", with its SHA-256 (SPEC §5 inputs)
};

// Reads the register at `path` ("-": standard input) against the agreement's partners, schemes
// and year. Throws Error(input) when the file cannot be read or its header is wrong.
CommitmentsRead read_commitments(const Agreement& agreement, const std::string& path);

// The same, from the file's bytes; `file` names it in messages and in the input record.
CommitmentsRead parse_commitments(const Agreement& agreement, std::string_view text,
                                  const std::string& file);

// Whether a case reference looks like a person's name rather than a pseudonymous code: it has
// letters and no digit ("Jane Smith", "SMITHJ"), where codes carry a number ("C-0042").
bool looks_like_a_name(std::string_view case_ref);

} // namespace poolkit
