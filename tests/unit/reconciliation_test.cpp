// Month-end reconciliation (SPEC §6), worked by hand on a small agreement:
//   partners A (host), B, C; monthly payment schedule;
//   S1: A 6,000.00, B 3,000.00, C 3,000.00 = 12,000.00, even profile (1,000.00 a month);
//   S2: A, B, C 1,000.00 each = 3,000.00, even profile (250.00 a month).
// Ledgers: A's ledger S1 P01 900.00, P02 1,100.00, P03 1,300.00; B's ledger S2 P02 400.00;
//          C's ledger S2 P03 −50.00 (a credit).
#include "calc/reconciliation.hpp"
#include "money_printer.hpp"
#include "recon_fixture.hpp"
#include "support/error.hpp"
#include "test_period.hpp"

#include <doctest/doctest.h>

using namespace poolkit;
using namespace poolkit::test;

TEST_CASE("recon: pooled fund at P03, profile forecast") {
    auto a = recon_agreement(AgreementKind::pooled);
    auto r = reconcile(a, recon_ledgers(a), Period::nth(3), ForecastMethod::profile);
    const auto& s1 = r.schemes[0];
    CHECK(s1.budget_ytd == pence(300000));
    CHECK(s1.actual_ytd == pence(330000));
    CHECK(s1.variance_ytd == pence(30000));
    CHECK(s1.forecast_outturn == pence(1230000)); // 3,300 + (12,000 − 3,000)
    CHECK(s1.forecast_variance == pence(30000));
    CHECK(s1.previous_forecast == pence(1200000)); // at P02: 2,000 + 10,000
    CHECK(s1.forecast_movement == pence(30000));
    CHECK(s1.rag.rating == Rag::amber); // 300 / 12,000 = 2.5%: amber from 2%, red from 5%
    CHECK(s1.rag.direction == RagDirection::over);
    const auto& s2 = r.schemes[1];
    CHECK(s2.budget_ytd == pence(75000));
    CHECK(s2.actual_ytd == pence(35000)); // 400 − 50
    CHECK(s2.variance_ytd == pence(-40000));
    CHECK(s2.forecast_outturn == pence(260000));  // 350 + 2,250
    CHECK(s2.forecast_movement == pence(-30000)); // P02 forecast 400 + 2,500 = 2,900
    // SPEC §3: an underspend is rated too: 400 / 3,000 = 13.3%, past red's 5%.
    CHECK(s2.forecast_variance == pence(-40000));
    CHECK(s2.rag.rating == Rag::red);
    CHECK(s2.rag.direction == RagDirection::under);
    CHECK(r.total.actual_ytd == pence(365000));
    CHECK(r.total.forecast_variance == pence(-10000));
    // The total: 100 / 15,000 = 0.67% under: green, and its direction still recorded.
    CHECK(r.total.rag.rating == Rag::green);
    CHECK(r.total.rag.direction == RagDirection::under);
    // Monthly schedule: annual A 7,000, B 4,000, C 4,000 in twelve instalments. A: 700,000p / 12 =
    // 58,333.33p: the 4 spare pence go to the first four months, so P01..P03 = 3 × 583.34 =
    // 1,750.02. B and C: 33,333.33p: likewise 3 × 333.34 = 1,000.02.
    REQUIRE(r.partners.size() == 3);
    CHECK(r.partners[0].contribution_due_ytd == pence(175002));
    CHECK(r.partners[1].contribution_due_ytd == pence(100002));
    CHECK(r.partners[0].direct_spend_ytd == pence(0)); // the host's ledger is the pool's
    CHECK(r.partners[1].direct_spend_ytd == pence(40000));
    CHECK(r.partners[2].direct_spend_ytd == pence(-5000));
    // Cash assumed (SPEC §6): received as due, nothing reimbursed, so each position is minus the
    // direct spend: (1,000.02 − 1,000.02) − (400.00 − 0) = −400.00, owed by the host; C's credit
    // of 50.00 in its own ledger leaves it owing the host 50.00.
    CHECK(r.cash == CashSource::assumed);
    CHECK(r.partners[1].received_ytd == pence(100002));
    CHECK(r.partners[1].reimbursed_ytd == pence(0));
    CHECK(r.partners[1].position == pence(-40000));
    CHECK(r.partners[2].position == pence(5000));
    // Forecast underspend 100.00 returned pro rata 7:4:4: 46.666.., 26.666.., 26.666..; floors
    // 46.66, 26.66, 26.66 leave 2p for the equal remainders: the first two.
    CHECK(r.partners[0].forecast_risk_share == pence(-4667));
    CHECK(r.partners[1].forecast_risk_share == pence(-2667));
    CHECK(r.partners[2].forecast_risk_share == pence(-2666));
}

