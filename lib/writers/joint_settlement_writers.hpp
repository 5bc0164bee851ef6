// The joint budget's parts of the year-end statement (SPEC §7 "Joint (no pool)"): the notes on
// where paid and payments came from, the host's recharge statement and the partners' notes (with
// --memorandum), in text, Markdown, CSV and JSON. settlement_text and settlement_json call these
// for a joint agreement in place of the pooled fund's parts; its partner table is
// settlement_partners.hpp's, as every kind's.
#pragma once

#include "writers/json.hpp"
#include "writers/settlement_statement.hpp"
#include "writers/table.hpp"

#include <string>

namespace poolkit {

// The lines under the partner table: what paid and payments are without a cash register, the
// sign of a balance, and what caps left unallocated. Each line ends in "\n".
std::string joint_settlement_notes(const SettlementStatement& st);

// The host's recharge statement as (line, item, amount) rows; in text, groups under headings.
Table recharge_statement_table(const SettlementStatement& st, bool display);

// Each partner's note of the expenditure recharged to it.
Table recharge_notes_table(const SettlementStatement& st, bool display);

// opening_balance, opening_balance_applied, carried_forward, unallocated, cash, the charges, and
// with --memorandum recharge_statement and recharge_notes[]. Fields of the open document object.
void write_joint_settlement_json(JsonWriter& json, const SettlementStatement& st);

} // namespace poolkit
