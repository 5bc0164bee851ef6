// The forecast from commitments (SPEC §12): an open-ended row, a row ending mid-year, the
// new-starts allowance over the months after the period, and a scheme with no rows kept on the
// profile method. Every figure is worked by hand in days below.
#include "settlement_fixture.hpp"
#include "test_period.hpp"

#include "calc/commitment_cost.hpp"
#include "calc/commitments_forecast.hpp"
#include "calc/reconciliation.hpp"

#include <doctest/doctest.h>

#include <random>
#include <string>

using namespace poolkit;
using poolkit::test::pence;

namespace {

Commitment row(std::string ref, std::size_t partner, Money weekly, Day start,
               std::optional<Day> end) {
    Commitment c;
    c.case_ref = std::move(ref);
    c.partner = PartnerIndex{partner};
    c.scheme = SchemeIndex{0};
    c.type = "residential";
    c.weekly_cost = weekly;
    c.start = start;
    c.end = end;
    return c;
}

} // namespace

TEST_CASE("commitments forecast: open-ended, ending mid-year, the allowance, a scheme on profile") {
    // ICB and BRISTOL (host); S01 £100,000.00 and S02 £24,000.00, each phased evenly.
    Agreement a = test::make_agreement(
        {"ICB", "BRISTOL"}, {{"S01", {5000000, 5000000}}, {"S02", {1200000, 1200000}}}, 1);
    a.schemes[0].new_starts = pence(1000000); // £10,000.00 a year
    a.schemes[1].new_starts = pence(120000);  // ignored: S02 has no rows, so profile
    Actuals act(2, 2);
    act.add(PartnerIndex{1}, SchemeIndex{0}, per(3), pence(3000000)); // S01 £30,000.00
    act.add(PartnerIndex{1}, SchemeIndex{1}, per(2), pence(500000));  // S02 £5,000.00

    CommitmentsRegister reg;
    // Open-ended at £1,000.00 a week. After P06 (Oct..Mar), each month 1000 × days / 7 rounded:
    // Oct 31d 4,428.57; Nov 30d 4,285.71; Dec, Jan 31d 4,428.57 each; Feb 28d 4,000.00; Mar 31d
    // 4,428.57: 4 × 4,428.57 + 4,285.71 + 4,000.00 = 25,999.99 (not 182 × 1000 / 7 = 26,000.00:
    // rounded once per row and period).
    reg.rows.push_back(row("C-0001", 0, pence(100000), *day_of(2025, 4, 1), std::nullopt));
    // £500.00 a week from 18 Aug to 20 Nov: Oct 31d 500 × 31 / 7 = 2,214.2857 → 2,214.29; Nov
    // 1..20, 20d 500 × 20 / 7 = 1,428.5714 → 1,428.57: 3,642.86 after P06.
    reg.rows.push_back(row("C-0002", 1, pence(50000), *day_of(2025, 8, 18), *day_of(2025, 11, 20)));

    const CommitmentsForecast cf = commitments_forecast(a, reg, 6);
    REQUIRE(cf.schemes.size() == 2);
    CHECK(cf.schemes[0].rows == 2);
    CHECK(cf.schemes[0].open_ended == pence(2599999));
    CHECK(cf.schemes[0].committed == pence(364286));
    // £10,000.00 over 12 months: 83,333.33 pence each, the 4 pence left to the first 4 months
    // (ties to the earlier, SPEC §2): P07..P12 are 833.33 each, 6 × 833.33 = 4,999.98.
    CHECK(cf.schemes[0].allowance == pence(499998));
    CHECK(cf.schemes[1].rows == 0);
    CHECK(cf.schemes[1].allowance.is_zero());
    REQUIRE(cf.cases.size() == 2);
    CHECK(cf.cases[0].case_ref == "C-0001");
    CHECK(cf.cases[0].committed == pence(2599999));
    CHECK(cf.cases[1].committed == pence(364286));
    CHECK(cf.by_partner[0] == pence(2599999)); // ICB referred C-0001
    CHECK(cf.by_partner[1] == pence(364286));  // BRISTOL referred C-0002
    CHECK(cf.total == pence(2964285));         // 25,999.99 + 3,642.86

    const Reconciliation r = reconcile(a, act, per(6), ForecastMethod::profile, nullptr, cf);
    CHECK(r.from_commitments(0));
    CHECK_FALSE(r.from_commitments(1));
    // S01: 30,000.00 + 3,642.86 + 25,999.99 + 4,999.98 = 64,642.83; − 100,000.00 = −35,357.17,
    // 35% under: red.
    CHECK(r.schemes[0].forecast_outturn == pence(6464283));
    CHECK(r.schemes[0].forecast_variance == pence(-3535717));
    REQUIRE(r.schemes[0].rag.rating);
    CHECK(*r.schemes[0].rag.rating == Rag::red);
    // The same made after P05: 30,000.00 + C-0001 with Sep (30d, 4,285.71) 30,285.70 + C-0002 with
    // Sep (30d, 500 × 30 / 7 = 2,142.86) 5,785.72 + 7 months of the allowance 5,833.31 =
    // 71,904.73; the movement 64,642.83 − 71,904.73 = −7,261.90.
    CHECK(r.schemes[0].previous_forecast == pence(7190473));
    CHECK(r.schemes[0].forecast_movement == pence(-726190));
    // S02 by profile: 5,000.00 + (24,000.00 − 6 × 2,000.00) = 17,000.00.
    CHECK(r.schemes[1].forecast_outturn == pence(1700000));
    CHECK(r.total.forecast_outturn == pence(8164283)); // 64,642.83 + 17,000.00
}