TEST_CASE("recon: run-rate forecast and RAG red") {
    auto a = recon_agreement(AgreementKind::pooled);
    auto r = reconcile(a, recon_ledgers(a), Period::nth(3), ForecastMethod::run_rate);
    CHECK(r.schemes[0].forecast_outturn == pence(1320000)); // 3,300 × 12 / 3
    CHECK(r.schemes[0].forecast_variance == pence(120000));
    CHECK(r.schemes[0].rag.rating == Rag::red);            // 10%
    CHECK(r.schemes[1].forecast_outturn == pence(140000)); // 350 × 4
    // P02 run-rate: S1 2,000 × 6 = 12,000, so the movement is 1,200.
    CHECK(r.schemes[0].forecast_movement == pence(120000));
}

TEST_CASE("recon: a period before any spend, and P12") {
    auto a = recon_agreement(AgreementKind::pooled);
    Actuals none(3, 2);
    auto r = reconcile(a, none, Period::nth(1), ForecastMethod::run_rate);
    CHECK(r.schemes[0].actual_ytd == pence(0));
    CHECK(r.schemes[0].forecast_outturn == pence(0));        // nothing spent, nothing projected
    CHECK(r.schemes[0].previous_forecast == pence(1200000)); // before P01: the budget
    auto r12 = reconcile(a, recon_ledgers(a), Period::nth(12), ForecastMethod::profile);
    CHECK(r12.schemes[0].budget_ytd == pence(1200000));
    CHECK(r12.schemes[0].forecast_outturn == pence(330000)); // the year is over: actual
    CHECK(r12.partners[1].contribution_due_ytd == pence(400000));
}

TEST_CASE("recon: joint budget invoices credit each partner's own spending") {
    auto a = recon_agreement(AgreementKind::joint);
    auto r = reconcile(a, recon_ledgers(a), Period::nth(3), ForecastMethod::profile);
    REQUIRE(r.joint);
    const auto& inv = r.joint->invoices;
    REQUIRE(inv.size() == 2); // B and C; A is the host
    CHECK(r.partners.empty());
    // Charges to P03: S1 3,300.00 over 6:3:3 -> A 1,650.00, B 825.00, C 825.00; S2 350.00 over
    // 1:1:1 = 11,666.67p each: floors 11,666p, the 2 spare pence to A and B -> 116.67, 116.67,
    // 116.66. B 941.67, C 941.66.
    // To P02: S1 2,000.00 -> B 500.00, C 500.00; S2 400.00 -> 133.34, 133.33, 133.33: B and C
    // 633.33 each.
    // Own spend: B's ledger S2 P02 400.00 (to P02 and P03); C's ledger S2 P03 -50.00 (a refund it
    // received: it reduces the scheme's actual, so the host bills C for it).
    // B: 941.67 - 400.00 - (633.33 - 400.00) = 308.34. C: 941.66 - (-50.00) - (633.33 - 0) =
    // 358.33.
    CHECK(inv[0].partner == PartnerIndex{1});
    CHECK(inv[0].charge_to_date == pence(94167));
    CHECK(inv[0].own_spend_to_date == pence(40000));
    CHECK(inv[0].invoiced_before == pence(23333));
    CHECK(inv[0].amount == pence(30834));
    CHECK(inv[1].charge_to_date == pence(94166));
    CHECK(inv[1].own_spend_to_date == pence(-5000));
    CHECK(inv[1].invoiced_before == pence(63333));
    CHECK(inv[1].amount == pence(35833));
    CHECK(r.joint->invoiced_before_recomputed);
    // The partner table: invoiced to date = charge - own spend; forecast charge on the profile
    // forecasts S1 3,300 + 9,000 = 12,300.00 (B, C 3,075.00 each, A 6,150.00) and S2 350 + 2,250 =
    // 2,600.00 (866.67, 866.67, 866.66): A 7,016.67, B 3,941.67, C 3,941.66.
    const auto& pt = r.joint->partners;
    REQUIRE(pt.size() == 3);
    CHECK(pt[0].charge_to_date == pence(176667)); // A: 1,650.00 + 116.67
    CHECK(pt[0].invoice.is_zero());               // the host is not invoiced
    CHECK(pt[1].invoiced_to_date == pence(54167));
    CHECK(pt[2].invoiced_to_date == pence(99166));
    CHECK(pt[0].forecast_charge == pence(701667));
    CHECK(pt[1].forecast_charge == pence(394167));
    CHECK(pt[2].forecast_charge == pence(394166));
    CHECK(pt[1].contribution == pence(400000));

    // Twelve monthly invoices sum exactly to the year's charge less the partner's own spending.
    auto act = recon_ledgers(a);
    act.add(PartnerIndex{1}, SchemeIndex{0}, Period::nth(7),
            pence(12345)); // B spends 123.45 on S1 itself in P07
    act.add(PartnerIndex{2}, SchemeIndex{1}, Period::nth(11), pence(777));
    Money sum_b;
    for (int m = 1; m <= 12; ++m)
        sum_b += reconcile(a, act, per(m), ForecastMethod::profile).joint->invoices[0].amount;
    auto r12 = reconcile(a, act, Period::nth(12), ForecastMethod::profile);
    CHECK(sum_b == r12.joint->invoices[0].charge_to_date - pence(40000 + 12345));
    CHECK(sum_b == r12.joint->partners[1].invoiced_to_date);
}

