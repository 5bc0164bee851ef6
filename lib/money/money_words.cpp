#include "money/money_words.hpp"

namespace poolkit {

std::string pounds(Money m, SignStyle sign) {
    std::string s = format_display(m);
    if (sign != SignStyle::brackets && m.is_negative()) s = s.substr(1, s.size() - 2);
    return (sign == SignStyle::minus && m.is_negative() ? "-£" : "£") + s;
}

} // namespace poolkit
