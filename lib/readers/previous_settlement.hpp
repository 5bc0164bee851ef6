// Last year's settlement statement (pool-settle --format json) as this year reads it (SPEC §14):
// for the balance brought forward (`opening_balance = { from = ... }`) and for the comparatives
// of pool-settle --previous-year. It must be a final settlement of the same agreement id, of the
// year before.
#pragma once

#include "model/agreement.hpp"
#include "model/prior_year.hpp"
#include "readers/json_reader.hpp"

#include <optional>
#include <string>

namespace poolkit {

// Why `doc` is not last year's final settlement of agreement `id` in year `year`, or nullopt
// when it is.
std::optional<std::string> previous_settlement_problem(const JsonValue& doc, const std::string& id,
                                                       const FinancialYear& year);

// Reads --previous-year FILE: the memorandum account and partner notes of last year's settlement
// of `a` (made with --memorandum). Throws Error(input) naming the file and what to do.
PriorYear read_prior_year(const std::string& path, const Agreement& a, InputFile& record);

} // namespace poolkit
