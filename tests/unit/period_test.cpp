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
