// An amount of money in prose ("£1,234.56"), for --explain and the findings (SPEC §5). The sign
// style is the caller's explicit choice: a sentence that says "a deficit of" wants the size only,
// a sentence that just states the amount keeps display's brackets (SPEC §2).
#pragma once

#include "money/money.hpp"

#include <string>

namespace poolkit {

enum class SignStyle {
    magnitude, // the size only, "£1,234.56" for -1,234.56: the words around it give the sign
    brackets,  // display's brackets kept, "£(1,234.56)" for -1,234.56
};

// "£" and the amount in display form (SPEC §2). Never negates (the most negative amount has no
// positive twin): `magnitude` drops the brackets of the display form instead.
std::string pounds(Money m, SignStyle sign);

} // namespace poolkit
