// A pooled fund's memorandum account and each partner's pooled-budgets note (SPEC §7, with
// --memorandum), as tables (text, Markdown, CSV) and JSON. settlement_text and settlement_json call
// these; a joint budget's recharge statement is in joint_settlement_writers.hpp.
#pragma once

#include "writers/json.hpp"
#include "writers/settlement_statement.hpp"
#include "writers/table.hpp"

namespace poolkit {

// The memorandum account as (line, item, amount) rows, in the order the host presents it.
Table memorandum_table(const SettlementStatement& st, bool display);

// The two lines of each partner's note, with its share of the surplus (deficit) and the reserve
// movement that reconciles it to its risk share.
Table partner_notes_table(const SettlementStatement& st, bool display);

// With --previous-year (SPEC §14): last year's partner notes, from its statement, in the same
// columns.
std::vector<PartnerNote> previous_notes(const SettlementStatement& st);
Table previous_notes_table(const SettlementStatement& st, bool display);

// "memorandum": {...} and "partner_notes": [...], fields of the open document object; with
// --previous-year, "previous_year": {financial_year, memorandum, partner_notes} too.
void write_memorandum_json(JsonWriter& json, const SettlementStatement& st);

} // namespace poolkit
