#include "binary_output.hpp"

#include "support/error.hpp"

#include <unistd.h>

namespace poolkit::cli {

void refuse_binary_to_terminal(const OutputOptions& out) {
    if (out.format == "xlsx" && out.output == "-" && ::isatty(STDOUT_FILENO))
        throw Error(ErrorKind::usage, "--format xlsx is a binary workbook: write it with -o "
                                      "FILE.xlsx, or pipe it");
}

} // namespace poolkit::cli
