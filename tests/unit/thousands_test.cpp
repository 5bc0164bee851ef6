// Amounts in £000 (SPEC §5 --thousands, §2): each total rounded half away from zero, its rows
// allocated so that they still add up. Worked by hand.
#include "money/thousands.hpp"
#include "money_printer.hpp"

#include <doctest/doctest.h>

using namespace poolkit;

namespace {
Money pounds(std::int64_t p) {
    return Money::from_pence(p * 100);
}
} // namespace

TEST_CASE("thousands: one amount rounds half away from zero") {
    CHECK(round_thousands(Money::from_pence(49'999)) == 0);   // £499.99
    CHECK(round_thousands(Money::from_pence(50'000)) == 1);   // £500.00
    CHECK(round_thousands(Money::from_pence(-50'000)) == -1); // −£500.00: away from zero
    CHECK(round_thousands(Money::from_pence(-49'999)) == 0);
    CHECK(round_thousands(Money::from_pence(123'456'789)) == 1'235); // £1,234,567.89
}

TEST_CASE("thousands: three rows of £1,400 show as 2 + 1 + 1 = 4, not 1 + 1 + 1") {
    // Naive rounding shows 1.4 → 1 three times, summing to 3 under a total of round(4.2) = 4.
    // allocate(4 over 1,400 : 1,400 : 1,400): 1.33.. each, floors 1 + 1 + 1 = 3, the 1 left to the
    // equal remainders' earliest: 2, 1, 1.
    const std::vector<Money> rows{pounds(1'400), pounds(1'400), pounds(1'400)};
    const ThousandsColumn k = in_thousands(rows);
    CHECK(k.total == 4);
    CHECK(k.rows == std::vector<std::int64_t>{2, 1, 1});
}

TEST_CASE("thousands: a column of negatives is allocated as its size, negated") {
    const std::vector<Money> rows{pounds(-1'400), pounds(-1'400), pounds(-1'400)};
    const ThousandsColumn k = in_thousands(rows);
    CHECK(k.total == -4); // −4.2 → −4
    CHECK(k.rows == std::vector<std::int64_t>{-2, -1, -1});
}

TEST_CASE("thousands: rows of both signs (variances) still add up") {
    // 1.5 + 1.5 − 1.0 = 2.0: total 2. Naive half-away rounding shows 2 + 2 − 1 = 3. Floors 1, 1,
    // −1 = 1 leave 1 for the largest remainders (0.5, 0.5, 0): the earlier of the tie, row 1.
    const std::vector<Money> rows{pounds(1'500), pounds(1'500), pounds(-1'000)};
    const ThousandsColumn k = in_thousands(rows);
    CHECK(k.total == 2);
    CHECK(k.rows == std::vector<std::int64_t>{2, 1, -1});
    // −0.4 floors to −1 with remainder 0.6: 1.6 + (−0.4) + 0.3 = 1.5 → 2; floors 1, −1, 0 = 0
    // leave 2, to the remainders 0.6, 0.6 (earlier first): 2, 0, 0.
    const std::vector<Money> mixed{pounds(1'600), pounds(-400), pounds(300)};
    const ThousandsColumn m = in_thousands(mixed);
    CHECK(m.total == 2);
    CHECK(m.rows == std::vector<std::int64_t>{2, 0, 0});
}

TEST_CASE("thousands: zeros") {
    const std::vector<Money> rows{Money{}, Money{}};
    const ThousandsColumn k = in_thousands(rows);
    CHECK(k.total == 0);
    CHECK(k.rows == std::vector<std::int64_t>{0, 0});
}
