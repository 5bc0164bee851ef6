// A workbook (writers/sheets.hpp) as the bytes of an .xlsx file, by libxlsxwriter (SPEC §5
// `--format xlsx`): a sheet a table, its header row bold and frozen, columns as wide as their
// widest cell, amounts as numbers of pounds formatted #,##0.00;(#,##0.00), counts as whole
// numbers, RAG cells filled green, amber or red, and the document properties set.
//
// An amount is written as the double nearest to its pence / 100: every amount below 10^13 pounds
// reads back to the same two decimals, and the exact figure stays in the JSON statement. A text
// cell is a string, never a formula; one that starts like a formula (= + - @ tab CR LF) is also
// prefixed with a single quote, as in CSV (SPEC §8), so that it stays text when the cell is edited
// or copied out. The creation time is `created` (the statement's date, not the clock), so the
// same statement gives the same bytes (SPEC §5).
#pragma once

#include "writers/sheets.hpp"

#include <ctime>
#include <string>

namespace poolkit {

// Throws Error(input) when the workbook cannot be made (no temporary directory, a full disk).
std::string xlsx_bytes(const Workbook& workbook, std::time_t created);

} // namespace poolkit
