// One partner's statement (SPEC §5 --partner, §6) on the agreement of reconciliation_test.cpp at
// P03: partners A (host), B, C; S1 12,000.00 (A 6,000, B 3,000, C 3,000), S2 3,000.00 (1,000
// each); B's ledger S2 P02 400.00. That test works the figures: B's position (1,000.02 −
// 1,000.02) − (400.00 − 0) = (400.00), owed by the host; the pool's forecast variance (100.00),
// of which B's share under the risk share is (26.67).
#include "calc/partner_pack.hpp"
#include "money_printer.hpp"
#include "recon_fixture.hpp"
#include "settlement_fixture.hpp"

#include <doctest/doctest.h>

using namespace poolkit;
using namespace poolkit::test;

TEST_CASE("partner pack: a partner of a pooled fund") {
    auto a = recon_agreement();
    auto r = reconcile(a, recon_ledgers(a), Period::nth(3), ForecastMethod::profile);
    auto pack = partner_pack(a, r, PartnerIndex{1});
    CHECK_FALSE(pack.host);
    REQUIRE(pack.position);
    CHECK(pack.position->contribution_due_ytd == pence(100002));
    CHECK(pack.position->direct_spend_ytd == pence(40000));
    CHECK(pack.position->position == pence(-40000));
    CHECK(pack.forecast_variance == pence(-10000));
    CHECK(pack.forecast_variance_share == pence(-2667));
    CHECK_FALSE(pack.invoice);
    // Its schemes: S1 3,000.00 and S2 1,000.00 = 4,000.00, with each scheme's own figures.
    REQUIRE(pack.schemes.size() == 2);
    CHECK(pack.schemes[0].contribution == pence(300000));
    CHECK(pack.schemes[0].actual_ytd == pence(330000)); // the whole scheme's, all partners
    CHECK(pack.schemes[1].contribution == pence(100000));
    CHECK(pack.schemes[1].rag == RagStatus{Rag::red, RagDirection::under});
    CHECK(pack.contribution == pence(400000));
}

TEST_CASE("partner pack: the host, and a scheme a partner does not fund") {
    auto a = make_agreement({"A", "B"}, {{"S1", {600000, 0}}, {"S2", {100000, 100000}}}, 0,
                            AgreementKind::pooled);
    Actuals act(a.partners.size(), a.schemes.size());
    auto r = reconcile(a, act, Period::nth(1), ForecastMethod::profile);
    auto host = partner_pack(a, r, PartnerIndex{0});
    CHECK(host.host);
    CHECK(host.schemes.size() == 2);
    CHECK(host.contribution == pence(700000));
    auto b = partner_pack(a, r, PartnerIndex{1});
    REQUIRE(b.schemes.size() == 1); // B puts nothing into S1
    CHECK(b.schemes[0].scheme == SchemeIndex{1});
    CHECK(b.contribution == pence(100000));
}

