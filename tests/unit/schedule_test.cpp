// Payment schedules (SPEC §2, §5, §6): each partner's contribution allocated over its instalments,
// equal weights, spare pence to the earlier instalments; contribution due to date.
#include "calc/schedule.hpp"
#include "loaded_agreement.hpp"
#include "support/error.hpp"
#include "test_period.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <string>

using namespace poolkit;

namespace {

Money pence(std::int64_t p) {
    return Money::from_pence(p);
}

// One scheme whose contributions are the partners' totals (the schedule works on totals), P1 the
// host unless aligned.
Agreement with_contributions(AgreementKind kind, PaymentSchedule frequency,
                             std::vector<std::int64_t> contributions) {
    std::string t =
        fmt::format("[agreement]\nid = \"T\"\ntitle = \"T\"\nkind = \"{}\"\n"
                    "legal_basis = \"NHS Act 2006 s65Z5\"\nfinancial_year = \"2025-26\"\n"
                    "payment_schedule = \"{}\"\n{}",
                    agreement_kinds.keyword(kind), payment_schedules.keyword(frequency),
                    kind == AgreementKind::aligned ? "" : "host = \"P1\"\n");
    std::string shares;
    Money budget;
    for (std::size_t p = 0; p < contributions.size(); ++p) {
        t += fmt::format("\n[[partner]]\nid = \"P{0}\"\nname = \"Partner {0}\"\nsector = \"nhs\"\n",
                         p + 1);
        shares += fmt::format("{}P{} = \"{}\"", p ? ", " : "", p + 1,
                              format_plain(pence(contributions[p])));
        budget += pence(contributions[p]);
    }
    t += fmt::format("\n[[scheme]]\nid = \"S01\"\nname = \"S01\"\nbudget = \"{}\"\n"
                     "contributions = {{ {} }}\n",
                     format_plain(budget), shares);
    return test::loaded_agreement(t);
}

} // namespace

TEST_CASE("schedule: instalment periods") {
    CHECK(instalment_periods(PaymentSchedule::monthly) ==
          periods({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}));
    CHECK(instalment_periods(PaymentSchedule::quarterly_in_advance) == periods({1, 4, 7, 10}));
    CHECK(instalment_periods(PaymentSchedule::annual_in_advance) == periods({1}));
}

TEST_CASE("schedule: bnssg-children quarterly in advance") {
    // Partner totals of examples/bnssg-children (see shares_test.cpp): ICB 1,420,000,
    // BRISTOL 820,000, NSOMERSET 430,000, SGLOS 430,000. A quarter of each, exactly:
    // ICB 355,000; BRISTOL 205,000; NSOMERSET and SGLOS 107,500, due in P01, P04, P07, P10.
    Agreement a = with_contributions(AgreementKind::pooled, PaymentSchedule::quarterly_in_advance,
                                     {142000000, 82000000, 43000000, 43000000});
    ContributionSchedule s = build_schedule(a);
    REQUIRE(s.has_instalments());
    CHECK(s.periods == periods({1, 4, 7, 10}));
    CHECK(s.due[0].at(0) == pence(35500000));
    CHECK(s.due[0].at(1) == Money()); // P02: nothing falls due
    CHECK(s.due[1].at(3) == pence(20500000));
    CHECK(s.due[2].at(6) == pence(10750000));
    CHECK(s.due[3].at(9) == pence(10750000));
    // Due to date: P03 still only the first quarter; P04 two quarters; P12 the whole year.
    CHECK(s.due_to(0, 0) == Money());
    CHECK(s.due_to(0, 3) == pence(35500000));
    CHECK(s.due_to(0, 4) == pence(71000000));
    CHECK(s.due_to(0, 12) == pence(142000000));
    CHECK(s.due_to(2, 9) == pence(32250000)); // 3 x 107,500
    // P01 total: 355,000 + 205,000 + 107,500 + 107,500 = 775,000 = 3,100,000 / 4.
    CHECK(s.period_total(Period::nth(1)) == pence(77500000));
    CHECK(s.period_total(Period::nth(2)) == Money());
}

