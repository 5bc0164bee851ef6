// What a message says of an amount that cannot be read (SPEC §2), the same in every reader: the
// ledgers, the registers, --paid, the adjustments and the agreement.
#pragma once

#include "money/money.hpp"

#include <string>
#include <string_view>

namespace poolkit {

// What is wrong with the amount `value` that parse_money refused with `error`, and what to do:
// describe(error), but for thousands separators, which a CSV field (`csv`) may have when quoted
// and a TOML string may not have at all.
std::string amount_problem(std::string_view value, MoneyParseError error, bool csv);

} // namespace poolkit
