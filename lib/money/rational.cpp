#include "money/rational.hpp"

#include <algorithm>
#include <cctype>

namespace poolkit {

std::optional<Rational> parse_decimal(std::string_view s) {
    bool negative = false;
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
        negative = s[0] == '-';
        s.remove_prefix(1);
    }
    if (s.empty()) return std::nullopt;
    BigInt num = 0, den = 1;
    bool seen_dot = false, seen_digit = false;
    for (char c : s) {
        if (c == '.') {
            if (seen_dot) return std::nullopt;
            seen_dot = true;
        } else if (c >= '0' && c <= '9') {
            num = num * 10 + (c - '0');
            if (seen_dot) den *= 10;
            seen_digit = true;
        } else {
            return std::nullopt;
        }
    }
    if (!seen_digit || s.back() == '.' || s.front() == '.') return std::nullopt;
    Rational r(num, den);
    return negative ? Rational(-r) : r;
}

std::optional<Rational> parse_percent(std::string_view s) {
    if (s.empty() || s.back() != '%') return std::nullopt;
    s.remove_suffix(1);
    auto r = parse_decimal(s);
    if (!r) return std::nullopt;
    return *r / 100;
}

std::string format_percent(const Rational& fraction, int decimals) {
    BigInt scale = 1;
    for (int i = 0; i < decimals; ++i)
        scale *= 10;
    Rational scaled = fraction * 100 * scale;
    bool negative = scaled < 0;
    if (negative) scaled = -scaled;
    // half away from zero
    BigInt n = numerator(scaled), d = denominator(scaled);
    BigInt q = (2 * n + d) / (2 * d);
    std::string digits = q.str();
    while (static_cast<int>(digits.size()) <= decimals)
        digits.insert(digits.begin(), '0');
    std::string whole = digits.substr(0, digits.size() - decimals);
    std::string frac = digits.substr(digits.size() - decimals);
    while (!frac.empty() && frac.back() == '0')
        frac.pop_back();
    std::string out = (negative && q != 0 ? "-" : "") + whole;
    if (!frac.empty()) out += "." + frac;
    return out + "%";
}

std::string format_percent_exact(const Rational& fraction) {
    // A decimal ends exactly when the denominator of the percentage has no prime factor but 2
    // and 5; it then needs as many places as the larger of their powers.
    Rational pct = fraction * 100;
    BigInt d = denominator(pct);
    int twos = 0, fives = 0;
    while (d % 2 == 0) {
        d /= 2;
        ++twos;
    }
    while (d % 5 == 0) {
        d /= 5;
        ++fives;
    }
    if (d != 1) return "about " + format_percent(fraction, 12);
    return format_percent(fraction, std::max(twos, fives));
}

} // namespace poolkit
