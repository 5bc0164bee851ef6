// Where a binary format may go (SPEC §5 `--format xlsx`): to a file (-o FILE, written atomically
// like every output) or down a pipe, never onto a terminal, where its bytes would only garble the
// screen.
#pragma once

#include "cli.hpp"

namespace poolkit::cli {

// Error(usage) when `out` is a binary format going to standard output and that is a terminal.
void refuse_binary_to_terminal(const OutputOptions& out);

} // namespace poolkit::cli
