// The rules a ledger line is judged by (SPEC §4), on the reader's hot path: a line is accepted
// — its amount added to its partner, scheme and period — or rejected with a RejectReason and its
// words (ledger_reasons.hpp), straight to the worker's spill. The rules in order: quoting, the
// number of fields, the amount (read first, so that a rejected line's amount still counts in
// the totals: SPEC §5, total_read = accepted + rejected), the date, inside the agreement's year,
// partner and scheme known, the duplicate key present; then the duplicate index sees the key.
// The same rules serve the second pass (the suspected duplicates set aside) and the locate pass
// (ledger_overflow), so every pass judges a line the same way.
#pragma once

#include "readers/ledger_header.hpp"
#include "readers/ledger_worker.hpp"

#include <cstdint>

namespace poolkit::ledger {

// Judges every record of [begin, end) (whole records, with scan_padding readable after end),
// the first starting at physical line `first_line`, into worker `w`.
void parse_block(Shared& sh, const Layout& layout, Worker& w, Pass pass, const char* begin,
                 const char* end, std::uint64_t first_line);

} // namespace poolkit::ledger
