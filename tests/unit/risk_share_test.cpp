// The risk-share protocols of SPEC §7, each worked by hand. Amounts are in pence; the comments
// give them in pounds.
#include "calc/risk_share.hpp"
#include "settlement_fixture.hpp"

#include <doctest/doctest.h>

using namespace poolkit;
using namespace poolkit::test;

namespace {

RiskShareResult run(const Agreement& a, const std::vector<std::int64_t>& variances) {
    std::vector<Money> v;
    for (auto x : variances)
        v.push_back(pence(x));
    return share_risk(a, v);
}

std::size_t count_steps(const RiskShareResult& r, RiskStepKind k) {
    std::size_t c = 0;
    for (const auto& s : r.steps)
        c += s.kind == k;
    return c;
}

} // namespace

TEST_CASE("risk share: pro-rata overspend in awkward thirds (basis pool)") {
    // Three equal contributions of 100,000.00; overspend 1,000.00 = 100,000p.
    // Each exact share is 33,333.33..p: floors 33,333 x3 = 99,999p, the spare penny goes to the
    // largest remainder; all equal, so to the first partner: 333.34, 333.33, 333.33.
    auto a = make_agreement({"A", "B", "C"}, {{"S1", {100000'00, 100000'00, 100000'00}}}, 1);
    auto r = run(a, {1000'00});
    CHECK(as_pence(r.shares) == P{33334, 33333, 33333});
    CHECK(r.carried_forward.is_zero());
    CHECK(r.unallocated.is_zero());

    // Contributions 33.34 / 33.33 / 33.33 and an overspend of 0.10: exact 3.334p, 3.333p, 3.333p;
    // floors 3+3+3 = 9, the spare penny to the largest remainder (.334, A): 4p, 3p, 3p.
    auto b = make_agreement({"A", "B", "C"}, {{"S1", {3334, 3333, 3333}}}, 0);
    CHECK(as_pence(run(b, {10}).shares) == P{4, 3, 3});
    // An underspend of 0.10 the same way, negated: -4p, -3p, -3p.
    CHECK(as_pence(run(b, {-10}).shares) == P{-4, -3, -3});

    // Pool contributions are summed over schemes: A 100 + 0, B 0 + 100, C 100 + 100.
    // Net variance +40.00 - 20.00 = 20.00 shared 1:1:2 -> 5.00, 5.00, 10.00.
    auto c = make_agreement({"A", "B", "C"},
                            {{"S1", {100'00, 0, 100'00}}, {"S2", {0, 100'00, 100'00}}}, 0);
    CHECK(as_pence(run(c, {40'00, -20'00}).shares) == P{500, 500, 1000});
}

TEST_CASE("risk share: a fixed line the host bears beside a variable line (basis scheme)") {
    // Luton-style (DOMAIN-NOTES V9). ICB and LA (host). F (fixed): 200,000 / 300,000; V
    // (variable): 150,000 / 150,000. F overspends by 20,000.00 and the host bears it all; V
    // underspends by 10,000.01 = 1,000,001p returned 1:1: allocate 1,000,001 -> 500,001 / 500,000
    // (tie: the spare penny to the first), negated.
    auto a = make_agreement({"ICB", "LA"},
                            {{"F", {200000'00, 300000'00}}, {"V", {150000'00, 150000'00}}}, 1);
    a.risk_share->basis = RiskBasis::scheme;
    a.schemes[0].overspend = rule(RuleKind::host);
    a.schemes[0].underspend = rule(RuleKind::host);
    auto r = run(a, {20000'00, -1000001});
    // ICB: -5,000.01. LA: 20,000.00 - 5,000.00 = 15,000.00. Sum 9,999.99 = the net variance.
    CHECK(as_pence(r.shares) == P{-500001, 1500000});
    CHECK(as_pence(r.overspend_shares) == P{0, 2000000});
    CHECK(as_pence(r.underspend_shares) == P{-500001, -500000});
    REQUIRE(r.steps.size() == 2);
    CHECK(r.steps[0].scheme == 0u);
    CHECK(r.steps[0].rule == RuleKind::host);
    CHECK(r.steps[1].scheme == 1u);
    CHECK(r.steps[1].underspend);
    CHECK(r.steps[1].weights == WeightBasis::scheme);

    // The fixed line underspending: the host keeps it all. F -1,000.00, V +0.03 (1:1 -> 2p, 1p).
    auto r2 = run(a, {-1000'00, 3});
    CHECK(as_pence(r2.shares) == P{2, -100000 + 1});
}

TEST_CASE("risk share: lead overspend on one scheme, pro-rata return on another (basis scheme)") {
    // ICB, BRISTOL (host), NSOMERSET. S01 1,200,000 (480,000 / 360,000 / 360,000), lead BRISTOL;
    // S02 400,000 (200,000 / 100,000 / 100,000), lead ICB. Overspend rule lead, underspend return.
    auto a = make_agreement({"ICB", "BRISTOL", "NSOMERSET"},
                            {{"S01", {480000'00, 360000'00, 360000'00}, 1},
                             {"S02", {200000'00, 100000'00, 100000'00}, 0}},
                            1);
    a.risk_share->basis = RiskBasis::scheme;
    a.risk_share->overspend = rule(RuleKind::lead);
    // S01 +52,310.40 all to its lead BRISTOL.
    // S02 -18,995.89 = 1,899,589p returned 2:1:1 (S02's own contributions): exact 949,794.5,
    // 474,897.25, 474,897.25; floors sum 1,899,588, the spare penny to the largest remainder (.5,
    // ICB): 949,795 / 474,897 / 474,897.
    auto r = run(a, {52310'40, -1899589});
    // ICB -9,497.95; BRISTOL 52,310.40 - 4,748.97 = 47,561.43; NSOMERSET -4,748.97.
    CHECK(as_pence(r.shares) == P{-949795, 4756143, -474897});
    CHECK(r.steps.size() == 2);

    // Pool-level lead is meaningless: with basis pool it is an error, not a guess.
    a.risk_share->basis = RiskBasis::pool;
    CHECK_THROWS_AS(run(a, {100, 0}), Error);
    // A scheme without a lead under rule lead is an error too.
    a.risk_share->basis = RiskBasis::scheme;
    a.schemes[0].lead.reset();
    CHECK_THROWS_AS(run(a, {100, 0}), Error);
}

TEST_CASE("risk share: two tiers, and tiers without an open last tier") {
    // ICB 400,000, BRISTOL (host) 300,000, NSOMERSET 150,000, SGLOS 150,000. Tier 1: the first
    // 100,000.00 of overspend to the host; tier 2 (open): the rest pro rata to contributions.
    auto a = make_agreement({"ICB", "BRISTOL", "NSOMERSET", "SGLOS"},
                            {{"S01", {400000'00, 300000'00, 150000'00, 150000'00}}}, 1);
    a.risk_share->overspend = rule(RuleKind::tiers);
    a.risk_share->overspend_tiers = {Tier{pence(100000'00), rule(RuleKind::host), {}},
                                     Tier{std::nullopt, rule(RuleKind::contributions), {}}};
    // Overspend 150,000.01: tier 1 takes 100,000.00 (host); tier 2 the slice 50,000.01 =
    // 5,000,001p at .4/.3/.15/.15: 2,000,000.4 / 1,500,000.3 / 750,000.15 / 750,000.15; floors sum
    // 5,000,000, the spare penny to the largest remainder (.4, ICB).
    auto r = run(a, {150000'01});
    // ICB 20,000.01; BRISTOL 100,000.00 + 15,000.00; NSOMERSET 7,500.00; SGLOS 7,500.00.
    CHECK(as_pence(r.shares) == P{2000001, 11500000, 750000, 750000});
    REQUIRE(r.steps.size() == 2);
    CHECK(r.steps[0].tier == 0u);
    CHECK(r.steps[0].tier_from.is_zero());
    CHECK(r.steps[0].tier_to == pence(100000'00));
    CHECK(r.steps[1].tier == 1u);
    CHECK(r.steps[1].amount == pence(50000'01));
    CHECK(r.steps[1].tier_to == pence(150000'01));

    // An overspend inside tier 1 touches tier 1 only: 99,999.99 all to the host.
    CHECK(as_pence(run(a, {99999'99}).shares) == P{0, 9999999, 0, 0});

    // Tier 2 bounded at 120,000.00 and split 50/50 ICB/BRISTOL; nothing takes the rest.
    // 150,000.01: 100,000.00 host; 20,000.00 split 10,000.00 / 10,000.00; 30,000.01 unallocated.
    a.risk_share->overspend_tiers[1] =
        Tier{pence(120000'00), split({{0, Rational(1, 2)}, {1, Rational(1, 2)}}), {}};
    auto u = run(a, {150000'01});
    CHECK(as_pence(u.shares) == P{1000000, 11000000, 0, 0});
    CHECK(u.unallocated == pence(30000'01));
    CHECK(count_steps(u, RiskStepKind::unallocated) == 1);
    // Underspends do not go through tiers: -100.00 returned .4/.3/.15/.15.
    CHECK(as_pence(run(a, {-100'00}).shares) == P{-4000, -3000, -1500, -1500});
}

TEST_CASE("risk share: a cap that binds, re-allocated over two rounds") {
    // A 500,000, B (host) 300,000, C 200,000; overspend 100,000.00 pro rata: 50,000 / 30,000 /
    // 20,000. Caps: A 40,000.00, C 22,000.00.
    auto a = make_agreement({"A", "B", "C"}, {{"S1", {500000'00, 300000'00, 200000'00}}}, 1);
    a.risk_share->caps = {pence(40000'00), std::nullopt, pence(22000'00)};
    auto r = run(a, {100000'00});
    // Round 1: A is 10,000.00 over its cap; B and C (not yet capped) take it 3:2 -> 6,000 /
    // 4,000: B 36,000, C 24,000. Round 2: C is now 2,000.00 over its cap; only B is below a cap
    // and takes it: B 38,000. Round 3: no cap exceeded.
    CHECK(as_pence(r.shares) == P{4000000, 3800000, 2200000});
    CHECK(r.unallocated.is_zero());
    REQUIRE(r.steps.size() == 5); // share, cap A, reallocate, cap C, reallocate
    CHECK(r.steps[1].kind == RiskStepKind::cap);
    CHECK(r.steps[1].partner == 0u);
    CHECK(r.steps[1].before == pence(50000'00));
    CHECK(r.steps[1].amount == pence(10000'00));
    CHECK(r.steps[2].kind == RiskStepKind::reallocate);
    CHECK(as_pence(r.steps[2].shares) == P{0, 600000, 400000});
    CHECK(r.steps[3].kind == RiskStepKind::cap);
    CHECK(r.steps[3].partner == 2u);
    CHECK(r.steps[3].round == 2);
    CHECK(as_pence(r.steps[4].shares) == P{0, 200000, 0});
}

TEST_CASE("risk share: caps that leave an unallocated remainder") {
    // ICB 600,000 (cap 30,000.00), LA (host) 400,000 (cap 50,000.00). Overspend 100,000.00:
    // 60,000 / 40,000. Round 1: ICB 30,000 over -> LA (below its cap): LA 70,000. Round 2: LA
    // 20,000 over its cap, nobody below a cap -> 20,000.00 unallocated.
    auto a = make_agreement({"ICB", "LA"}, {{"S1", {600000'00, 400000'00}}}, 1);
    a.risk_share->caps = {pence(30000'00), pence(50000'00)};
    auto r = run(a, {100000'00});
    CHECK(as_pence(r.shares) == P{3000000, 5000000});
    CHECK(r.unallocated == pence(20000'00));

    // Basis scheme: the cap bounds the net risk share over all schemes (SPEC §7). S1 +80,000 (pro
    // rata 6:4 -> 48,000 / 32,000), S2 -10,000 (S2 1:1 -> -5,000 each). Net: ICB 43,000, LA
    // 27,000. ICB is 13,000 over its cap of 30,000; LA (not capped) takes it: 40,000, below its
    // cap of 50,000. Shares: ICB 30,000.00, LA 40,000.00.
    auto b = make_agreement({"ICB", "LA"},
                            {{"S1", {600000'00, 400000'00}}, {"S2", {100000'00, 100000'00}}}, 1);
    b.risk_share->basis = RiskBasis::scheme;
    b.risk_share->caps = {pence(30000'00), pence(50000'00)};
    auto s = run(b, {80000'00, -10000'00});
    CHECK(as_pence(s.shares) == P{3000000, 4000000});
    CHECK(as_pence(s.net_shares) == P{3000000, 4000000});
    CHECK(s.unallocated.is_zero());
}

TEST_CASE("risk share: carry-forward") {
    // Underspend 12,345.68 kept in the pool: no partner receives anything.
    auto a = make_agreement({"ICB", "LA"}, {{"S1", {600000'00, 400000'00}}}, 1);
    a.risk_share->underspend = rule(RuleKind::carry_forward);
    auto r = run(a, {-12345'68});
    CHECK(as_pence(r.shares) == P{0, 0});
    CHECK(r.carried_forward == pence(12345'68));
    CHECK(r.underspend_carried == pence(12345'68));
    // An overspend is still shared 6:4: 1,000.01 -> 600.006, 400.004 -> 600.01 / 400.00.
    CHECK(as_pence(run(a, {1000'01}).shares) == P{60001, 40000});
    // With basis scheme, one scheme's underspend is carried while another's overspend is shared.
    auto b = make_agreement({"ICB", "LA"},
                            {{"S1", {600000'00, 400000'00}}, {"S2", {100000'00, 100000'00}}}, 1);
    b.risk_share->basis = RiskBasis::scheme;
    b.risk_share->underspend = rule(RuleKind::carry_forward);
    auto s = run(b, {-500'00, 100'00});
    CHECK(as_pence(s.shares) == P{5000, 5000}); // S2's 100.00 by S2's contributions 1:1
    CHECK(s.carried_forward == pence(500'00));
}

TEST_CASE("risk share: the opening balance is applied first against a net overspend") {
    // Opening balance 30,000.00; net overspend 100,000.01: 30,000.00 applied, 70,000.01 =
    // 7,000,001p shared in thirds: 2,333,333.67 each, floors 6,999,999, two spare pence to the two
    // largest remainders (all equal: the first two). Nothing left to carry forward.
    auto a = make_agreement({"A", "B", "C"}, {{"S1", {100000'00, 100000'00, 100000'00}}}, 0);
    a.opening_balance = pence(30000'00);
    auto r = run(a, {100000'01});
    CHECK(r.opening_applied == pence(30000'00));
    CHECK(r.shared == pence(70000'01));
    CHECK(as_pence(r.shares) == P{2333334, 2333334, 2333333});
    CHECK(r.carried_forward.is_zero());
    CHECK(r.steps[0].kind == RiskStepKind::opening_balance);

    // A smaller overspend, 10,000.00, is met from the balance entirely: 20,000.00 carried forward.
    auto s = run(a, {10000'00});
    CHECK(as_pence(s.shares) == P{0, 0, 0});
    CHECK(s.carried_forward == pence(20000'00));

    // An underspend leaves the balance untouched: 30,000.00 carried forward, -300.00 returned.
    auto u = run(a, {-300'00});
    CHECK(as_pence(u.shares) == P{-10000, -10000, -10000});
    CHECK(u.carried_forward == pence(30000'00));

    // With basis scheme the balance meets the overspent scheme first (SPEC §7): 300.00 of it is
    // used, nothing is left for the partners, 29,700.00 is carried forward.
    a.risk_share->basis = RiskBasis::scheme;
    auto b = run(a, {300'00});
    CHECK(as_pence(b.shares) == P{0, 0, 0});
    CHECK(b.opening_applied == pence(300'00));
    CHECK(b.carried_forward == pence(29700'00));
}

TEST_CASE("risk share: offset basis nets underspends against overspends first") {
    // ICB, LA (host). S1 (1:1) +30,000.00, its own rule host; S2 (1:1) +10,000.01; S3, a risk pool
    // of 20,000.00 left unspent, -20,000.00.
    auto a = make_agreement(
        {"ICB", "LA"},
        {{"S1", {50000'00, 50000'00}}, {"S2", {50000'00, 50000'00}}, {"S3", {10000'00, 10000'00}}},
        1);
    a.risk_share->basis = RiskBasis::offset;
    a.schemes[0].overspend = rule(RuleKind::host);
    auto r = run(a, {30000'00, 10000'01, -20000'00});
    // The 2,000,000p of underspend offsets the overspends pro rata 3,000,000 : 1,000,001:
    // S1 1,499,999.625.., S2 500,000.374..: floors 1,999,999, the spare penny to S1 (.625):
    // 1,500,000 / 500,000. Residual S1 15,000.00 to the host; S2 5,000.01 = 500,001p 1:1 ->
    // 250,001 / 250,000.
    CHECK(as_pence(r.shares) == P{250001, 1500000 + 250000});
    CHECK(count_steps(r, RiskStepKind::offset) == 3);

    // A net underspend: S1 +10,000.00 (host rule, never used), S2 -30,000.00 (lead ICB), S3
    // -10,000.00 (return). The 10,000.00 offset is taken from the underspends pro rata 3:1:
    // 7,500 / 2,500. Residual S2 -22,500.00 to ICB (its lead); S3 -7,500.00 returned 1:1.
    a.schemes[1].lead = PartnerIndex{0};
    a.schemes[1].underspend = rule(RuleKind::lead);
    auto n = run(a, {10000'00, -30000'00, -10000'00});
    CHECK(as_pence(n.shares) == P{-2250000 - 375000, -375000});

    // Nothing to net: offset is basis scheme. S1 +100.00 to the host.
    auto s = run(a, {100'00, 0, 0});
    CHECK(as_pence(s.shares) == P{0, 10000});
}

TEST_CASE("risk share: split rules and per-scheme overrides under basis pool are ignored") {
    // Overspend split ICB 33.3333% / LA 66.6667% of 1.00: exact 33.3333p / 66.6667p; floors 33 +
    // 66 = 99, the spare penny to the larger remainder (.6667, LA): 33p / 67p.
    auto a = make_agreement({"ICB", "LA"}, {{"S1", {50'00, 50'00}}}, 1);
    a.risk_share->overspend =
        split({{0, Rational(333333, 1000000)}, {1, Rational(666667, 1000000)}});
    a.schemes[0].overspend = rule(RuleKind::host); // basis pool: the pool's rule applies
    CHECK(as_pence(run(a, {100}).shares) == P{33, 67});
    // Underspend to the host.
    a.risk_share->underspend = rule(RuleKind::host);
    CHECK(as_pence(run(a, {-100}).shares) == P{0, -100});
}

TEST_CASE("risk share: rules that cannot apply are clear errors") {
    auto a = make_agreement({"ICB", "LA"}, {{"S1", {50'00, 50'00}}}, 1);
    a.risk_share->overspend = rule(RuleKind::carry_forward);
    CHECK_THROWS_AS(run(a, {100}), Error);
    a.risk_share->overspend = rule(RuleKind::contributions);
    a.risk_share->underspend = rule(RuleKind::tiers);
    CHECK_THROWS_AS(run(a, {-100}), Error);
    auto aligned = make_agreement({"ICB", "LA"}, {{"S1", {50'00, 50'00}}}, std::nullopt,
                                  AgreementKind::aligned);
    CHECK_THROWS_AS(run(aligned, {100}), Error);
    CHECK_THROWS_AS(run(a, {100, 100}), Error); // one variance per scheme
}

TEST_CASE("risk share: caps bound the net risk share, so a year that breaks even costs nobody") {
    // Two schemes split 50/50 between ICB and LA (host): A 200,000 (100,000 each), B the same.
    // A underspends by 100,000.00, B overspends by 100,000.00; cap ICB 10,000.00.
    // Basis scheme: A's -100,000 returned 1:1 -> -50,000 each; B's +100,000 shared 1:1 -> +50,000
    // each. ICB nets 0.00, which is not above its cap: untouched. (Capping its overspend share
    // alone would cut 40,000.00 to LA and pay the ICB 40,000.00 in a year that broke even.)
    auto a = make_agreement({"ICB", "LA"},
                            {{"A", {100000'00, 100000'00}}, {"B", {100000'00, 100000'00}}}, 1);
    a.risk_share->basis = RiskBasis::scheme;
    a.risk_share->caps = {pence(10000'00), std::nullopt};
    auto r = run(a, {-100000'00, 100000'00});
    CHECK(as_pence(r.shares) == P{0, 0});
    CHECK(r.unallocated.is_zero());
    CHECK(count_steps(r, RiskStepKind::cap) == 0);

    // Basis offset nets the two first: nothing is left to share, 0.00 and 0.00 again.
    a.risk_share->basis = RiskBasis::offset;
    auto o = run(a, {-100000'00, 100000'00});
    CHECK(as_pence(o.shares) == P{0, 0});
    CHECK(count_steps(o, RiskStepKind::cap) == 0);

    // Offset with a net overspend: A -20,000, B +100,000. 20,000 offsets B, leaving 80,000 shared
    // 1:1 -> 40,000 each. ICB's net 40,000 is 30,000 over its cap of 10,000; LA takes it: 70,000.
    auto c = run(a, {-20000'00, 100000'00});
    CHECK(as_pence(c.shares) == P{1000000, 7000000});
    CHECK(as_pence(c.net_shares) == P{1000000, 7000000});
    REQUIRE(count_steps(c, RiskStepKind::cap) == 1);
}

TEST_CASE("risk share: a partner cut by its cap takes nothing back in a later round") {
    // A, B, C contribute 1:1:1 (100,000 each); overspend 90,000.00 -> 30,000 each. Caps: A 10,000,
    // B 29,000. Round 1: A is 20,000 over, B 1,000 over: 21,000 excess, and only C (never cut)
    // takes it -> C 51,000. No round 2.
    auto a = make_agreement({"A", "B", "C"}, {{"S1", {100000'00, 100000'00, 100000'00}}}, 2);
    a.risk_share->caps = {pence(10000'00), pence(29000'00), std::nullopt};
    auto r = run(a, {90000'00});
    CHECK(as_pence(r.shares) == P{1000000, 2900000, 5100000});
    CHECK(count_steps(r, RiskStepKind::cap) == 2);
    CHECK(count_steps(r, RiskStepKind::reallocate) == 1);
}

TEST_CASE("risk share: offset returns what is left of an underspend to the scheme's funders") {
    // ICB and LA (host). S1 is funded 100% by LA (50,000.00), S2 1:1 (50,000 each), S3 100% by the
    // ICB (40,000.00). Outturn: S1 +10,000.00 over, S2 +2,000.00 over, S3 -30,000.00 under.
    // Offset: the overspends 12,000 are cancelled in full (pro rata 10:2), and the 12,000 used is
    // all taken from S3, the only underspent scheme. S3 has 18,000.00 left, returned by its rule
    // (return) on S3's contributions: all to the ICB, -18,000.00. LA gets nothing back of money
    // it did not put into S3.
    auto a = make_agreement(
        {"ICB", "LA"}, {{"S1", {0, 50000'00}}, {"S2", {50000'00, 50000'00}}, {"S3", {40000'00, 0}}},
        1);
    a.risk_share->basis = RiskBasis::offset;
    auto r = run(a, {10000'00, 2000'00, -30000'00});
    CHECK(as_pence(r.shares) == P{-1800000, 0});
    CHECK(count_steps(r, RiskStepKind::offset) == 3);
    // Basis pool would have returned the net underspend 18,000 by pool contributions
    // (ICB 90,000 : LA 100,000): ICB -8,526.32, LA -9,473.68 (exact 8,526.315.. and 9,473.684..).
    a.risk_share->basis = RiskBasis::pool;
    CHECK(as_pence(run(a, {10000'00, 2000'00, -30000'00}).shares) == P{-852632, -947368});
}

TEST_CASE("risk share: a surplus brought forward meets overspends first, on every basis") {
    // ICB and LA (host), S1 and S2 each 1:1 (100,000 each). Surplus brought forward 30,000.00.
    auto a = make_agreement({"ICB", "LA"},
                            {{"S1", {100000'00, 100000'00}}, {"S2", {100000'00, 100000'00}}}, 1);
    a.opening_balance = pence(30000'00);

    // Basis pool: S1 +50,000, S2 -10,000: net +40,000; 30,000 of the surplus meets it, 10,000
    // shared 1:1 -> 5,000 each; nothing carried forward.
    auto p = run(a, {50000'00, -10000'00});
    CHECK(p.opening_applied == pence(30000'00));
    CHECK(as_pence(p.shares) == P{500000, 500000});
    CHECK(p.carried_forward.is_zero());

    // Basis scheme: S1's 50,000 overspend is met by the whole 30,000 (the only overspent scheme),
    // 20,000 left shared 1:1 -> +10,000 each; S2's -10,000 returned 1:1 -> -5,000 each. Net
    // +5,000 each; nothing carried forward.
    a.risk_share->basis = RiskBasis::scheme;
    auto s = run(a, {50000'00, -10000'00});
    CHECK(s.opening_applied == pence(30000'00));
    CHECK(as_pence(s.shares) == P{500000, 500000});
    CHECK(s.carried_forward.is_zero());
    // Two overspent schemes, S1 +40,000 and S2 +20,000.01: the surplus is used pro rata
    // 4,000,000 : 2,000,001 of 3,000,000 -> 1,999,999.67.. and 1,000,000.33..: floors 2,999,999,
    // the penny to S1 (.67): S1 20,000.00, S2 10,000.00. Left: S1 20,000.00 -> 10,000 each; S2
    // 10,000.01 -> 5,000.01 / 5,000.00. ICB 15,000.01, LA 15,000.00.
    auto s2 = run(a, {40000'00, 20000'01});
    CHECK(as_pence(s2.shares) == P{1500001, 1500000});
    CHECK(s2.opening_applied == pence(30000'00));

    // Basis offset: S1 +50,000, S2 -10,000: the offset leaves S1 +40,000; the surplus meets
    // 30,000 of it, 10,000 left -> 5,000 each. The same answer as pool, by another road.
    a.risk_share->basis = RiskBasis::offset;
    auto o = run(a, {50000'00, -10000'00});
    CHECK(as_pence(o.shares) == P{500000, 500000});
    // With nothing overspent, the surplus is all carried forward: S1 -4,000 S2 -6,000 returned
    // 1:1 -> -5,000 each; 30,000.00 carried forward.
    auto u = run(a, {-4000'00, -6000'00});
    CHECK(as_pence(u.shares) == P{-500000, -500000});
    CHECK(u.opening_applied.is_zero());
    CHECK(u.carried_forward == pence(30000'00));
}

TEST_CASE("risk share: a deficit brought forward is recovered first, outside the caps") {
    // ICB 60,000, LA (host) 40,000 (one scheme). Deficit brought forward -10,000.01.
    // Recovery: 1,000,001p pro rata 6:4 -> 600,000.6 and 400,000.4: floors 999,999... 600,000 +
    // 400,000 = 1,000,000, the penny to the larger remainder (ICB .6): ICB 6,000.01, LA 4,000.00.
    auto a = make_agreement({"ICB", "LA"}, {{"S1", {60000'00, 40000'00}}}, 1);
    a.opening_balance = pence(-10000'01);
    a.risk_share->caps = {pence(1000'00), std::nullopt};
    // This year's overspend 5,000.00 shared 6:4 -> 3,000 / 2,000; ICB's net 3,000 is 2,000 over its
    // cap of 1,000 -> LA 4,000. The recovery is not capped: ICB 6,000.01 + 1,000.00 = 7,000.01;
    // LA 4,000.00 + 4,000.00 = 8,000.00.
    for (RiskBasis b : {RiskBasis::pool, RiskBasis::scheme, RiskBasis::offset}) {
        a.risk_share->basis = b;
        auto r = run(a, {5000'00});
        CAPTURE(basis_name(b));
        CHECK(as_pence(r.deficit_recovery) == P{600001, 400000});
        CHECK(as_pence(r.net_shares) == P{100000, 400000});
        CHECK(as_pence(r.shares) == P{700001, 800000});
        CHECK(r.opening_applied == pence(-10000'01));
        CHECK(r.carried_forward.is_zero());
        CHECK(r.steps.front().kind == RiskStepKind::deficit_recovery);
    }
    // An underspend the same year is returned after the recovery: -5,000 -> -3,000 / -2,000;
    // ICB 6,000.01 - 3,000 = 3,000.01, LA 4,000 - 2,000 = 2,000.00.
    a.risk_share->basis = RiskBasis::pool;
    CHECK(as_pence(run(a, {-5000'00}).shares) == P{300001, 200000});
}

TEST_CASE("risk share: the default when an agreement states none is the one every tool uses") {
    // No [risk_share]: basis pool, contributions both ways (SPEC §7). 3:1, overspend 1,000.00 ->
    // 750.00 / 250.00.
    auto a = make_agreement({"ICB", "LA"}, {{"S1", {75000'00, 25000'00}}}, 1);
    a.risk_share.reset();
    CHECK(risk_share_is_default(a));
    auto r = run(a, {1000'00});
    CHECK(as_pence(r.shares) == P{75000, 25000});
    CHECK(r.basis == RiskBasis::pool);
    // Aligned and joint budgets have no effective risk share.
    a.kind = AgreementKind::aligned;
    CHECK_FALSE(effective_risk_share(a).has_value());
    CHECK_THROWS_AS(run(a, {1000'00}), Error);
}
