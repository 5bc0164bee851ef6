// One partner's statement (SPEC §5 `--partner ID`, §6), rendered inside pool-recon's statement:
// the sections for people (text, Markdown), in pounds or with --thousands in £000 (each column's
// total rounded, its rows allocated so they still add up: money/thousands.hpp), and the JSON
// `partner` object, always exact.
#pragma once

#include "writers/document.hpp"
#include "writers/json.hpp"
#include "writers/recon_statement.hpp"

#include <string>

namespace poolkit {

// The partner's sections (its position or invoice, its share of the forecast variance, its
// schemes); requires st.partner.
void add_partner_pack(Document& d, const ReconStatement& st);

// `"partner": {...}` when st.partner is there.
void write_partner_pack_json(JsonWriter& json, const ReconStatement& st);

} // namespace poolkit