TEST_CASE("recon: joint invoices take the invoices before from a register when given") {
    // The same charges to P03 as above; a register says B was invoiced 200.00 and C 700.00 before:
    // B 941.67 - 400.00 - 200.00 = 341.67 (a back-dated line is billed now); C 941.66 + 50.00 -
    // 700.00 = 291.66.
    auto a = recon_agreement(AgreementKind::joint);
    auto act = recon_ledgers(a);
    std::vector<Money> forecasts(2);
    std::vector<Money> before{pence(0), pence(20000), pence(70000)};
    auto j = joint_invoicing(a, act, Period::nth(3), forecasts, &before);
    CHECK(!j.invoiced_before_recomputed);
    CHECK(j.invoices[0].amount == pence(34167));
    CHECK(j.invoices[1].amount == pence(29166));
    std::vector<Money> wrong(2);
    CHECK_THROWS_AS(joint_invoicing(a, act, Period::nth(3), forecasts, &wrong), Error);
}

TEST_CASE("recon: aligned budgets show each partner's own figures") {
    auto a = recon_agreement(AgreementKind::aligned);
    auto r = reconcile(a, recon_ledgers(a), Period::nth(3), ForecastMethod::profile);
    CHECK(r.partners.empty());
    CHECK(!r.joint);
    // B's S2: own budget 1,000.00. The scheme's budget to P03 is 3 × 250.00 = 750.00, shared
    // 1:1:1 by the contributions: 250.00 each (phasing B's 1,000.00 on its own, 83.34 × 4 then
    // 83.33 × 8, would give 250.02, and the three parts 750.06: 6p more than the scheme's).
    // Its own ledger has 400.00.
    const AlignedFigures* b2 = nullptr;
    for (const auto& f : r.aligned)
        if (f.partner == PartnerIndex{1} && f.scheme == SchemeIndex{1}) b2 = &f;
    REQUIRE(b2);
    CHECK(b2->budget == pence(100000));
    CHECK(b2->budget_ytd == pence(25000));
    CHECK(b2->actual_ytd == pence(40000));
    CHECK(b2->variance_ytd == pence(15000));
    CHECK(b2->forecast_outturn == pence(115000)); // 400 + (1,000 − 250.00)
}

