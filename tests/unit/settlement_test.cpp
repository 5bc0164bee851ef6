// The year-end settlement (SPEC §7), worked by hand, and its invariants over random agreements.
// Amounts are in pence; the comments give them in pounds.
#include "calc/joint_memorandum.hpp"
#include "calc/memorandum.hpp"
#include "calc/settlement.hpp"
#include "settlement_fixture.hpp"
#include "test_period.hpp"

#include <doctest/doctest.h>

#include <array>
#include <random>

using namespace poolkit;
using namespace poolkit::test;

namespace {

struct Row {
    std::int64_t contribution, risk_share, final_share, paid, direct_spend, balance;
    bool operator==(const Row&) const = default;
};
Row row(const PartnerSettlement& p) {
    return {p.contribution.pence(), p.risk_share.pence(),   p.final_share.pence(),
            p.paid.pence(),         p.direct_spend.pence(), p.balance.pence()};
}
struct T {
    std::size_t from, to;
    std::int64_t amount;
    bool operator==(const T&) const = default;
};
std::vector<T> transfers(const SettlementResult& r) {
    std::vector<T> out;
    for (const auto& t : r.transfers)
        out.push_back({t.from, t.to, t.amount.pence()});
    return out;
}

} // namespace

TEST_CASE("settlement: pro-rata overspend in thirds, with direct spend and a short payment") {
    // A, B (host), C put in 100,000.00 each. B's ledger spends 250,000.00 and A's 51,000.00 on the
    // pool's behalf: outturn 301,000.00, overspend 1,000.00 -> 333.34 / 333.33 / 333.33.
    auto a = make_agreement({"A", "B", "C"}, {{"S1", {100000'00, 100000'00, 100000'00}}}, 1);
    auto act = make_actuals(a, {{1, 0, 250000'00}, {0, 0, 51000'00}});
    auto r = settle(a, act);
    REQUIRE(r.schemes.size() == 1);
    CHECK(r.schemes[0].budget == pence(300000'00));
    CHECK(r.schemes[0].outturn == pence(301000'00));
    CHECK(r.schemes[0].variance == pence(1000'00));
    // A: final 100,333.34; paid 100,000.00; direct 51,000.00 -> balance -50,666.66: B pays A.
    CHECK(row(r.partners[0]) == Row{100000'00, 333'34, 100333'34, 100000'00, 51000'00, -50666'66});
    // B, the host: no direct spend (its ledger is the pool's); its own balance 333.33.
    CHECK(row(r.partners[1]) == Row{100000'00, 333'33, 100333'33, 100000'00, 0, 333'33});
    CHECK(row(r.partners[2]) == Row{100000'00, 333'33, 100333'33, 100000'00, 0, 333'33});
    CHECK(transfers(r) == std::vector<T>{{1, 0, 50666'66}, {2, 1, 333'33}});
    // The pool: 300,000.00 paid + 333.33 in - 50,666.66 out + the host's 333.33 - 250,000.00 spent
    // from the host's ledger = 0 = carried forward 0 - unallocated 0.
    CHECK(r.pool_closing.is_zero());

    // C paid only 90,000.00: its balance grows by 10,000.00 to 10,333.33, and so does its transfer.
    std::vector<Money> paid{pence(100000'00), pence(100000'00), pence(90000'00)};
    auto s = settle(a, act, &paid);
    CHECK(s.partners[2].balance == pence(10333'33));
    CHECK(transfers(s) == std::vector<T>{{1, 0, 50666'66}, {2, 1, 10333'33}});
    CHECK(s.pool_closing.is_zero());
}

TEST_CASE("settlement: a fixed line the host bears beside a variable line") {
    // ICB and LA (host), basis scheme. F: 200,000 / 300,000, host bears its variance; V: 150,000 /
    // 150,000 pro rata. F spends 520,000.00 in LA's ledger (+20,000.00); V spends 100,000.00 in
    // ICB's ledger and 189,999.99 in LA's (-10,000.01, returned 1:1 -> -5,000.01 / -5,000.00).
    auto a = make_agreement({"ICB", "LA"},
                            {{"F", {200000'00, 300000'00}}, {"V", {150000'00, 150000'00}}}, 1);
    a.risk_share->basis = RiskBasis::scheme;
    a.schemes[0].overspend = rule(RuleKind::host);
    a.schemes[0].underspend = rule(RuleKind::host);
    auto act = make_actuals(a, {{1, 0, 520000'00}, {0, 1, 100000'00}, {1, 1, 189999'99}});
    auto r = settle(a, act);
    // ICB: 350,000.00 - 5,000.01 = 344,999.99; paid 350,000.00; direct 100,000.00 -> -105,000.01.
    CHECK(row(r.partners[0]) ==
          Row{350000'00, -5000'01, 344999'99, 350000'00, 100000'00, -105000'01});
    // LA: 450,000.00 + 20,000.00 - 5,000.00 = 465,000.00; paid 450,000.00 -> 15,000.00.
    CHECK(row(r.partners[1]) == Row{450000'00, 15000'00, 465000'00, 450000'00, 0, 15000'00});
    CHECK(transfers(r) == std::vector<T>{{1, 0, 105000'01}});
    // 800,000.00 paid - 105,000.01 out + 15,000.00 host - 709,999.99 spent by LA = 0.
    CHECK(r.pool_closing.is_zero());
    CHECK(r.total_variance == pence(9999'99));
    CHECK(as_pence(r.ledger_spend) == P{100000'00, 709999'99});
}

TEST_CASE("settlement: caps leave an unallocated overspend, and the pool is short by it") {
    // ICB 600,000 (cap 30,000), LA (host) 400,000 (cap 50,000); LA spends 1,100,000.00:
    // overspend 100,000.00 -> ICB 30,000.00, LA 50,000.00, 20,000.00 unallocated.
    auto a = make_agreement({"ICB", "LA"}, {{"S1", {600000'00, 400000'00}}}, 1);
    a.risk_share->caps = {pence(30000'00), pence(50000'00)};
    auto r = settle(a, make_actuals(a, {{1, 0, 1100000'00}}));
    CHECK(row(r.partners[0]) == Row{600000'00, 30000'00, 630000'00, 600000'00, 0, 30000'00});
    CHECK(row(r.partners[1]) == Row{400000'00, 50000'00, 450000'00, 400000'00, 0, 50000'00});
    CHECK(transfers(r) == std::vector<T>{{0, 1, 30000'00}});
    CHECK(r.unallocated == pence(20000'00));
    // 1,000,000.00 paid + 30,000.00 in + 50,000.00 host - 1,100,000.00 = -20,000.00.
    CHECK(r.pool_closing == pence(-20000'00));
}

TEST_CASE("settlement: carry-forward and the opening balance") {
    // Opening balance 5,000.00; underspend carried forward. LA (host) spends 987,654.32 of
    // 1,000,000.00: -12,345.68 kept; carried forward 12,345.68 + 5,000.00 = 17,345.68.
    auto a = make_agreement({"ICB", "LA"}, {{"S1", {600000'00, 400000'00}}}, 1);
    a.opening_balance = pence(5000'00);
    a.risk_share->underspend = rule(RuleKind::carry_forward);
    auto r = settle(a, make_actuals(a, {{1, 0, 987654'32}}));
    CHECK(row(r.partners[0]) == Row{600000'00, 0, 600000'00, 600000'00, 0, 0});
    CHECK(r.transfers.empty());
    CHECK(r.carried_forward == pence(17345'68));
    // 5,000.00 + 1,000,000.00 - 987,654.32 = 17,345.68.
    CHECK(r.pool_closing == pence(17345'68));

    // Opening balance 30,000.00 against an overspend of 100,000.01 (thirds, host B, all spent in
    // B's ledger): 70,000.01 shared -> 23,333.34 / 23,333.34 / 23,333.33.
    auto b = make_agreement({"A", "B", "C"}, {{"S1", {100000'00, 100000'00, 100000'00}}}, 1);
    b.opening_balance = pence(30000'00);
    auto s = settle(b, make_actuals(b, {{1, 0, 400000'01}}));
    CHECK(as_pence(s.risk.shares) == P{23333'34, 23333'34, 23333'33});
    CHECK(transfers(s) == std::vector<T>{{0, 1, 23333'34}, {2, 1, 23333'33}});
    CHECK(s.carried_forward.is_zero());
    // 30,000.00 + 300,000.00 + 46,666.67 in + 23,333.34 host - 400,000.01 = 0.
    CHECK(s.pool_closing.is_zero());
}

TEST_CASE("settlement: aligned budgets move no money; joint budgets recharge the actual share") {
    // Aligned: ICB budget 600,000.00 spends 610,000.00; LA 400,000.00 spends 390,000.50. Each bears
    // its own variance: ICB +10,000.00, LA -9,999.50; nothing paid, balances 0, no transfers.
    auto a = make_agreement({"ICB", "LA"}, {{"S1", {600000'00, 400000'00}}}, std::nullopt,
                            AgreementKind::aligned);
    auto act = make_actuals(a, {{0, 0, 610000'00}, {1, 0, 390000'50}});
    auto r = settle(a, act);
    CHECK(row(r.partners[0]) == Row{600000'00, 10000'00, 610000'00, 0, 610000'00, 0});
    CHECK(row(r.partners[1]) == Row{400000'00, -9999'50, 390000'50, 0, 390000'50, 0});
    CHECK(r.transfers.empty());
    std::vector<Money> paid{pence(1), pence(2)};
    CHECK_THROWS_AS(settle(a, act, &paid), Error);

    // Joint: LA (host) spends 1,050,000.01 of 1,000,000.00 (6:4). The charge: 105,000,001p at
    // .6/.4 = 63,000,000.6 / 42,000,000.4, the spare penny to ICB (.6): ICB 630,000.01, LA
    // 420,000.00; risk shares 30,000.01 and 20,000.00. Without a register ICB was invoiced its
    // charge: paid 630,000.01, balance 0. The host's row has no paid, direct spend or balance.
    auto j =
        make_agreement({"ICB", "LA"}, {{"S1", {600000'00, 400000'00}}}, 1, AgreementKind::joint);
    auto jact = make_actuals(j, {{1, 0, 1050000'01}});
    auto s = settle(j, jact);
    CHECK(row(s.partners[0]) == Row{600000'00, 30000'01, 630000'01, 630000'01, 0, 0});
    CHECK(row(s.partners[1]) == Row{400000'00, 20000'00, 420000'00, 0, 0, 0});
    CHECK(s.transfers.empty());
    CHECK(s.unallocated.is_zero());
    // ICB spends 50,000.00 of it itself: the same charges; it is credited, so it was invoiced
    // 630,000.01 - 50,000.00 = 580,000.01, and still nothing is left to settle.
    auto own = make_actuals(j, {{1, 0, 1000000'01}, {0, 0, 50000'00}});
    auto o = settle(j, own);
    CHECK(row(o.partners[0]) == Row{600000'00, 30000'01, 630000'01, 580000'01, 50000'00, 0});
    CHECK(o.partners[0].payments == pence(580000'01));
    CHECK(o.partners[0].outstanding.is_zero());
    CHECK(o.transfers.empty());
    // A joint partner pays invoices, not contributions: paid amounts are refused.
    std::vector<Money> jpaid{pence(600000'00), pence(420000'00)};
    CHECK_THROWS_AS(settle(j, jact, &jpaid), Error);
}

TEST_CASE("settlement: bad calls are clear errors, and the checker catches a wrong figure") {
    auto a = make_agreement({"ICB", "LA"}, {{"S1", {600000'00, 400000'00}}}, 1);
    auto act = make_actuals(a, {{1, 0, 1000100'00}});
    std::vector<Money> short_paid{pence(1)};
    CHECK_THROWS_AS(settle(a, act, &short_paid), Error);
    CHECK_THROWS_AS(settle(a, Actuals(3, 1)), Error);

    auto r = settle(a, act);
    REQUIRE(r.transfers.size() == 1);
    auto bad = r;
    bad.transfers[0].amount += pence(1);
    CHECK_THROWS_AS(check_settlement(a, act, bad), Error);
    bad = r;
    bad.partners[0].risk_share += pence(1);
    CHECK_THROWS_AS(check_settlement(a, act, bad), Error);
    bad = r;
    bad.carried_forward += pence(1);
    CHECK_THROWS_AS(check_settlement(a, act, bad), Error);
    try {
        bad = r;
        bad.pool_closing += pence(1);
        check_settlement(a, act, bad);
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::invariant);
    }
}

namespace {

// A random agreement that the loader would accept, and a random year of spending against it.
struct RandomCase {
    Agreement agreement;
    Actuals actuals;
    std::optional<std::vector<Money>> paid;
};

RandomCase random_case(std::mt19937_64& rng) {
    auto pick = [&](std::uint64_t k) { return static_cast<std::size_t>(rng() % k); };
    auto amount = [&](std::int64_t most) { return static_cast<std::int64_t>(rng() % (most + 1)); };
    // An agreement has two partners at least (SPEC §3).
    const std::size_t n = 2 + pick(4), m = 1 + pick(5);
    std::vector<std::string> ids;
    for (std::size_t p = 0; p < n; ++p)
        ids.push_back("P" + std::to_string(p));
    const bool leads = pick(10) < 7;
    std::vector<SchemeSpec> specs;
    for (std::size_t s = 0; s < m; ++s) {
        SchemeSpec spec{"S" + std::to_string(s), {}, std::nullopt};
        for (std::size_t p = 0; p < n; ++p)
            spec.contributions.push_back(pick(4) == 0 ? 0 : amount(pick(3) ? 1000000'00 : 1000));
        if (leads) spec.lead = pick(n);
        specs.push_back(spec);
    }
    const std::size_t kind_roll = pick(10);
    const AgreementKind kind = kind_roll == 0   ? AgreementKind::aligned
                               : kind_roll == 1 ? AgreementKind::joint
                                                : AgreementKind::pooled;
    std::optional<std::size_t> host;
    if (kind != AgreementKind::aligned) host = pick(n);
    Agreement a = make_agreement(ids, specs, host, kind);
    // Only a pooled fund holds a balance (SPEC §3): surpluses and deficits brought forward.
    if (kind == AgreementKind::pooled && pick(3) == 0)
        a.opening_balance = pence(pick(2) ? amount(200000'00) : -amount(200000'00));

    if (a.risk_share && kind == AgreementKind::joint) {
        // A joint budget's [risk_share] holds only caps (SPEC §3): on the charge above the
        // contribution.
        a.risk_share->caps.assign(n, std::nullopt);
        if (pick(2) == 0)
            for (auto& c : a.risk_share->caps)
                if (pick(2)) c = pence(amount(200000'00));
    } else if (a.risk_share) {
        RiskShare& rs = *a.risk_share;
        rs.basis = static_cast<RiskBasis>(pick(3));
        const bool lead_ok = leads && rs.basis != RiskBasis::pool;
        auto random_split = [&] {
            std::vector<std::pair<std::size_t, Rational>> parts;
            std::vector<long long> w(n);
            long long total = 0;
            for (auto& x : w)
                total += x = pick(3) ? 1 + amount(99) : 0;
            if (total == 0) w[pick(n)] = total = 1;
            for (std::size_t p = 0; p < n; ++p)
                if (w[p]) parts.emplace_back(p, Rational(w[p], total));
            return split(parts);
        };
        auto simple_rule = [&](bool under) {
            for (;;) {
                switch (pick(5)) {
                case 0:
                    return rule(RuleKind::contributions);
                case 1:
                    return rule(RuleKind::host);
                case 2:
                    return random_split();
                case 3:
                    if (lead_ok) return rule(RuleKind::lead);
                    break;
                default:
                    if (under) return rule(RuleKind::carry_forward);
                    break;
                }
            }
        };
        auto over_rule = [&] { return pick(3) == 0 ? rule(RuleKind::tiers) : simple_rule(false); };
        rs.overspend = over_rule();
        rs.underspend = simple_rule(true);
        const std::size_t tiers = 1 + pick(3);
        std::int64_t bound = 0;
        for (std::size_t t = 0; t < tiers; ++t) {
            bound += 1 + amount(300000'00);
            const bool open = t + 1 == tiers && pick(2);
            rs.overspend_tiers.push_back(Tier{
                open ? std::nullopt : std::optional<Money>(pence(bound)), simple_rule(false), {}});
        }
        if (pick(5) < 2) {
            rs.caps.resize(n);
            for (auto& c : rs.caps)
                if (pick(2)) c = pence(amount(200000'00));
        }
        if (rs.basis != RiskBasis::pool)
            for (auto& s : a.schemes) {
                if (pick(4) == 0) s.overspend = over_rule();
                if (pick(4) == 0) s.underspend = simple_rule(true);
            }
    }

    Actuals act(n, m);
    for (std::size_t s = 0; s < m; ++s) {
        // Around the budget: 0% .. 160% of it, in up to three ledgers, with an occasional credit.
        const std::int64_t budget = a.schemes[s].budget.pence();
        std::int64_t target = budget == 0 ? amount(5000'00) : amount(budget * 16 / 10);
        for (int k = 0, lines = 1 + static_cast<int>(pick(3)); k < lines; ++k) {
            std::int64_t part = k + 1 == lines ? target : amount(target);
            target -= part;
            act.add(PartnerIndex{pick(n)}, SchemeIndex{s}, per(1 + static_cast<int>(pick(12))),
                    pence(part));
        }
        if (pick(10) == 0)
            act.add(PartnerIndex{pick(n)}, SchemeIndex{s}, Period::nth(3), pence(-amount(1000'00)));
    }
    std::optional<std::vector<Money>> paid;
    if (kind == AgreementKind::pooled && pick(3) == 0) {
        paid.emplace();
        for (std::size_t p = 0; p < n; ++p)
            paid->push_back(pence(amount(1500000'00)));
    }
    return RandomCase{std::move(a), std::move(act), std::move(paid)};
}

} // namespace

TEST_CASE("settlement: the invariants hold over thousands of random agreements") {
    std::mt19937_64 rng(20260331);
    int with_unallocated = 0, with_carried = 0, with_caps_binding = 0, with_transfers = 0;
    for (int round = 0; round < 4000; ++round) {
        RandomCase c = random_case(rng);
        const Agreement& a = c.agreement;
        CAPTURE(round);
        SettlementResult r;
        REQUIRE_NOTHROW(r = settle(a, c.actuals, c.paid ? &*c.paid : nullptr));

        // SPEC §7: risk shares - carried forward + unallocated = variance - opening balance.
        Money shares;
        for (const auto& p : r.partners)
            shares += p.risk_share;
        CHECK(shares - r.carried_forward + r.unallocated == r.total_variance - r.opening_balance);
        // After the transfers the pool holds carried forward - unallocated (a joint budget has no
        // pool: check_joint_settlement checks what the host bears instead).
        if (a.kind != AgreementKind::joint)
            CHECK(r.pool_closing == r.carried_forward - r.unallocated);
        CHECK_FALSE(r.unallocated.is_negative());
        // No partner's net risk share is above its cap (SPEC §7); the shares are made of their
        // parts, and a deficit recovered is recovered in full unless nobody contributes.
        if (a.risk_share && a.kind == AgreementKind::pooled) {
            for (std::size_t p = 0; p < a.risk_share->caps.size(); ++p)
                if (a.risk_share->caps[p]) CHECK(r.risk.net_shares[p] <= *a.risk_share->caps[p]);
            Money recovered;
            for (std::size_t p = 0; p < r.partners.size(); ++p) {
                CHECK(r.risk.shares[p] == r.risk.deficit_recovery[p] + r.risk.overspend_shares[p] +
                                              r.risk.underspend_shares[p]);
                recovered += r.risk.deficit_recovery[p];
            }
            Money contributed;
            for (const auto& ps : r.partners)
                contributed += ps.contribution;
            if (a.opening_balance.is_negative()) {
                CHECK(r.risk.opening_applied == a.opening_balance);
                // Nobody to recover it from (no contributions at all): it is unallocated.
                if (contributed.is_zero())
                    CHECK(r.unallocated >= -a.opening_balance);
                else
                    CHECK(recovered == -a.opening_balance);
            } else {
                CHECK(recovered.is_zero());
                CHECK_FALSE(r.risk.opening_applied.is_negative());
                CHECK(r.risk.opening_applied <= a.opening_balance);
                // A surplus is used only against overspends: never more than the schemes overspent.
                Money overspent;
                for (const auto& so : r.schemes)
                    if (so.variance.is_positive()) overspent += so.variance;
                CHECK(r.risk.opening_applied <= overspent);
            }
        }
        // Transfers: positive, one per non-host partner with a balance, always with the host.
        for (const auto& t : r.transfers) {
            CHECK(t.amount.is_positive());
            CHECK((a.is_host(PartnerIndex{t.from}) || a.is_host(PartnerIndex{t.to})));
        }
        // The memorandum account adds up to the same closing balance (joint: the host's recharge
        // statement adds up to its charge + unallocated).
        if (a.kind == AgreementKind::joint) {
            JointMemorandum jm;
            REQUIRE_NOTHROW(jm = joint_memorandum(a, r));
            CHECK(jm.statement.net_cost ==
                  r.partners[to_size(*a.host)].final_share + r.unallocated);
        } else {
            Memorandum mem;
            REQUIRE_NOTHROW(mem = memorandum(a, c.actuals, r));
            CHECK(mem.account.closing_balance == r.pool_closing);
        }
        // Same inputs, same result.
        auto again = settle(a, c.actuals, c.paid ? &*c.paid : nullptr);
        for (std::size_t p = 0; p < r.partners.size(); ++p)
            CHECK(again.partners[p].balance == r.partners[p].balance);

        with_unallocated += r.unallocated.is_positive();
        with_carried += r.risk.underspend_carried.is_positive();
        with_transfers += !r.transfers.empty();
        for (const auto& s : r.risk.steps)
            with_caps_binding += s.kind == RiskStepKind::cap;
    }
    // The generator reaches every corner it is meant to.
    CHECK(with_unallocated > 50);
    CHECK(with_carried > 50);
    CHECK(with_caps_binding > 50);
    CHECK(with_transfers > 1000);
}

TEST_CASE("settlement: with a random cash register the pool still closes at carried forward - "
          "unallocated") {
    // SPEC §7: after the transfers, with the host's own balance booked as paid into the pool, the
    // pool holds exactly carried_forward - unallocated. Counted here from the register's rows
    // themselves (every contribution in, reimbursement out and settlement either way), not from
    // the settlement's own figures.
    std::mt19937_64 rng(20261202);
    auto pick = [&](std::uint64_t k) { return static_cast<std::size_t>(rng() % k); };
    auto amount = [&](std::int64_t most) {
        return static_cast<std::int64_t>(rng() % (2 * most + 1)) - most;
    };
    int pooled = 0, with_settlements = 0, with_host_rows = 0;
    for (int round = 0; round < 3000; ++round) {
        RandomCase c = random_case(rng);
        const Agreement& a = c.agreement;
        if (a.kind != AgreementKind::pooled) continue;
        ++pooled;
        CAPTURE(round);
        const std::size_t n = a.partners.size(), host = to_size(*a.host);
        CashRegister cash(n);
        int ref = 0;
        for (int k = 0, rows = static_cast<int>(pick(30)); k < rows; ++k) {
            const std::size_t p = pick(n);
            CashKind kind = std::array{CashKind::contribution, CashKind::reimbursement,
                                       CashKind::settlement}[pick(3)];
            if (p == host) kind = CashKind::contribution; // the host records only its own
            std::int64_t x = amount(800000'00);
            if (kind == CashKind::reimbursement && x < 0) x = -x;
            // Some rows are dated after 31 March (P12), as late payments are.
            const bool late = pick(5) == 0;
            const Period m = late ? Period::last() : per(1 + static_cast<int>(pick(12)));
            cash.add(CashRow{.date = late ? "2026-04-20" : "2025-06-01",
                             .ref = "R" + std::to_string(++ref),
                             .partner = p,
                             .kind = kind,
                             .amount = pence(x),
                             .period = m,
                             .note = {},
                             .where = {}});
        }
        SettlementResult r;
        REQUIRE_NOTHROW(r = settle(a, c.actuals, &cash));

        Money pool = a.opening_balance;
        bool host_rows = false;
        for (const CashRow& row : cash.rows()) {
            switch (row.kind) {
            case CashKind::contribution:
                pool += row.amount;
                host_rows = host_rows || row.partner == host;
                break;
            case CashKind::reimbursement:
                pool -= row.amount;
                break;
            case CashKind::settlement:
                pool += row.amount;
                with_settlements += 1;
                break;
            default:
                FAIL("a pooled register has only contributions, reimbursements and settlements");
            }
        }
        // The host without rows of its own paid as due (SPEC §10).
        if (!host_rows) pool += r.partners[host].contribution;
        with_host_rows += host_rows;
        for (const Transfer& t : r.transfers)
            pool += t.to == host ? t.amount : -t.amount;
        pool += r.partners[host].balance;
        pool -= r.ledger_spend[host];
        CHECK(pool == r.carried_forward - r.unallocated);
        CHECK(r.pool_closing == pool);
        // Each balance as SPEC §7 defines it, and each transfer is the balance less what was
        // settled.
        for (std::size_t p = 0; p < n; ++p) {
            const PartnerSettlement& ps = r.partners[p];
            CHECK(ps.balance == ps.final_share - ps.paid - ps.direct_spend + ps.reimbursed);
            if (p == host) continue;
            Money moved;
            for (const Transfer& t : r.transfers)
                if (t.from == p)
                    moved += t.amount;
                else if (t.to == p)
                    moved -= t.amount;
            CHECK(moved == ps.balance - ps.settled);
        }
    }
    CHECK(pooled > 500);
    CHECK(with_settlements > 500);
    CHECK(with_host_rows > 100);
}
