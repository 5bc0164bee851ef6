// An amount of money in prose ("£1,234.56"), for --explain, the findings and the control totals
// (SPEC §4, §5). The sign style is the caller's explicit choice: a sentence that says "a deficit
// of" wants the size only, a sentence that just states the amount keeps display's brackets
// (SPEC §2), and a figure already inside brackets (the control totals' "8 lines read
// (-£453,499.00)") takes a minus sign, so that brackets never nest.
#pragma once

#include "money/money.hpp"

#include <string>

namespace poolkit {

enum class SignStyle {
    magnitude, // the size only, "£1,234.56" for -1,234.56: the words around it give the sign
    brackets,  // display's brackets kept, "£(1,234.56)" for -1,234.56
    minus,     // a minus before the pound sign, "-£1,234.56" for -1,234.56
};

// "£" and the amount in display form (SPEC §2). Never negates (the most negative amount has no
// positive twin): `magnitude` drops the brackets of the display form instead, and `minus` puts
// a '-' in front in their place.
std::string pounds(Money m, SignStyle sign);

} // namespace poolkit
