// Money in exact integer pence (SPEC §2). Every arithmetic operation is overflow-checked: an
// overflow throws Error(ErrorKind::arithmetic) rather than wrapping.
#pragma once

#include "money/rational.hpp"
#include "support/keyword_table.hpp"

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace poolkit {

class Money {
  public:
    constexpr Money() = default;
    static constexpr Money from_pence(std::int64_t pence) { return Money(pence); }

    constexpr std::int64_t pence() const { return pence_; }
    constexpr bool is_zero() const { return pence_ == 0; }
    constexpr bool is_negative() const { return pence_ < 0; }
    constexpr bool is_positive() const { return pence_ > 0; }

    Money operator+(Money other) const;
    Money operator-(Money other) const;
    Money operator-() const;
    Money& operator+=(Money other) { return *this = *this + other; }
    Money& operator-=(Money other) { return *this = *this - other; }
    Money times(std::int64_t factor) const;

    constexpr auto operator<=>(const Money&) const = default;

    // The exact amount in pence as a rational, for share arithmetic.
    Rational as_rational() const { return Rational(pence_); }

  private:
    constexpr explicit Money(std::int64_t pence) : pence_(pence) {}
    std::int64_t pence_ = 0;
};

Money max(Money a, Money b);
Money min(Money a, Money b);

enum class MoneyParseError {
    none,
    empty,             // nothing there
    not_a_number,      // a character that has no place in an amount
    too_many_decimals, // more than two decimals
    bad_grouping,      // thousands separators in the wrong places (or where none are allowed)
    out_of_range,      // beyond what int64 pence can hold
};

// `words`: the sentence fragment a diagnostic gives for each (describe()).
inline constexpr KeywordTable<MoneyParseError, 6> money_parse_errors{{{
    {MoneyParseError::none, "none", "no error"},
    {MoneyParseError::empty, "empty", "the amount is empty"},
    {MoneyParseError::not_a_number, "not_a_number",
     "not an amount (expected digits with an optional sign and up to two decimals, e.g. 1234.56 "
     "or -12.5)"},
    {MoneyParseError::too_many_decimals, "too_many_decimals",
     "more than two decimals (amounts are in pounds and pence, e.g. 12.35)"},
    {MoneyParseError::bad_grouping, "bad_grouping",
     "thousands separators are only allowed in quoted CSV fields, in groups of three (e.g. "
     "\"1,234.56\")"},
    {MoneyParseError::out_of_range, "out_of_range",
     "the amount is out of range (the largest is 92,233,720,368,547,758.07, the smallest "
     "-92,233,720,368,547,758.08)"},
}}};

struct MoneyParse {
    Money value;
    MoneyParseError error = MoneyParseError::none;
    explicit operator bool() const { return error == MoneyParseError::none; }
};

// Parses an input amount (SPEC §2): optional sign, digits, optional '.' and one or two decimals.
// With allow_thousands (a quoted CSV field), the integer part may be grouped "1,234,567".
// Never allocates; fast enough for the ledger's hot path.
MoneyParse parse_money(std::string_view text, bool allow_thousands = false) noexcept;

// A sentence fragment for a parse error ("more than two decimals"), for diagnostics.
const char* describe(MoneyParseError error);

// "-1234.56": CSV and JSON style.
std::string format_plain(Money m);
// "1,234,567.89" and "(1,234.56)" for negatives: text and HTML style.
std::string format_display(Money m);

// A rational number of pence rounded half away from zero (SPEC §2: single values, e.g. run-rate
// forecasts). Throws Error(arithmetic) when the result does not fit.
Money round_half_away(const Rational& pence);

// A rational number of pence rounded down (towards minus infinity).
Money floor_pence(const Rational& pence);

} // namespace poolkit
