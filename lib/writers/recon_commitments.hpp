// The forecast from commitments in pool-recon's statement (SPEC §12): what each scheme's register
// commits after the period (planned ends, open-ended on their own line), the new-starts allowance,
// the committed cost by referring partner, and each case's committed cost in JSON.
#pragma once

#include "writers/json.hpp"
#include "writers/recon_statement.hpp"
#include "writers/table.hpp"

namespace poolkit {

// The schemes forecast from commitments: actual to date, committed, open-ended, allowance and the
// forecast outturn they add up to; then the total.
Table recon_commitments_table(const ReconStatement& st, bool display);

// Each referring partner's cases and their committed cost, with the share of the total.
Table recon_referrals_table(const ReconStatement& st, bool display);

// The schemes forecast by the profile method for want of register rows, by id.
std::vector<std::string> recon_schemes_without_commitments(const ReconStatement& st);

// A scheme row's `forecast_method`, and with rows `committed`, `open_ended` and `allowance`.
void write_scheme_commitments_json(JsonWriter& json, const ReconStatement& st, std::size_t s);

// `cases[]{case, partner, scheme, committed}` and `referrals[]{partner, cases, committed}`.
void write_recon_cases_json(JsonWriter& json, const ReconStatement& st);

} // namespace poolkit