TEST_CASE("recon: RAG thresholds, in either direction") {
    // SPEC §3: red when |forecast variance| / budget >= 5%, else amber when >= 2%, else green;
    // the direction is over or under by the variance's sign. Budget 100.00 (10,000p).
    Monitoring t;
    using D = RagDirection;
    auto is = [&](std::int64_t variance, std::optional<Rag> rating, std::optional<D> direction) {
        RagStatus got = rag_status(pence(variance), pence(10000), t);
        return got == RagStatus{rating, direction};
    };
    CHECK(is(199, Rag::green, D::over)); // 1.99%
    CHECK(is(200, Rag::amber, D::over)); // 2.00%: amber from exactly 2%
    CHECK(is(499, Rag::amber, D::over));
    CHECK(is(500, Rag::red, D::over)); // 5.00%
    CHECK(is(-199, Rag::green, D::under));
    CHECK(is(-200, Rag::amber, D::under)); // an underspend of 2.00% is amber too
    CHECK(is(-499, Rag::amber, D::under));
    CHECK(is(-500, Rag::red, D::under));
    CHECK(is(-5000, Rag::red, D::under));   // half the budget unspent
    CHECK(is(0, Rag::green, std::nullopt)); // on budget: no direction
    // A zero budget has no rating (SPEC §3), though spending against it has a direction.
    CHECK(rag_status(pence(1), pence(0), t) == RagStatus{std::nullopt, D::over});
    CHECK(rag_status(pence(0), pence(0), t) == RagStatus{});
    // The agreement's own thresholds: amber from 3%, red from 10%.
    Monitoring m{Rational(3, 100), Rational(1, 10)};
    CHECK(rag_status(pence(-299), pence(10000), m) == RagStatus{Rag::green, D::under});
    CHECK(rag_status(pence(-300), pence(10000), m) == RagStatus{Rag::amber, D::under});
    CHECK(rag_status(pence(-999), pence(10000), m) == RagStatus{Rag::amber, D::under});
    CHECK(rag_status(pence(-1000), pence(10000), m) == RagStatus{Rag::red, D::under});
    // Needs an action plan: amber or red, either way (SPEC §3).
    CHECK(rag_status(pence(-200), pence(10000), t).needs_action_plan());
    CHECK_FALSE(rag_status(pence(-199), pence(10000), t).needs_action_plan());
    CHECK_FALSE(rag_status(pence(1), pence(0), t).needs_action_plan());
}

TEST_CASE("recon: RAG words") {
    using D = RagDirection;
    CHECK(rag_wording({Rag::amber, D::under}) == "amber under");
    CHECK(rag_wording({Rag::red, D::over}) == "red over");
    CHECK(rag_wording({Rag::green, D::under}) == "green"); // green needs no direction
    CHECK(rag_wording({std::nullopt, D::over}) == "no budget");
    CHECK(std::string(rag_keyword(Rag::amber)) == "amber");
    CHECK(std::string(direction_keyword(D::under)) == "under");
    CHECK(std::string(direction_noun(D::over)) == "overspend");
}

TEST_CASE("recon: the year's actuals must equal the ledgers' accepted control total") {
    // SPEC §4: Σ schemes = Σ partners = the accepted control total. The ledgers above
    // total 900 + 1,100 + 1,300 + 400 − 50 = 3,650.00 over the year.
    auto a = recon_agreement(AgreementKind::pooled);
    auto act = recon_ledgers(a);
    act.control.lines_read = act.control.lines_accepted = 5;
    act.control.total_read = act.control.total_accepted = pence(365000);
    CHECK_NOTHROW(reconcile(a, act, Period::nth(3), ForecastMethod::profile));
    // A penny out (an aggregation that lost a line) is an invariant failure, not a statement.
    act.control.total_accepted = pence(365001);
    CHECK_THROWS_AS(reconcile(a, act, Period::nth(3), ForecastMethod::profile), Error);
    // Lines after the period still count: the check is on the whole year's accepted lines.
    act.control.total_accepted = pence(365000);
    act.add(PartnerIndex{1}, SchemeIndex{0}, Period::nth(11), pence(100));
    CHECK_THROWS_AS(reconcile(a, act, Period::nth(3), ForecastMethod::profile), Error);
}

TEST_CASE("recon: aligned partners' budgets to date add up to the scheme's, every month") {
    // S2 is 3,000.00 even: 250.00 a month, shared 1:1:1. Each partner's 1,000.00 phased on its
    // own would be 83.34 in P01..P04 and 83.33 after, so at P01 the parts would be 3 × 83.34 =
    // 250.02 against the scheme's 250.00. Allocated cumulatively they are 83.34, 83.33, 83.33 at
    // P01 (250.00), and 250.00 each at P03 (750.00).
    auto a = recon_agreement(AgreementKind::aligned);
    for (int m = 1; m <= 12; ++m) {
        auto r = reconcile(a, recon_ledgers(a), per(m), ForecastMethod::profile);
        for (std::size_t s = 0; s < 2; ++s) {
            Money own;
            for (const auto& f : r.aligned)
                if (f.scheme == SchemeIndex{s}) own += f.budget_ytd;
            CHECK_MESSAGE(own == r.schemes[s].budget_ytd, "P", m, " scheme ", s);
        }
        // At P12 each partner's budget to date is exactly its contribution.
        if (m == 12)
            for (const auto& f : r.aligned)
                CHECK(f.budget_ytd == f.budget);
    }
    auto r1 = reconcile(a, recon_ledgers(a), Period::nth(1), ForecastMethod::profile);
    std::vector<Money> s2;
    for (const auto& f : r1.aligned)
        if (f.scheme == SchemeIndex{1}) s2.push_back(f.budget_ytd);
    CHECK(s2 == std::vector<Money>{pence(8334), pence(8333), pence(8333)});
}