TEST_CASE("commitments forecast: the allowance over the months after the period") {
    CHECK(allowance_after(pence(1000000), 0) == pence(1000000)); // the whole year
    CHECK(allowance_after(pence(1000000), 12) == Money{});       // nothing after March
    // P01..P04 carry 833.34, the rest 833.33: after P03, P04's 833.34 + 8 × 833.33 (6,666.64) =
    // 7,499.98.
    CHECK(allowance_after(pence(1000000), 3) == pence(749998));
}

TEST_CASE("commitments forecast: across the year end, mid-month, ended early, a rate change") {
    const FinancialYear fy = FinancialYear::starting(2025);
    // From 1 Feb 2026 to 31 May 2026 at 70.00 a week: only February (28d, 280.00) and March (31d,
    // 310.00) are in the year; April and May 2026 are next year's. After P06: 590.00.
    const Commitment across =
        row("C-1", 0, pence(70'00), *day_of(2026, 2, 1), *day_of(2026, 5, 31));
    CHECK(cost_after(across, fy, 6) == pence(590'00));
    CHECK(cost_after(across, fy, 11) == pence(310'00)); // after February: March only
    // Starting mid-month, 17 Sep at 700.00: September's 14 days (1,400.00) are before the
    // period end and not committed after P06; after P05 they are: 1,400.00 + 18,200.00.
    const Commitment mid = row("C-2", 0, pence(700'00), *day_of(2025, 9, 17), std::nullopt);
    CHECK(cost_by_period(mid, fy)[per(6)] == pence(1400'00));
    CHECK(cost_after(mid, fy, 6) == pence(18200'00));
    CHECK(cost_after(mid, fy, 5) == pence(19600'00));
    // Ending before the period end, on 12 Sep: nothing is committed after P06; September's 12 days
    // at 350.00 (600.00) still counted after P05.
    const Commitment ended =
        row("C-3", 1, pence(350'00), *day_of(2025, 4, 1), *day_of(2025, 9, 12));
    CHECK(cost_after(ended, fy, 6) == Money{});
    CHECK(cost_after(ended, fy, 5) == pence(600'00));
    // A rate change mid-period: 140.00 a week to 15 Oct, then 210.00 from 16 Oct. October is
    // split: 15 days × 20.00 = 300.00 and 16 days × 30.00 = 480.00, each row rounded on its own.
    CommitmentsRegister reg;
    reg.rows.push_back(row("C-4", 0, pence(140'00), *day_of(2025, 4, 1), *day_of(2025, 10, 15)));
    reg.rows.push_back(row("C-4", 0, pence(210'00), *day_of(2025, 10, 16), std::nullopt));
    CHECK(cost_by_period(reg.rows[0], fy)[per(7)] == pence(300'00));
    CHECK(cost_by_period(reg.rows[1], fy)[per(7)] == pence(480'00));
    Agreement a = test::make_agreement({"ICB", "BRISTOL"}, {{"S01", {5000000, 5000000}}}, 1);
    const CommitmentsForecast cf = commitments_forecast(a, reg, 6);
    // One case: 300.00 + 480.00 + Nov..Mar at 30.00 a day (151d) 4,530.00 = 5,310.00, open-ended
    // because its last row is: 5,010.00 of it on the open-ended line, 300.00 committed.
    REQUIRE(cf.cases.size() == 1);
    CHECK(cf.cases[0].committed == pence(5310'00));
    CHECK_FALSE(cf.cases[0].end);
    CHECK(cf.schemes[0].committed == pence(300'00));
    CHECK(cf.schemes[0].open_ended == pence(5010'00));
}

TEST_CASE(
    "commitments forecast: random registers, forecast = actual + the rows' rest of the year") {
    // An independent count: day by day, each row's days in each period after m, its cost there
    // weekly × days / 7 rounded half away from zero (SPEC §12), summed; plus the allowance.
    const FinancialYear fy = FinancialYear::starting(2025);
    Agreement a = test::make_agreement(
        {"ICB", "BRISTOL"}, {{"S01", {5000000, 5000000}}, {"S02", {1200000, 1200000}}}, 1);
    a.schemes[0].new_starts = pence(1234567);
    std::mt19937 rng(20251202);
    auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    const Day year_start = first_day(fy, per(1));
    for (int trial = 0; trial < 200; ++trial) {
        CommitmentsRegister reg;
        const int rows = pick(1, 8);
        for (int i = 0; i < rows; ++i) {
            const Day start = year_start + std::chrono::days(pick(-60, 400));
            std::optional<Day> end;
            if (pick(0, 3) > 0) end = start + std::chrono::days(pick(0, 300));
            Commitment c = row("C-" + std::to_string(i), static_cast<std::size_t>(pick(0, 1)),
                               pence(pick(0, 500000)), start, end);
            c.scheme = SchemeIndex{static_cast<std::size_t>(pick(0, 1))};
            reg.rows.push_back(c);
        }
        Actuals act(2, 2);
        act.add(PartnerIndex{1}, SchemeIndex{0}, per(pick(1, 12)), pence(pick(0, 9000000)));
        act.add(PartnerIndex{0}, SchemeIndex{1}, per(pick(1, 12)), pence(pick(0, 9000000)));
        const int m = pick(1, 12);
        const Reconciliation r = reconcile(a, act, per(m), ForecastMethod::profile, nullptr,
                                           commitments_forecast(a, reg, m));
        for (std::size_t s = 0; s < 2; ++s) {
            Money rest;
            std::size_t n = 0;
            for (const Commitment& c : reg.rows) {
                if (to_size(c.scheme) != s) continue;
                ++n;
                for (int p = m + 1; p <= 12; ++p) {
                    std::int64_t days = 0;
                    for (Day d = first_day(fy, per(p)); d <= last_day(fy, per(p));
                         d += std::chrono::days(1))
                        days += d >= c.start && (!c.end || d <= *c.end);
                    rest += round_half_away(Rational(c.weekly_cost.pence()) * days / 7);
                }
            }
            const Money actual = act.scheme_to(SchemeIndex{s}, m);
            if (n == 0) {
                CHECK_FALSE(r.from_commitments(s));
                continue;
            }
            const Money allowance = allowance_after(a.schemes[s].new_starts, m);
            CHECK(r.schemes[s].forecast_outturn == actual + rest + allowance);
        }
    }
}
