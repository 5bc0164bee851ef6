#include "readers/amount_style.hpp"

#include <cctype>

namespace poolkit {

namespace {
std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}
bool ends_with_code(std::string_view s, char a, char b) {
    return s.size() >= 2 && std::toupper(static_cast<unsigned char>(s[s.size() - 2])) == a &&
           std::toupper(static_cast<unsigned char>(s.back())) == b;
}
} // namespace

MoneyParse parse_styled_amount(std::string_view text, bool quoted, const AmountStyle& style) {
    if (!style.given) return parse_money(text, quoted);
    std::string_view s = trim(text);
    bool negate = false;
    if (style.negative == NegativeStyle::brackets && s.size() >= 2 && s.front() == '(' &&
        s.back() == ')') {
        negate = true;
        s = trim(s.substr(1, s.size() - 2));
    } else if (style.negative == NegativeStyle::cr_suffix) {
        if (ends_with_code(s, 'C', 'R')) {
            negate = true;
            s = trim(s.substr(0, s.size() - 2));
        } else if (ends_with_code(s, 'D', 'R')) {
            s = trim(s.substr(0, s.size() - 2));
        }
    }
    // The marks in parse_money's terms: the decimal mark as '.', the thousands mark as ','; any
    // other comma or point is not part of a number in this style.
    char buf[64];
    if (s.size() >= sizeof buf) return parse_money(s, false); // far too long: its own error
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == style.decimal_mark)
            c = '.';
        else if (style.thousands != 0 && c == style.thousands)
            c = ',';
        else if (c == '.' || c == ',')
            c = '?';
        buf[i] = c;
    }
    MoneyParse m = parse_money(std::string_view(buf, s.size()), style.thousands != 0);
    if (!m || !negate) return m;
    if (m.value.is_negative() || (!s.empty() && (s[0] == '-' || s[0] == '+'))) {
        m.error = MoneyParseError::not_a_number; // "(-12.00)", "-12.00CR": two signs
        return m;
    }
    m.value = Money::from_pence(-m.value.pence());
    return m;
}

} // namespace poolkit
