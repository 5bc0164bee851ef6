// One partner's statement (SPEC §5 `--partner ID`), for its board: at a month end inside
// pool-recon's statement (§6), at the year end inside pool-settle's (§7). The sections for people
// (text, Markdown, HTML) are built in pounds; with --thousands the statement restates its tables
// in £000 (thousands_display.hpp) and these sections say their sentences' amounts in £000 too.
// The JSON `partner` object is always exact.
#pragma once

#include "writers/document.hpp"
#include "writers/json.hpp"
#include "writers/recon_statement.hpp"
#include "writers/settlement_statement.hpp"

namespace poolkit {

// The partner's sections at a month end (its position or invoice, its share of the forecast
// variance, its schemes); requires st.partner.
void add_partner_pack(Document& d, const ReconStatement& st);

// The partner's sections at the year end (its contribution, risk share and final share, its
// balance, the transfers it is party to, its share of the variance, its schemes' outturn);
// requires st.partner.
void add_partner_pack(Document& d, const SettlementStatement& st);

// `"partner": {...}` when st.partner is there.
void write_partner_pack_json(JsonWriter& json, const ReconStatement& st);
void write_partner_pack_json(JsonWriter& json, const SettlementStatement& st);

} // namespace poolkit