TEST_CASE("schedule: spare pence go to the earlier instalments") {
    // Quarterly: 1,000,000.01 / 4 = 250,000.0025 each: floors sum to 1,000,000.00; the one spare
    // penny has four equal remainders and goes to the first, P01.
    // Monthly: 100,000.05 = 10,000,005p / 12 = 833,333.75p: floors 12 x 833,333 = 9,999,996p; the
    // 9 spare pence go one each to P01..P09 (equal remainders, earlier first).
    Agreement q = with_contributions(AgreementKind::pooled, PaymentSchedule::quarterly_in_advance,
                                     {100000001, 0});
    ContributionSchedule s = build_schedule(q);
    CHECK(s.due[0].at(0) == pence(25000001));
    CHECK(s.due[0].at(3) == pence(25000000));
    CHECK(s.due[0].at(6) == pence(25000000));
    CHECK(s.due[0].at(9) == pence(25000000));

    Agreement m =
        with_contributions(AgreementKind::pooled, PaymentSchedule::monthly, {10000005, 0});
    s = build_schedule(m);
    for (int p = 1; p <= 9; ++p)
        CHECK(s.due[0].at(p - 1) == pence(833334));
    for (int p = 10; p <= 12; ++p)
        CHECK(s.due[0].at(p - 1) == pence(833333));
    CHECK(s.due_to(0, 9) == pence(7500006)); // 9 x 833,334
    CHECK(s.due_to(0, 12) == pence(10000005));
    CHECK(s.due_to(1, 12) == Money()); // a partner that contributes nothing owes nothing
}

TEST_CASE("schedule: annual in advance is one instalment in P01") {
    Agreement a = with_contributions(AgreementKind::pooled, PaymentSchedule::annual_in_advance,
                                     {12345678, 1});
    ContributionSchedule s = build_schedule(a);
    CHECK(s.periods == periods({1}));
    CHECK(s.due[0].at(0) == pence(12345678));
    CHECK(s.due[1].at(0) == pence(1));
    CHECK(s.due_to(0, 1) == s.due_to(0, 12));
}

TEST_CASE("schedule: aligned and joint agreements have none") {
    // SPEC §1: aligned budgets stay with each partner (nothing is paid); a joint budget's host
    // invoices actual spending in arrears (SPEC §6), so no contribution falls due by a schedule.
    for (auto kind : {AgreementKind::aligned, AgreementKind::joint}) {
        Agreement a = with_contributions(kind, PaymentSchedule::quarterly_in_advance, {500, 700});
        ContributionSchedule s = build_schedule(a);
        CHECK_FALSE(s.has_instalments());
        CHECK(s.periods.empty());
        CHECK(s.due_to(0, 12) == Money());
        CHECK(s.due_to(1, 6) == Money());
        CHECK_FALSE(schedule_note(a, s).empty());
    }
    Agreement j = with_contributions(AgreementKind::joint, PaymentSchedule::monthly, {500, 700});
    CHECK(build_schedule(j).basis == ScheduleBasis::none_joint);
    CHECK(schedule_note(j, build_schedule(j)).find("Partner 1 spends") != std::string::npos);
    Agreement al = with_contributions(AgreementKind::aligned, PaymentSchedule::monthly, {1, 1});
    CHECK(build_schedule(al).basis == ScheduleBasis::none_aligned);
}

TEST_CASE("schedule: due to date outside 0..12 or for an unknown partner is a bug") {
    Agreement a = with_contributions(AgreementKind::pooled, PaymentSchedule::monthly, {1200, 0});
    ContributionSchedule s = build_schedule(a);
    CHECK_THROWS_AS(s.due_to(0, 13), Error);
    CHECK_THROWS_AS(s.due_to(0, -1), Error);
    CHECK_THROWS_AS(s.due_to(2, 1), Error);
}
