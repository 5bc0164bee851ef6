#include "money/money.hpp"

#include "support/error.hpp"

#include <limits>

namespace poolkit {

namespace {
[[noreturn]] void overflow(const char* what) {
    throw Error(ErrorKind::arithmetic,
                std::string("amount out of range (beyond ±92,233,720,368,547,758.07) in ") + what);
}

Money from_big(const BigInt& v, const char* what) {
    if (v > std::numeric_limits<std::int64_t>::max() ||
        v < std::numeric_limits<std::int64_t>::min())
        overflow(what);
    return Money::from_pence(static_cast<std::int64_t>(v));
}
} // namespace

Money Money::operator+(Money o) const {
    std::int64_t r;
    if (__builtin_add_overflow(pence_, o.pence_, &r)) overflow("addition");
    return Money(r);
}

Money Money::operator-(Money o) const {
    std::int64_t r;
    if (__builtin_sub_overflow(pence_, o.pence_, &r)) overflow("subtraction");
    return Money(r);
}

Money Money::operator-() const {
    if (pence_ == std::numeric_limits<std::int64_t>::min()) overflow("negation");
    return Money(-pence_);
}

Money Money::times(std::int64_t f) const {
    std::int64_t r;
    if (__builtin_mul_overflow(pence_, f, &r)) overflow("multiplication");
    return Money(r);
}

Money max(Money a, Money b) {
    return a < b ? b : a;
}
Money min(Money a, Money b) {
    return a < b ? a : b;
}

MoneyParse parse_money(std::string_view s, bool allow_thousands) noexcept {
    MoneyParse out;
    const char* p = s.data();
    const char* end = p + s.size();
    if (p == end) {
        out.error = MoneyParseError::empty;
        return out;
    }
    bool negative = false;
    if (*p == '-' || *p == '+') {
        negative = *p == '-';
        ++p;
    }
    // Accumulate as a negative number so that INT64_MIN pence is representable.
    std::int64_t acc = 0;
    int int_digits = 0, group_len = 0;
    bool grouped = false;
    auto push_digit = [&](int d) {
        return !__builtin_mul_overflow(acc, 10, &acc) && !__builtin_sub_overflow(acc, d, &acc);
    };
    for (; p != end && *p != '.'; ++p) {
        char c = *p;
        if (c >= '0' && c <= '9') {
            if (!push_digit(c - '0')) {
                out.error = MoneyParseError::out_of_range;
                return out;
            }
            ++int_digits;
            ++group_len;
        } else if (c == ',') {
            // A separator needs 1..3 digits before the first one and exactly 3 between them.
            if (!allow_thousands || group_len == 0 || group_len > 3 ||
                (grouped && group_len != 3)) {
                out.error = MoneyParseError::bad_grouping;
                return out;
            }
            grouped = true;
            group_len = 0;
        } else {
            out.error = MoneyParseError::not_a_number;
            return out;
        }
    }
    if (grouped && group_len != 3) {
        out.error = MoneyParseError::bad_grouping;
        return out;
    }
    if (int_digits == 0) {
        out.error = MoneyParseError::not_a_number;
        return out;
    }
    int decimals = 0;
    if (p != end) { // at '.'
        ++p;
        for (; p != end; ++p) {
            if (*p < '0' || *p > '9') {
                out.error = MoneyParseError::not_a_number;
                return out;
            }
            if (++decimals > 2) {
                out.error = MoneyParseError::too_many_decimals;
                return out;
            }
            if (!push_digit(*p - '0')) {
                out.error = MoneyParseError::out_of_range;
                return out;
            }
        }
        if (decimals == 0) {
            out.error = MoneyParseError::not_a_number; // "12." has a dot but no decimals
            return out;
        }
    }
    for (; decimals < 2; ++decimals)
        if (!push_digit(0)) {
            out.error = MoneyParseError::out_of_range;
            return out;
        }
    if (!negative) {
        if (acc == std::numeric_limits<std::int64_t>::min()) {
            out.error = MoneyParseError::out_of_range;
            return out;
        }
        acc = -acc;
    }
    out.value = Money::from_pence(acc);
    return out;
}

const char* describe(MoneyParseError e) {
    return money_parse_errors.words(e).data();
}

std::string format_plain(Money m) {
    std::int64_t v = m.pence();
    // Work in unsigned so INT64_MIN has a magnitude.
    std::uint64_t mag = v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
    std::string digits = std::to_string(mag / 100);
    unsigned frac = static_cast<unsigned>(mag % 100);
    std::string out;
    out.reserve(digits.size() + 5);
    if (v < 0) out += '-';
    out += digits;
    out += '.';
    out += static_cast<char>('0' + frac / 10);
    out += static_cast<char>('0' + frac % 10);
    return out;
}

std::string format_display(Money m) {
    std::int64_t v = m.pence();
    std::uint64_t mag = v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
    std::string digits = std::to_string(mag / 100);
    std::string grouped;
    int n = static_cast<int>(digits.size());
    for (int i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0) grouped += ',';
        grouped += digits[i];
    }
    unsigned frac = static_cast<unsigned>(mag % 100);
    grouped += '.';
    grouped += static_cast<char>('0' + frac / 10);
    grouped += static_cast<char>('0' + frac % 10);
    return v < 0 ? "(" + grouped + ")" : grouped;
}

Money round_half_away(const Rational& pence) {
    BigInt n = numerator(pence), d = denominator(pence); // d > 0
    bool negative = n < 0;
    if (negative) n = -n;
    BigInt q = (2 * n + d) / (2 * d);
    return from_big(negative ? BigInt(-q) : q, "rounding");
}

Money floor_pence(const Rational& pence) {
    BigInt n = numerator(pence), d = denominator(pence);
    BigInt q = n / d; // truncates towards zero
    if (n < 0 && q * d != n) q -= 1;
    return from_big(q, "rounding");
}

} // namespace poolkit
