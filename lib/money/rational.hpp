// Exact rationals for shares, weights and percentages (SPEC §2): never a binary float.
#pragma once

#include <boost/multiprecision/cpp_int.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace poolkit {

using BigInt = boost::multiprecision::cpp_int;
using Rational = boost::multiprecision::cpp_rational;

// Parses a non-negative or negative decimal ("40", "33.3333", "-1.5") into an exact rational.
// No exponent, no thousands separators, no spaces. nullopt when it is not such a number.
std::optional<Rational> parse_decimal(std::string_view text);

// Parses a percentage "40%", "33.3333%" into the fraction it stands for (0.4, ...).
std::optional<Rational> parse_percent(std::string_view text);

// A percentage for display: "40%", "33.33%", rounded half away from zero to `decimals` places and
// without trailing zeros.
std::string format_percent(const Rational& fraction, int decimals = 2);

// A percentage with every decimal it has, for messages about sums that must be exact:
// "99.999999999999%" (never rounded up to "100%"). A fraction whose decimal never ends (1/3) is
// shown rounded to 12 places, as "about 33.333333333333%".
std::string format_percent_exact(const Rational& fraction);

} // namespace poolkit
