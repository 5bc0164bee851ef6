// The partners of a year-end settlement (SPEC §7), pooled, aligned or joint, in one table and one
// JSON array: contribution, risk share, final share, paid, direct spend and balance; a joint
// budget's also payments and outstanding, none of them for the host (it is not invoiced).
// The transfers between them as JSON, for the statement and a partner's pack.
#pragma once

#include "writers/json.hpp"
#include "writers/settlement_statement.hpp"
#include "writers/table.hpp"

namespace poolkit {

Table settlement_partners_table(const SettlementStatement& st, bool display);

// "partners": [{id, contribution, ...}], a field of the open document object.
void write_settlement_partners_json(JsonWriter& json, const SettlementStatement& st);

// "transfers": [{from, to, amount}] (SPEC §7: who pays whom), a field of the open object.
void write_transfers_json(JsonWriter& json, const Agreement& agreement,
                          const std::vector<Transfer>& transfers);

} // namespace poolkit
