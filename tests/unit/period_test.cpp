#include "model/period.hpp"

#include <doctest/doctest.h>

using namespace poolkit;

TEST_CASE("periods: P06, P6 and 2025-09 are the same month of 2025-26") {
    auto fy = *FinancialYear::parse("2025-26");
    CHECK(fy.parse_period("P06") == 6);
    CHECK(fy.parse_period("P6") == 6);
    CHECK(fy.parse_period("p12") == 12);
    CHECK(fy.parse_period("2025-09") == 6);
    CHECK(fy.parse_period("2026-03") == 12);
    CHECK(!fy.parse_period("2026-04"));
    CHECK(!fy.parse_period("P13"));
    CHECK(!fy.parse_period("P0"));
    CHECK(!fy.parse_period("P"));
    CHECK(fy.period_long(6) == "P06 September 2025");
    CHECK(fy.period_end_date(11) == "28 February 2026");
    CHECK(!FinancialYear::parse("2025-27"));
}

TEST_CASE("periods: a financial year is two consecutive years from 1970-71 to 2099-00") {
    CHECK(FinancialYear::parse("1970-71")->start_year() == 1970);
    CHECK(FinancialYear::parse("1999-00")->start_year() == 1999);
    CHECK(FinancialYear::parse("2099-00")->start_year() == 2099);
    CHECK(FinancialYear::parse("2099-00")->period_end_date(12) == "31 March 2100");
    CHECK(!FinancialYear::parse("1969-70"));
    CHECK(!FinancialYear::parse("2100-01"));
    CHECK(!FinancialYear::parse("9999-00")); // would end in March 10000, not a YYYY-MM month
    CHECK(!FinancialYear::parse("0000-01"));
    CHECK(!FinancialYear::parse("2025-2026"));
}
