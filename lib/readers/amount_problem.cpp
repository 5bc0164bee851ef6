#include "readers/amount_problem.hpp"

namespace poolkit {

// Thousands separators are read only in a quoted CSV field (SPEC §2), and never in a TOML string,
// so a value whose separators would be right in a quoted field is told to be quoted (CSV) or
// written without them (TOML); one whose separators are misplaced, quoted or not, is told where
// they go, never to quote what may already be quoted.
std::string amount_problem(std::string_view value, MoneyParseError error, bool csv) {
    if (error != MoneyParseError::bad_grouping) return describe(error);
    if (parse_money(value, true))
        return csv ? "thousands separators are read only in a quoted field: quote it "
                     "(\"1,234.56\"), or write the amount without them (1234.56)"
                   : "thousands separators are not read here: write the amount without them "
                     "(1234.56)";
    return "thousands separators in the wrong places (they mark off groups of three digits, e.g. "
           "1,234,567.89)";
}

} // namespace poolkit
