// The year month by month (SPEC §5 --period P01..P03, §6), worked by hand on the agreement of
// reconciliation_test.cpp: partners A (host), B, C;
//   S1 12,000.00 even (1,000.00 a month): A's ledger P01 900.00, P02 1,100.00, P03 1,300.00;
//   S2 3,000.00 even (250.00 a month): B's ledger P02 400.00, C's ledger P03 −50.00.
// Thresholds (the default [monitoring]): amber from 2%, red from 5% of the annual budget. Profile
// forecast, so each month end's forecast variance is its variance to date.
#include "calc/monthly.hpp"
#include "money_printer.hpp"
#include "recon_fixture.hpp"
#include "support/error.hpp"

#include <doctest/doctest.h>

using namespace poolkit;
using namespace poolkit::test;

TEST_CASE("monthly: P01..P03, each month's own figures and its month-end RAG") {
    auto a = recon_agreement();
    auto m = monthly_reconciliation(a, recon_ledgers(a), Period::nth(1), Period::nth(3),
                                    ForecastMethod::profile);
    REQUIRE(m.months.size() == 3);
    CHECK(m.months[0].period == Period::nth(1));
    CHECK(m.months[2].period == Period::nth(3));
    // S1: P01 900 − 1,000 = (100), to date (100): 100 / 12,000 = 0.83%, green under.
    const auto& s1p1 = m.months[0].schemes[0];
    CHECK(s1p1.budget == pence(100000));
    CHECK(s1p1.actual == pence(90000));
    CHECK(s1p1.variance == pence(-10000));
    CHECK(s1p1.forecast_variance == pence(-10000));
    CHECK(s1p1.rag == RagStatus{Rag::green, RagDirection::under});
    // P02: 1,100 − 1,000 = 100; to date 2,000 − 2,000 = 0: green, no direction at all.
    const auto& s1p2 = m.months[1].schemes[0];
    CHECK(s1p2.actual == pence(110000));
    CHECK(s1p2.variance == pence(10000));
    CHECK(s1p2.variance_ytd == pence(0));
    CHECK(s1p2.rag == RagStatus{Rag::green, std::nullopt});
    // P03: 1,300 − 1,000 = 300; to date 3,300 − 3,000 = 300: 2.5%, amber over.
    const auto& s1p3 = m.months[2].schemes[0];
    CHECK(s1p3.variance == pence(30000));
    CHECK(s1p3.actual_ytd == pence(330000));
    CHECK(s1p3.rag == RagStatus{Rag::amber, RagDirection::over});
    // S2: P01 nothing spent, (250) = 8.3%: red under; P02 400 − 250 = 150, to date (100) = 3.3%:
    // amber under; P03 −50 − 250 = (300), to date 350 − 750 = (400) = 13.3%: red under.
    CHECK(m.months[0].schemes[1].variance == pence(-25000));
    CHECK(m.months[0].schemes[1].rag == RagStatus{Rag::red, RagDirection::under});
    CHECK(m.months[1].schemes[1].variance == pence(15000));
    CHECK(m.months[1].schemes[1].variance_ytd == pence(-10000));
    CHECK(m.months[1].schemes[1].rag == RagStatus{Rag::amber, RagDirection::under});
    CHECK(m.months[2].schemes[1].actual == pence(-5000));
    CHECK(m.months[2].schemes[1].variance == pence(-30000));
    CHECK(m.months[2].schemes[1].rag == RagStatus{Rag::red, RagDirection::under});
    // Totals: budget 1,000 + 250 = 1,250 a month; actual P01 900, P02 1,100 + 400 = 1,500,
    // P03 1,300 − 50 = 1,250; to date at P03 3,300 + 350 = 3,650 against 3,750: (100) of the
    // 15,000 annual budget = 0.67%, green under.
    CHECK(m.months[0].total.actual == pence(90000));
    CHECK(m.months[1].total.actual == pence(150000));
    CHECK(m.months[2].total.budget == pence(125000));
    CHECK(m.months[2].total.actual == pence(125000));
    CHECK(m.months[2].total.variance == pence(0));
    CHECK(m.months[2].total.actual_ytd == pence(365000));
    CHECK(m.months[2].total.variance_ytd == pence(-10000));
    CHECK(m.months[2].total.rag == RagStatus{Rag::green, RagDirection::under});
}

TEST_CASE("monthly: a range from P02 takes its first month from the P01 statement") {
    auto a = recon_agreement();
    auto m = monthly_reconciliation(a, recon_ledgers(a), Period::nth(2), Period::nth(3),
                                    ForecastMethod::profile);
    REQUIRE(m.months.size() == 2);
    // P02's month is P02's year to date less P01's: S1 2,000 − 900 = 1,100.
    CHECK(m.months[0].period == Period::nth(2));
    CHECK(m.months[0].schemes[0].actual == pence(110000));
    CHECK(m.months[0].schemes[0].budget == pence(100000));
    // The months P02 + P03 of S1 (1,100 + 1,300) are its year to date at P03 less P01's 900.
    CHECK(m.months[0].schemes[0].actual + m.months[1].schemes[0].actual ==
          m.months[1].schemes[0].actual_ytd - pence(90000));
}

TEST_CASE("monthly: a range that ends before it starts is refused") {
    auto a = recon_agreement();
    CHECK_THROWS_AS(monthly_reconciliation(a, recon_ledgers(a), Period::nth(3), Period::nth(2),
                                           ForecastMethod::profile),
                    Error);
}