TEST_CASE("recon: accepted lines to the period and after it tie to the control totals") {
    // SPEC §4, §6: lines accepted = lines to date + lines after the period, and the same in pence.
    // The ledgers: P01 900.00 (1 line), P02 1,100.00 + 400.00 (2), P03 1,300.00 − 50.00 (2); and
    // one cell of three lines in P05 on A's S1, 30.00 in all.
    auto a = recon_agreement(AgreementKind::pooled);
    auto act = recon_ledgers(a);
    act.add(PartnerIndex{0}, SchemeIndex{0}, Period::nth(5), pence(3000), 3);
    act.control.lines_read = act.control.lines_accepted = 8;
    act.control.total_read = act.control.total_accepted = pence(368000); // 3,650 + 30
    // At P02: to date 3 lines, 900 + 1,100 + 400 = 2,400.00 (the actual to date); after: 5 lines,
    // 1,300 − 50 + 30 = 1,280.00. 3 + 5 = 8 and 2,400 + 1,280 = 3,680.00.
    auto r2 = reconcile(a, act, Period::nth(2), ForecastMethod::profile);
    CHECK(r2.to_period.lines == 3);
    CHECK(r2.to_period.total == pence(240000));
    CHECK(r2.to_period.total == r2.total.actual_ytd);
    CHECK(r2.after_period.lines == 5);
    CHECK(r2.after_period.total == pence(128000));
    // At P03: to date 5 lines, 900 + 1,100 + 400 + 1,300 − 50 = 3,650.00; after: the P05 cell,
    // 3 lines, 30.00.
    auto r3 = reconcile(a, act, Period::nth(3), ForecastMethod::profile);
    CHECK(r3.to_period.lines == 5);
    CHECK(r3.to_period.total == pence(365000));
    CHECK(r3.after_period.lines == 3);
    CHECK(r3.after_period.total == pence(3000));
    // At P12 nothing is after the period.
    auto r12 = reconcile(a, act, Period::nth(12), ForecastMethod::profile);
    CHECK(r12.to_period.lines == 8);
    CHECK(r12.after_period.lines == 0);
    CHECK(r12.after_period.total == pence(0));
    // A ledger run that counted a line the actuals lost (same pence: a 0.00 line) is an invariant
    // failure, not a statement.
    act.control.lines_read = act.control.lines_accepted = 9;
    CHECK_THROWS_AS(reconcile(a, act, Period::nth(3), ForecastMethod::profile), Error);
}

