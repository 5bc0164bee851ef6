// One partner's statement (SPEC §5 --partner, §6) on the agreement of reconciliation_test.cpp at
// P03: partners A (host), B, C; S1 12,000.00 (A 6,000, B 3,000, C 3,000), S2 3,000.00 (1,000
// each); B's ledger S2 P02 400.00. That test works the figures: B's position (1,000.02 −
// 1,000.02) − (400.00 − 0) = (400.00), owed by the host; the pool's forecast variance (100.00),
// of which B's share under the risk share is (26.67).
#include "calc/partner_pack.hpp"
#include "money_printer.hpp"
#include "recon_fixture.hpp"

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
