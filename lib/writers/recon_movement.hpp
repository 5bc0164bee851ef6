// A budget holder's adjustments and the movement against last month's statement in pool-recon's
// statement (SPEC §12 --adjust, --previous), and the register's cases as a CSV table: tables for
// text, Markdown and CSV, and their parts of the JSON.
#pragma once

#include "writers/json.hpp"
#include "writers/recon_statement.hpp"
#include "writers/table.hpp"

namespace poolkit {

// Each adjustment with its scheme, amount and reason, then their total.
Table recon_adjustments_table(const ReconStatement& st, bool display);

// Each scheme's forecast as last month's statement reported it, this one, the movement and (from
// commitments) its parts; then the total.
Table recon_movement_table(const ReconStatement& st, bool display);

// Each case of the register: its referring partner, scheme, planned end and committed cost.
Table recon_cases_table(const ReconStatement& st, bool display);

// A scheme row's `adjustment` (with --adjust), and `movement` with its parts `movement_new`,
// `movement_ended`, `movement_rates`, `movement_other` (with --previous).
void write_scheme_movement_json(JsonWriter& json, const ReconStatement& st, std::size_t s);
// The total row's: the same, summed.
void write_total_movement_json(JsonWriter& json, const ReconStatement& st);

// `adjustments[]{scheme, amount, reason}` and `previous_period`, when given.
void write_recon_movement_json(JsonWriter& json, const ReconStatement& st);

} // namespace poolkit