TEST_CASE("recon: aligned subtotals per partner and spending without a budget") {
    // SPEC §6. Partners A, B, C; S1 A 6,000, B 6,000, C 0 (12,000.00); S2 A, B, C 1,000.00 each
    // (3,000.00); even profiles: S1 1,000.00 a month, S2 250.00.
    // Ledgers: A S1 P01 900.00, P02 1,100.00; B S2 P02 400.00; C S1 P02 200.00 (C has no S1
    // budget), C S1 P04 −20.00 (a credit), C S2 P03 −50.00.
    auto a = make_agreement({"A", "B", "C"},
                            {{"S1", {600000, 600000, 0}}, {"S2", {100000, 100000, 100000}}},
                            std::nullopt, AgreementKind::aligned);
    Actuals act(3, 2);
    act.add(PartnerIndex{0}, SchemeIndex{0}, Period::nth(1), pence(90000));
    act.add(PartnerIndex{0}, SchemeIndex{0}, Period::nth(2), pence(110000));
    act.add(PartnerIndex{1}, SchemeIndex{1}, Period::nth(2), pence(40000));
    act.add(PartnerIndex{2}, SchemeIndex{0}, Period::nth(2), pence(20000));
    act.add(PartnerIndex{2}, SchemeIndex{0}, Period::nth(4), pence(-2000));
    act.add(PartnerIndex{2}, SchemeIndex{1}, Period::nth(3), pence(-5000));
    auto find = [](const Reconciliation& r, std::size_t p, std::size_t s) {
        for (const auto& f : r.aligned)
            if (f.partner == PartnerIndex{p} && f.scheme == SchemeIndex{s}) return &f;
        return static_cast<const AlignedFigures*>(nullptr);
    };

    // P01: C's S1 row shows (it spends on S1 later in the year) but has nothing to date: no flag.
    auto r1 = reconcile(a, act, Period::nth(1), ForecastMethod::profile);
    REQUIRE(find(r1, 2, 0));
    CHECK_FALSE(find(r1, 2, 0)->spend_without_budget);
    CHECK(r1.spend_without_budget == 0);

    // P03. Budgets to date: S1 3,000.00 over 1:1:0 = 1,500.00, 1,500.00, 0.00; S2 750.00 over
    // 1:1:1 = 250.00 each.
    auto r = reconcile(a, act, Period::nth(3), ForecastMethod::profile);
    const AlignedFigures* c1 = find(r, 2, 0);
    REQUIRE(c1);
    CHECK(c1->budget == pence(0));
    CHECK(c1->actual_ytd == pence(20000));
    CHECK(c1->variance_ytd == pence(20000));
    CHECK(c1->forecast_outturn == pence(20000)); // 200 + (0 − 0)
    CHECK(c1->spend_without_budget);
    CHECK(r.spend_without_budget == 1);
    for (const auto& f : r.aligned)
        if (&f != c1) CHECK_FALSE(f.spend_without_budget);
    REQUIRE(r.aligned_subtotals.size() == 3);
    // A: S1 budget 6,000, to date 1,500, actual 2,000, variance 500, forecast 2,000 + 4,500 =
    //    6,500 (variance 500); S2 1,000, 250, 0, (250), forecast 750 (variance (250)).
    //    Subtotal 7,000.00, 1,750.00, 2,000.00, 250.00, 7,250.00, 250.00.
    const auto& sa = r.aligned_subtotals[0];
    CHECK(sa.partner == PartnerIndex{0});
    CHECK(sa.budget == pence(700000));
    CHECK(sa.budget_ytd == pence(175000));
    CHECK(sa.actual_ytd == pence(200000));
    CHECK(sa.variance_ytd == pence(25000));
    CHECK(sa.forecast_outturn == pence(725000));
    CHECK(sa.forecast_variance == pence(25000));
    // B: S1 6,000, 1,500, 0, (1,500), forecast 4,500; S2 1,000, 250, 400, 150, forecast 1,150.
    //    Subtotal 7,000.00, 1,750.00, 400.00, (1,350.00), 5,650.00, (1,350.00).
    const auto& sb = r.aligned_subtotals[1];
    CHECK(sb.budget == pence(700000));
    CHECK(sb.budget_ytd == pence(175000));
    CHECK(sb.actual_ytd == pence(40000));
    CHECK(sb.variance_ytd == pence(-135000));
    CHECK(sb.forecast_outturn == pence(565000));
    CHECK(sb.forecast_variance == pence(-135000));
    // C: S1 0, 0, 200, 200, forecast 200; S2 1,000, 250, (50), (300), forecast 700 (variance
    //    (300)). Subtotal 1,000.00, 250.00, 150.00, (100.00), 900.00, (100.00).
    const auto& sc = r.aligned_subtotals[2];
    CHECK(sc.budget == pence(100000));
    CHECK(sc.budget_ytd == pence(25000));
    CHECK(sc.actual_ytd == pence(15000));
    CHECK(sc.variance_ytd == pence(-10000));
    CHECK(sc.forecast_outturn == pence(90000));
    CHECK(sc.forecast_variance == pence(-10000));
    // The subtotals add up to the combined view: actual 2,000 + 400 + 150 = 2,550.00.
    CHECK(sa.actual_ytd + sb.actual_ytd + sc.actual_ytd == r.total.actual_ytd);
    CHECK(sa.budget_ytd + sb.budget_ytd + sc.budget_ytd == r.total.budget_ytd);

    // P04: C's S1 is 200 − 20 = 180.00, still flagged; a credit alone would be flagged as well.
    auto r4 = reconcile(a, act, Period::nth(4), ForecastMethod::profile);
    CHECK(find(r4, 2, 0)->actual_ytd == pence(18000));
    CHECK(find(r4, 2, 0)->spend_without_budget);
    CHECK(r4.spend_without_budget == 1);
}
