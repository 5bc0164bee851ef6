#include "model/period.hpp"
#include "test_period.hpp"

#include <doctest/doctest.h>

#include <vector>

using namespace poolkit;

TEST_CASE("periods: P06, P6 and 2025-09 are the same month of 2025-26") {
    auto fy = *FinancialYear::parse("2025-26");
    CHECK(fy.parse_period("P06") == Period::nth(6));
    CHECK(fy.parse_period("P6") == Period::nth(6));
    CHECK(fy.parse_period("p12") == Period::nth(12));
    CHECK(fy.parse_period("2025-09") == Period::nth(6));
    CHECK(fy.parse_period("2026-03") == Period::nth(12));
    CHECK(!fy.parse_period("2026-04"));
    CHECK(!fy.parse_period("P13"));
    CHECK(!fy.parse_period("P0"));
    CHECK(!fy.parse_period("P"));
    CHECK(fy.period_long(Period::nth(6)) == "P06 September 2025");
    CHECK(fy.period_end_date(Period::nth(11)) == "28 February 2026");
    CHECK(!FinancialYear::parse("2025-27"));
}

TEST_CASE("periods: a financial year is two consecutive years from 1970-71 to 2099-00") {
    CHECK(FinancialYear::parse("1970-71")->start_year() == 1970);
    CHECK(FinancialYear::parse("1999-00")->start_year() == 1999);
    CHECK(FinancialYear::parse("2099-00")->start_year() == 2099);
    CHECK(FinancialYear::parse("2099-00")->period_end_date(Period::nth(12)) == "31 March 2100");
    CHECK(!FinancialYear::parse("1969-70"));
    CHECK(!FinancialYear::parse("2100-01"));
    CHECK(!FinancialYear::parse("9999-00")); // would end in March 10000, not a YYYY-MM month
    CHECK(!FinancialYear::parse("0000-01"));
    CHECK(!FinancialYear::parse("2025-2026"));
}

TEST_CASE("periods: a Period is 1..12, with its index, calendar month and label") {
    CHECK(!Period::of(0));
    CHECK(!Period::of(13));
    REQUIRE(Period::of(6));
    const Period p6 = *Period::of(6);
    CHECK(p6 == Period::nth(6));
    CHECK(p6.number() == 6);
    CHECK(p6.index() == 5);
    CHECK(p6.month() == 9); // P06 is September
    CHECK(Period::first().month() == 4);
    CHECK(Period::last().month() == 3);
    CHECK(p6.label() == "P06");
    CHECK(Period::first().previous() == std::nullopt);
    CHECK(Period::last().next() == std::nullopt);
    CHECK(p6.next() == Period::nth(7));
    auto fy = *FinancialYear::parse("2025-26");
    CHECK(fy.year_of(Period::nth(9)) == 2025);  // December 2025
    CHECK(fy.year_of(Period::nth(10)) == 2026); // January 2026
    CHECK(fy.period_ym(Period::last()) == "2026-03");
    CHECK(fy.end_date() == "31 March 2026");
    CHECK(fy.period_of(2025, 3) == std::nullopt);
    CHECK(fy.period_of(2026, 4) == std::nullopt);
    CHECK(fy.period_of(2026, 1) == Period::nth(10));
}

TEST_CASE("periods: ranges over the year") {
    auto numbers = [](Period::Range r) {
        std::vector<int> out;
        for (Period p : r)
            out.push_back(p.number());
        return out;
    };
    CHECK(numbers(Period::all()) == std::vector<int>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
    CHECK(numbers(Period::through(Period::nth(3))) == std::vector<int>{1, 2, 3});
    CHECK(numbers(Period::from(Period::nth(11))) == std::vector<int>{11, 12});
    CHECK(numbers(Period::after(Period::nth(11))) == std::vector<int>{12});
    CHECK(Period::after(Period::last()).empty());
    CHECK(Period::first_n(0).empty());
    CHECK(numbers(Period::first_n(2)) == std::vector<int>{1, 2});
    PeriodArray<int> a{};
    a[Period::nth(4)] = 7;
    CHECK(a.at(3) == 7);
}
