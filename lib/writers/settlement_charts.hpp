// The chart of the year-end settlement (SPEC §7, §9): for each partner a waterfall from its
// contribution through its risk share to its final share.
#pragma once

#include "writers/document.hpp"
#include "writers/settlement_statement.hpp"

namespace poolkit {

// Adds the waterfall charts to `document` (drawn in HTML only).
void settlement_charts(Document& document, const SettlementStatement& st);

} // namespace poolkit
