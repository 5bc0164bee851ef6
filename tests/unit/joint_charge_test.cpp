// A joint partner's charge (SPEC §6, §7: calc/joint_charge.hpp), its invoices and its settlement,
// worked by hand on small agreements, then seeded random joint agreements (fixed recharges, caps,
// partners' own spending) against the identities that tie the months to the year.
#include "calc/joint_charge.hpp"
#include "calc/joint_invoice.hpp"
#include "calc/joint_memorandum.hpp"
#include "calc/settlement.hpp"
#include "money_printer.hpp"
#include "settlement_fixture.hpp"
#include "support/error.hpp"
#include "test_period.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <random>

using namespace poolkit;
using namespace poolkit::test;

namespace {

// Makes scheme s a fixed recharge: every partner but `rest` states its contribution as an amount.
void make_fixed(Agreement& a, std::size_t s, std::size_t rest) {
    Scheme& sc = a.schemes[s];
    sc.recharge = Recharge::fixed;
    sc.contribution_terms.clear();
    for (std::size_t p = 0; p < a.partners.size(); ++p) {
        ContributionTerm t;
        t.partner = PartnerIndex{p};
        t.form = p == rest ? ContributionTerm::Form::rest : ContributionTerm::Form::amount;
        t.amount = p == rest ? Money{} : sc.contributions[p];
        sc.contribution_terms.push_back(t);
    }
}

std::vector<Money> amounts(std::initializer_list<std::int64_t> pence_each) {
    std::vector<Money> out;
    for (auto p : pence_each)
        out.push_back(pence(p));
    return out;
}

} // namespace

