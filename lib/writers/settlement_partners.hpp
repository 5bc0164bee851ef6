// The partners of a year-end settlement (SPEC §7), pooled, aligned or joint, in one table and one
// JSON array: contribution, risk share, final share, paid, direct spend and balance; a joint
// budget's also payments and outstanding, none of them for the host (it is not invoiced).
#pragma once

#include "writers/json.hpp"
#include "writers/settlement_statement.hpp"
#include "writers/table.hpp"

namespace poolkit {

Table settlement_partners_table(const SettlementStatement& st, bool display);

// "partners": [{id, contribution, ...}], a field of the open document object.
void write_settlement_partners_json(JsonWriter& json, const SettlementStatement& st);

} // namespace poolkit
