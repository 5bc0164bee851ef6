// The rejected ledger lines of a statement as a table (SPEC §4, §5): in HTML and a workbook (its
// "Rejected lines" sheet), where a reader sorts and filters them; text and Markdown count them in
// their warning and control totals, and the --rejects file lists them all. Bounded, as memory is
// (SPEC §8): at most rejected_lines_shown rows, with a note of how many more and where they are.
#pragma once

#include "model/actuals.hpp"
#include "model/rejected_lines.hpp"
#include "writers/document.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace poolkit {

// The most rejected lines a statement's table shows; the rest are in the --rejects file.
inline constexpr std::uint64_t rejected_lines_shown = 1000;

// File, Line, Reason and Amount (none when it could not be read) of each of `rejects` (the first
// rejected lines, in order) up to `shown`.
Table rejected_lines_table(const std::vector<RejectedLine>& rejects,
                           std::uint64_t shown = rejected_lines_shown);

// Adds, shown in HTML and a workbook only, the heading, the table of the first `shown` of
// `rejects` and a note: how many more there are (of control.lines_rejected) and where the full
// list is (`rejects_path`, or --rejects FILE when it was not given). Nothing without rejects.
void add_rejected_lines(Document& d, const std::vector<RejectedLine>& rejects,
                        const ControlTotals& control, const std::string& rejects_path,
                        std::uint64_t shown = rejected_lines_shown);

} // namespace poolkit
