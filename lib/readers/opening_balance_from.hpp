// `opening_balance = { from = "2025-26-settlement.json" }` (SPEC §14): the balance brought forward
// from last year's settlement statement (pool-settle --format json), its `carried_forward`. The
// path is relative to the agreement file. The statement is refused when it is not a settlement,
// is provisional, is of another agreement id or of a year other than the one before; an
// `unallocated` overspend in it is not carried but reported (a warning: for the partners to
// agree). With `sha256 = "..."` the file must have that hash. Internal to the agreement loader.
#pragma once

#include "readers/agreement_draft.hpp"

namespace poolkit {

// Reads the table `node` (the value of `opening_balance`) into d.a.opening_balance and records the
// statement among the agreement's inputs (Agreement::inputs_read); reports each failure at `node`.
void read_opening_balance_from(AgreementDraft& d, const toml::table& node);

// "examples/x/2025-26-settlement.json": `from` as the loader reads it, relative to the directory
// of `agreement_path` (the current directory for standard input, "-").
std::string path_beside(const std::string& agreement_path, const std::string& from);

} // namespace poolkit
