#include "money/money_words.hpp"

namespace poolkit {

std::string pounds(Money m, SignStyle sign) {
    std::string s = format_display(m);
    if (sign == SignStyle::magnitude && m.is_negative()) s = s.substr(1, s.size() - 2);
    return "£" + s;
}

} // namespace poolkit