// The year end (SPEC §7): A (host), B, C; S1 12,000.00 (A 6,000, B 3,000, C 3,000), S2 2,000.00
// (A 1,000, B 1,000, C nothing). Ledgers: A S1 11,000.00 and S2 1,700.00; B S1 2,000.00 (direct
// spend for the pool). Outturn S1 13,000.00 (+1,000.00), S2 1,700.00 (−300.00): the pool is
// 700.00 over, shared in proportion to contributions 7,000 : 4,000 : 3,000 of 14,000: A 350.00,
// B 200.00, C 150.00. B: final share 4,000.00 + 200.00 = 4,200.00; paid as due 4,000.00; balance
// 4,200.00 − 4,000.00 − 2,000.00 + 0 = (1,800.00): the host pays B 1,800.00. C: 3,150.00 −
// 3,000.00 = 150.00, C pays the host.
TEST_CASE("partner pack at the year end: its settlement, its transfers, its schemes") {
    auto a = make_agreement({"A", "B", "C"},
                            {{"S1", {600000, 300000, 300000}}, {"S2", {100000, 100000, 0}}}, 0,
                            AgreementKind::pooled);
    Actuals act(a.partners.size(), a.schemes.size());
    act.add(PartnerIndex{0}, SchemeIndex{0}, Period::nth(6), pence(1100000));
    act.add(PartnerIndex{0}, SchemeIndex{1}, Period::nth(6), pence(170000));
    act.add(PartnerIndex{1}, SchemeIndex{0}, Period::nth(6), pence(200000));
    const SettlementResult r = settle(a, act);

    const auto b = settlement_partner_pack(a, r, act, PartnerIndex{1});
    CHECK_FALSE(b.host);
    CHECK(b.figures.contribution == pence(400000));
    CHECK(b.figures.risk_share == pence(20000));
    CHECK(b.figures.final_share == pence(420000));
    CHECK(b.figures.paid == pence(400000));
    CHECK(b.figures.direct_spend == pence(200000));
    CHECK(b.figures.balance == pence(-180000));
    CHECK(b.variance == pence(70000));
    CHECK(b.variance_share == pence(20000));
    REQUIRE(b.transfers.size() == 1); // the host pays B; C's transfer is not B's
    CHECK(b.transfers[0].from == 0);
    CHECK(b.transfers[0].to == 1);
    CHECK(b.transfers[0].amount == pence(180000));
    REQUIRE(b.schemes.size() == 2);
    CHECK(b.schemes[0].contribution == pence(300000));
    CHECK(b.schemes[0].outturn == pence(1300000)); // the scheme's, all partners
    CHECK(b.schemes[0].variance == pence(100000));
    CHECK(b.schemes[1].contribution == pence(100000));
    CHECK(b.schemes[1].variance == pence(-30000));
    CHECK(b.contribution == pence(400000));

    const auto c = settlement_partner_pack(a, r, act, PartnerIndex{2});
    REQUIRE(c.schemes.size() == 1); // C puts nothing into S2
    CHECK(c.figures.balance == pence(15000));
    REQUIRE(c.transfers.size() == 1);
    CHECK(c.transfers[0].from == 2);
    CHECK(c.transfers[0].amount == pence(15000));

    const auto host = settlement_partner_pack(a, r, act, PartnerIndex{0});
    CHECK(host.host);
    CHECK(host.transfers.size() == 2); // the host is party to every transfer
}

// Aligned (SPEC §1): each partner bears its own variance; its schemes are its own budgets against
// its own ledger. B: S1 own budget 3,000.00, own spend 3,250.00 (+250.00); S2 1,000.00, spend
// 900.00 (−100.00): its own variance 150.00 = its risk share; no transfers.
TEST_CASE("partner pack at the year end: an aligned partner's own budgets") {
    auto a = make_agreement({"A", "B"}, {{"S1", {600000, 300000}}, {"S2", {100000, 100000}}},
                            std::nullopt, AgreementKind::aligned);
    Actuals act(a.partners.size(), a.schemes.size());
    act.add(PartnerIndex{1}, SchemeIndex{0}, Period::nth(3), pence(325000));
    act.add(PartnerIndex{1}, SchemeIndex{1}, Period::nth(3), pence(90000));
    act.add(PartnerIndex{0}, SchemeIndex{0}, Period::nth(3), pence(500000));
    const SettlementResult r = settle(a, act);
    const auto b = settlement_partner_pack(a, r, act, PartnerIndex{1});
    REQUIRE(b.schemes.size() == 2);
    CHECK(b.schemes[0].budget == pence(300000));
    CHECK(b.schemes[0].outturn == pence(325000));
    CHECK(b.schemes[0].variance == pence(25000));
    CHECK(b.schemes[1].variance == pence(-10000));
    CHECK(b.variance == pence(15000));
    CHECK(b.variance_share == pence(15000));
    CHECK(b.transfers.empty());
}
