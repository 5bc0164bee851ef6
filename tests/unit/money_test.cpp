#include "money/money.hpp"
#include "money/rational.hpp"
#include "support/error.hpp"

#include <doctest/doctest.h>

using namespace poolkit;

namespace {
std::int64_t pence(std::string_view s, bool thousands = false) {
    auto r = parse_money(s, thousands);
    REQUIRE_MESSAGE(r, "could not parse " << s);
    return r.value.pence();
}
MoneyParseError err(std::string_view s, bool thousands = false) {
    return parse_money(s, thousands).error;
}
} // namespace

TEST_CASE("money: every accepted form parses to exact pence") {
    CHECK(pence("12") == 1200);
    CHECK(pence("12.5") == 1250);
    CHECK(pence("-12.30") == -1230);
    CHECK(pence("+7.01") == 701);
    CHECK(pence("0") == 0);
    CHECK(pence("-0.00") == 0);
    CHECK(pence("007.10") == 710);
    CHECK(pence("1,234.56", true) == 123456);
    CHECK(pence("-1,234,567.8", true) == -123456780);
    CHECK(pence("123", true) == 12300);
    CHECK(pence("92233720368547758.07") == INT64_MAX);
    CHECK(pence("-92233720368547758.08") == INT64_MIN);
}

TEST_CASE("money: everything else is rejected with its reason") {
    CHECK(err("") == MoneyParseError::empty);
    CHECK(err("-") == MoneyParseError::not_a_number);
    CHECK(err("12.") == MoneyParseError::not_a_number);
    CHECK(err(".5") == MoneyParseError::not_a_number);
    CHECK(err("1.234") == MoneyParseError::too_many_decimals);
    CHECK(err("12,34", true) == MoneyParseError::bad_grouping);
    CHECK(err("1,234.56") == MoneyParseError::bad_grouping); // only in quoted CSV fields
    CHECK(err("1234,567", true) == MoneyParseError::bad_grouping);
    CHECK(err(",123", true) == MoneyParseError::bad_grouping);
    CHECK(err("1,,234", true) == MoneyParseError::bad_grouping);
    CHECK(err("£12") == MoneyParseError::not_a_number);
    CHECK(err(" 12") == MoneyParseError::not_a_number);
    CHECK(err("12 ") == MoneyParseError::not_a_number);
    CHECK(err("1e3") == MoneyParseError::not_a_number);
    CHECK(err("--1") == MoneyParseError::not_a_number);
    CHECK(err("1.2.3") == MoneyParseError::not_a_number);
    CHECK(err("92233720368547758.08") == MoneyParseError::out_of_range);
    CHECK(err("-92233720368547758.09") == MoneyParseError::out_of_range);
    CHECK(err("99999999999999999999") == MoneyParseError::out_of_range);
}

TEST_CASE("money: display styles") {
    CHECK(format_plain(Money::from_pence(-123456)) == "-1234.56");
    CHECK(format_plain(Money::from_pence(5)) == "0.05");
    CHECK(format_plain(Money::from_pence(-5)) == "-0.05");
    CHECK(format_plain(Money::from_pence(INT64_MIN)) == "-92233720368547758.08");
    CHECK(format_display(Money::from_pence(123456789)) == "1,234,567.89");
    CHECK(format_display(Money::from_pence(-123456)) == "(1,234.56)");
    CHECK(format_display(Money::from_pence(100000)) == "1,000.00");
    CHECK(format_display(Money::from_pence(99999)) == "999.99");
    CHECK(format_display(Money()) == "0.00");
}

TEST_CASE("money: arithmetic is overflow-checked") {
    Money big = Money::from_pence(INT64_MAX);
    CHECK_THROWS_AS(big + Money::from_pence(1), Error);
    CHECK_THROWS_AS(-Money::from_pence(INT64_MIN), Error);
    CHECK_THROWS_AS(big.times(2), Error);
    CHECK((big - big).is_zero());
}

TEST_CASE("money: rounding half away from zero") {
    CHECK(round_half_away(Rational(5, 2)).pence() == 3);
    CHECK(round_half_away(Rational(-5, 2)).pence() == -3);
    CHECK(round_half_away(Rational(7, 3)).pence() == 2);
    CHECK(round_half_away(Rational(-7, 3)).pence() == -2);
    CHECK(floor_pence(Rational(-7, 3)).pence() == -3);
    CHECK(floor_pence(Rational(7, 3)).pence() == 2);
}

TEST_CASE("rational: percentages") {
    CHECK(*parse_percent("40%") == Rational(2, 5));
    CHECK(*parse_percent("33.3333%") == Rational(333333, 1000000));
    CHECK(!parse_percent("40"));
    CHECK(!parse_percent("%"));
    CHECK(!parse_percent("4 0%"));
    CHECK(format_percent(Rational(1, 3)) == "33.33%");
    CHECK(format_percent(Rational(2, 5)) == "40%");
    CHECK(format_percent(Rational(1, 8)) == "12.5%");
}

TEST_CASE("rational: an exact percentage shows every decimal it has") {
    // 3 x 33.333333333333% = 99.999999999999%: rounded to 4 places it would read "100%".
    Rational third = *parse_percent("33.333333333333%");
    CHECK(format_percent(third * 3, 4) == "100%");
    CHECK(format_percent_exact(third * 3) == "99.999999999999%");
    CHECK(format_percent_exact(Rational(1) - third * 3) == "0.000000000001%");
    CHECK(format_percent_exact(Rational(2, 5)) == "40%");
    CHECK(format_percent_exact(Rational(1)) == "100%");
    CHECK(format_percent_exact(Rational(0)) == "0%");
    CHECK(format_percent_exact(Rational(1, 8)) == "12.5%");          // 12.5: one place
    CHECK(format_percent_exact(Rational(1, 1024)) == "0.09765625%"); // 100/2^10: 8 places
    CHECK(format_percent_exact(Rational(-1, 200)) == "-0.5%");
    // A decimal that never ends is rounded to 12 places, and says so.
    CHECK(format_percent_exact(Rational(1, 3)) == "about 33.333333333333%");
}

TEST_CASE("money: an amount out of range says the largest and the smallest") {
    CHECK(std::string(describe(MoneyParseError::out_of_range)) ==
          "the amount is out of range (the largest is 92,233,720,368,547,758.07, the smallest "
          "-92,233,720,368,547,758.08)");
    CHECK(parse_money("-92233720368547758.09").error == MoneyParseError::out_of_range);
}