TEST_CASE("joint charge: fixed amounts are phased by the profile's own weights") {
    // S1 1,200.00, profile amounts 300.00 in P01, P04, P07, P10 (quarterly): A states 500.00, B is
    // the rest (700.00). A's 500.00 phased by the amounts as weights: 125.00 in each of those four
    // periods. To P03 with 90.00 spent: A 125.00, B 90.00 − 125.00 = (35.00): the rest partner is
    // credited when less was spent than the fixed amounts to date.
    auto a = make_agreement({"A", "B"}, {{"S1", {500'00, 700'00}}}, 1, AgreementKind::joint);
    a.schemes[0].profile.form = Profile::Form::amounts;
    a.schemes[0].profile.amounts =
        amounts({300'00, 0, 0, 300'00, 0, 0, 300'00, 0, 0, 300'00, 0, 0});
    make_fixed(a, 0, 1);
    auto c = joint_charges(a, amounts({90'00}), 3);
    CHECK(as_pence(c.charge) == P{125'00, -35'00});
    CHECK(c.schemes[0].rest == std::optional<PartnerIndex>(PartnerIndex{1}));
    // P04: A 250.00; the year: A exactly its 500.00 whatever was spent (1,500.00), B 1,000.00.
    CHECK(as_pence(joint_charges(a, amounts({90'00}), 4).charge) == P{250'00, -160'00});
    CHECK(as_pence(joint_charges(a, amounts({1500'00}), 12).charge) == P{500'00, 1000'00});

    // Even profile: 100.00 = 10,000p / 12 = 833.33p: floors 833p, the 4 spare pence to P01..P04:
    // to P02 8.34 + 8.34 = 16.68; to P05 4 × 8.34 + 8.33 = 41.69.
    auto e = make_agreement({"A", "B"}, {{"S1", {100'00, 900'00}}}, 1, AgreementKind::joint);
    make_fixed(e, 0, 1);
    CHECK(joint_charges(e, amounts({0}), 2).charge[0] == pence(16'68));
    CHECK(joint_charges(e, amounts({0}), 5).charge[0] == pence(41'69));
    // Before the year nothing is phased.
    CHECK(as_pence(joint_charges(e, amounts({0}), 0).charge) == P{0, 0});
}

TEST_CASE("joint charge: a scheme with no contributions is charged by pool contributions") {
    // S1 A 600.00, B 400.00; S2 a zero budget with 300.00 spent on it: by pool contributions 6:4,
    // A 180.00, B 120.00 (SPEC §7).
    auto a = make_agreement({"A", "B"}, {{"S1", {600'00, 400'00}}, {"S2", {0, 0}}}, 0,
                            AgreementKind::joint);
    auto c = joint_charges(a, amounts({0, 300'00}), 6);
    CHECK(c.schemes[1].by_pool);
    CHECK(as_pence(c.schemes[1].parts) == P{180'00, 120'00});
    // Every budget zero: nobody agreed to share anything, so the host (B here) is charged it.
    auto z = make_agreement({"A", "B"}, {{"S1", {0, 0}}}, 1, AgreementKind::joint);
    CHECK(as_pence(joint_charges(z, amounts({300'00}), 6).charge) == P{0, 300'00});
    CHECK_THROWS_AS(joint_charges(a, amounts({1}), 6), Error); // one amount for two schemes
}

TEST_CASE("joint charge: a cap bounds the total charge at contribution + cap") {
    // A 600.00, B 400.00 of S1; 1,500.00 spent: A 900.00, B 600.00. Cap A at 100.00: bound 700.00,
    // 200.00 unallocated, and B is still charged 600.00 (the excess is not passed on).
    auto a = make_agreement({"A", "B"}, {{"S1", {600'00, 400'00}}}, 1, AgreementKind::joint);
    a.risk_share->caps = {pence(100'00), std::nullopt};
    auto c = joint_charges(a, amounts({1500'00}), 12);
    CHECK(as_pence(c.before_caps) == P{900'00, 600'00});
    CHECK(as_pence(c.charge) == P{700'00, 600'00});
    CHECK(c.unallocated == pence(200'00));
    REQUIRE(c.caps.size() == 1);
    CHECK(c.caps[0].bound == pence(700'00));
    CHECK(c.caps[0].excess == pence(200'00));
    // A cap near the int64 limit bounds nothing and does not overflow.
    a.risk_share->caps[0] = Money::from_pence(std::numeric_limits<std::int64_t>::max());
    CHECK(joint_charges(a, amounts({1500'00}), 12).unallocated.is_zero());
    // An underspend is never cut: the bound is above the contribution.
    a.risk_share->caps[0] = pence(0);
    CHECK(joint_charges(a, amounts({900'00}), 12).unallocated.is_zero());
}

namespace {

struct JointCase {
    Agreement agreement;
    Actuals actuals;
};

JointCase random_joint(std::mt19937_64& rng) {
    auto pick = [&](std::uint64_t k) { return static_cast<std::size_t>(rng() % k); };
    auto amount = [&](std::int64_t most) { return static_cast<std::int64_t>(rng() % (most + 1)); };
    // An agreement has two partners at least (SPEC §3).
    const std::size_t n = 2 + pick(3), m = 1 + pick(4);
    std::vector<std::string> ids;
    for (std::size_t p = 0; p < n; ++p)
        ids.push_back("P" + std::to_string(p));
    std::vector<SchemeSpec> specs;
    for (std::size_t s = 0; s < m; ++s) {
        SchemeSpec spec{"S" + std::to_string(s), {}, std::nullopt};
        for (std::size_t p = 0; p < n; ++p)
            spec.contributions.push_back(pick(4) == 0 ? 0 : amount(pick(3) ? 100000'00 : 1000));
        specs.push_back(spec);
    }
    Agreement a = make_agreement(ids, specs, pick(n), AgreementKind::joint);
    for (std::size_t s = 0; s < m; ++s) {
        if (pick(3) == 0) make_fixed(a, s, pick(n));
        if (pick(3) == 0) {
            a.schemes[s].profile.form = Profile::Form::weights;
            a.schemes[s].profile.weights.assign(12, Rational(0));
            for (auto& w : a.schemes[s].profile.weights)
                w = Rational(static_cast<long long>(pick(4)));
            a.schemes[s].profile.weights[pick(12)] += 1; // never all zero
        }
    }
    a.risk_share->caps.assign(n, std::nullopt);
    if (pick(2))
        for (auto& c : a.risk_share->caps)
            if (pick(2)) c = pence(amount(20000'00));
    Actuals act(n, m);
    for (int k = 0, lines = 1 + static_cast<int>(pick(12)); k < lines; ++k)
        act.add(PartnerIndex{pick(n)}, SchemeIndex{pick(m)}, per(1 + static_cast<int>(pick(12))),
                pence(amount(80000'00) - (pick(6) == 0 ? 50000'00 : 0)));
    return {std::move(a), std::move(act)};
}

} // namespace

TEST_CASE("joint charge: months and year agree over random agreements") {
    std::mt19937_64 rng(20251231);
    int capped = 0, fixed_rest_negative = 0, credit_notes = 0, own_spend = 0;
    for (int round = 0; round < 1500; ++round) {
        JointCase c = random_joint(rng);
        const Agreement& a = c.agreement;
        const Actuals& act = c.actuals;
        const std::size_t n = a.partners.size(), host = to_size(*a.host);
        CAPTURE(round);
        std::vector<Money> invoiced(n);
        JointInvoicing last;
        for (int m = 1; m <= 12; ++m) {
            std::vector<Money> forecasts(a.schemes.size());
            JointInvoicing j;
            REQUIRE_NOTHROW(j = joint_invoicing(a, act, per(m), forecasts));
            // Σ charges + unallocated = what was spent to m, to the penny.
            Money charged = j.to_date.unallocated;
            for (Money x : j.to_date.charge)
                charged += x;
            CHECK(charged == act.total_to(m));
            for (const auto& inv : j.invoices) {
                invoiced[to_size(inv.partner)] += inv.amount;
                credit_notes += inv.amount.is_negative();
                // Without a register the invoices before are the same formula a month earlier.
                CHECK(inv.invoiced_before == invoiced[to_size(inv.partner)] - inv.amount);
            }
            for (const auto& sc : j.to_date.schemes)
                if (sc.rest) fixed_rest_negative += sc.parts[to_size(*sc.rest)].is_negative();
            last = std::move(j);
        }
        capped += !last.to_date.caps.empty();
        // A fixed partner (not the rest) is charged exactly its stated amount for the year.
        for (std::size_t s = 0; s < a.schemes.size(); ++s) {
            const SchemeCharge& sc = last.to_date.schemes[s];
            if (!sc.rest) continue;
            for (std::size_t p = 0; p < n; ++p)
                if (PartnerIndex{p} != *sc.rest)
                    CHECK(sc.parts[p] == a.schemes[s].contributions[p]);
        }
        // The year end: paid is the twelve invoices, nothing is left to settle, and the host bears
        // its own charge plus what the caps left unallocated.
        SettlementResult r;
        REQUIRE_NOTHROW(r = settle(a, act));
        CHECK(r.transfers.empty());
        CHECK(r.unallocated == last.to_date.unallocated);
        for (std::size_t p = 0; p < n; ++p) {
            CHECK(r.partners[p].final_share == last.to_date.charge[p]);
            if (p == host) continue;
            own_spend += !r.partners[p].direct_spend.is_zero();
            CHECK(r.partners[p].paid == invoiced[p]);
            CHECK(invoiced[p] == last.to_date.charge[p] - act.partner_to(PartnerIndex{p}, 12));
            CHECK(r.partners[p].balance.is_zero());
        }
        JointMemorandum jm;
        REQUIRE_NOTHROW(jm = joint_memorandum(a, r));
        CHECK(jm.statement.net_cost == r.partners[host].final_share + r.unallocated);
    }
    // The generator reaches every corner it is meant to.
    CHECK(capped > 50);
    CHECK(fixed_rest_negative > 50);
    CHECK(credit_notes > 50);
    CHECK(own_spend > 200);
}

TEST_CASE("joint settlement: the checker catches a wrong figure") {
    // A 600.00, B 400.00 (host B); A spends 100.00 itself, B 1,400.00: A is charged 900.00 and was
    // invoiced 800.00; every figure below is tampered with by a penny in turn.
    auto a = make_agreement({"A", "B"}, {{"S1", {600'00, 400'00}}}, 1, AgreementKind::joint);
    auto act = make_actuals(a, {{0, 0, 100'00}, {1, 0, 1400'00}});
    auto r = settle(a, act);
    CHECK(r.partners[0].paid == pence(800'00));
    CHECK_NOTHROW(check_settlement(a, act, r));
    auto tampered = [&](auto change) {
        auto bad = r;
        change(bad);
        CHECK_THROWS_AS(check_settlement(a, act, bad), Error);
    };
    tampered([](SettlementResult& b) { b.partners[0].final_share += pence(1); });
    tampered([](SettlementResult& b) { b.partners[0].paid += pence(1); });
    tampered([](SettlementResult& b) { b.partners[0].outstanding += pence(1); });
    tampered([](SettlementResult& b) { b.partners[1].balance += pence(1); }); // the host has none
    tampered([](SettlementResult& b) { b.charges.unallocated += pence(1); });
    tampered([](SettlementResult& b) { b.charges.schemes[0].parts[0] += pence(1); });
    tampered([](SettlementResult& b) { b.transfers.push_back({0, 1, pence(1)}); });
}
