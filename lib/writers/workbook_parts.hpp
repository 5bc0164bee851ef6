// What every statement's workbook has (SPEC §5 `--format xlsx`): its document properties (the
// agreement's title and the statement's period, the host as the company), the sheet of its
// inputs, and the date that stands for its creation time.
#pragma once

#include "model/agreement.hpp"
#include "model/input_file.hpp"
#include "writers/sheets.hpp"

#include <ctime>
#include <string>
#include <vector>

namespace poolkit {

// A workbook with no sheets yet: title "<agreement title>, <subject>", the host's name (without a
// host, the agreement's id) as the company.
Workbook statement_workbook(const Agreement& agreement, const std::string& subject);

// role, path, sha256, bytes: one row an input (SPEC §5 `inputs`).
Sheet inputs_sheet(const std::vector<InputFile>& inputs);

// Midnight UTC at the end of period `p` (the next day's start), the statement's creation time:
// the clock would make the same statement give different bytes (SPEC §5).
std::time_t statement_time(const Agreement& agreement, Period p);

} // namespace poolkit
