// The year month by month of a reconciliation (SPEC §5 `--period P01..P06`, `--monthly`): one row
// a scheme a month, then the month's total; as a table (text, Markdown, CSV `--table monthly`)
// and as the JSON `months` array.
#pragma once

#include "writers/json.hpp"
#include "writers/recon_statement.hpp"
#include "writers/table.hpp"

namespace poolkit {

// Requires st.monthly.
Table recon_monthly_table(const ReconStatement& st, bool display);
// For people, the rows of `schemes` alone (a partner's, SPEC §5 --partner), each month's Total
// their sum, with no RAG; requires st.monthly.
Table recon_monthly_table(const ReconStatement& st, const std::vector<SchemeIndex>& schemes);

// `months[]{period, schemes[]{id, ...}, total{...}}`, written when st.monthly is there.
void write_recon_months_json(JsonWriter& json, const ReconStatement& st);

} // namespace poolkit
