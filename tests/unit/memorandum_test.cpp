// The memorandum account and the partner note (SPEC §7), worked by hand from settlements.
#include "calc/memorandum.hpp"
#include "settlement_fixture.hpp"

#include <doctest/doctest.h>

using namespace poolkit;
using namespace poolkit::test;

namespace {

struct Note {
    std::int64_t funding, expenditure, surplus, movement; // surplus: + surplus, - deficit
    bool operator==(const Note&) const = default;
};
std::vector<Note> notes(const Memorandum& m) {
    std::vector<Note> out;
    for (const auto& n : m.notes)
        out.push_back({n.funding_provided.pence(), n.expenditure_share.pence(),
                       n.surplus_share.pence(), n.reserve_movement.pence()});
    return out;
}

} // namespace

TEST_CASE("memorandum: a deficit met by the partners") {
    // The fixed/variable example of settlement_test: ICB 350,000.00 and LA (host) 450,000.00 in;
    // F spends 520,000.00 (LA's ledger), V 289,999.99 (100,000.00 ICB's, 189,999.99 LA's).
    auto a = make_agreement({"ICB", "LA"},
                            {{"F", {200000'00, 300000'00}}, {"V", {150000'00, 150000'00}}}, 1);
    a.risk_share->basis = RiskBasis::scheme;
    a.schemes[0].overspend = rule(RuleKind::host);
    a.schemes[0].underspend = rule(RuleKind::host);
    auto act = make_actuals(a, {{1, 0, 520000'00}, {0, 1, 100000'00}, {1, 1, 189999'99}});
    auto m = memorandum(a, act, settle(a, act));
    const auto& acc = m.account;
    CHECK(acc.opening_balance.is_zero());
    CHECK(as_pence(acc.contributions) == P{350000'00, 450000'00});
    CHECK(acc.total_contributions == pence(800000'00));
    CHECK(as_pence(acc.expenditure_by_scheme) == P{520000'00, 289999'99});
    CHECK(as_pence(acc.expenditure_by_ledger) == P{100000'00, 709999'99});
    CHECK(acc.total_expenditure == pence(809999'99));
    // Deficit 800,000.00 - 809,999.99 = -9,999.99; met by ICB -5,000.01 (it gets V's return) and
    // LA +15,000.00: closing 0 - 9,999.99 - 5,000.01 + 15,000.00 = 0.
    CHECK(acc.surplus == pence(-9999'99));
    CHECK(as_pence(acc.allocation) == P{-5000'01, 15000'00});
    CHECK(acc.closing_balance.is_zero());
    // No movement in the pool's balance: each partner's share of expenditure is its final share.
    CHECK(notes(m) == std::vector<Note>{{350000'00, 344999'99, 5000'01, 0},
                                        {450000'00, 465000'00, -15000'00, 0}});
}

TEST_CASE("memorandum: a surplus carried forward on top of an opening balance") {
    // ICB 600,000.00, LA (host) 400,000.00; opening balance 5,000.00; LA spends 987,654.32;
    // the underspend 12,345.68 is carried forward: closing 17,345.68.
    auto a = make_agreement({"ICB", "LA"}, {{"S1", {600000'00, 400000'00}}}, 1);
    a.opening_balance = pence(5000'00);
    a.risk_share->underspend = rule(RuleKind::carry_forward);
    auto act = make_actuals(a, {{1, 0, 987654'32}});
    auto m = memorandum(a, act, settle(a, act));
    CHECK(m.account.surplus == pence(12345'68));
    CHECK(as_pence(m.account.allocation) == P{0, 0});
    CHECK(m.account.carried_forward == pence(17345'68));
    CHECK(m.account.closing_balance == pence(17345'68));
    // The balance grew by 12,345.68 = 1,234,568p, attributed 6:4: 740,740.8 / 493,827.2, the spare
    // penny to ICB (.8): 7,407.41 / 4,938.27. Shares of expenditure: 600,000.00 - 7,407.41 =
    // 592,592.59 and 400,000.00 - 4,938.27 = 395,061.73; together 987,654.32, the expenditure.
    CHECK(notes(m) == std::vector<Note>{{600000'00, 592592'59, 7407'41, 7407'41},
                                        {400000'00, 395061'73, 4938'27, 4938'27}});
}

TEST_CASE("memorandum: an unallocated overspend leaves the pool in deficit") {
    // ICB 600,000.00 (cap 30,000.00), LA (host) 400,000.00 (cap 50,000.00); spend 1,100,000.00.
    auto a = make_agreement({"ICB", "LA"}, {{"S1", {600000'00, 400000'00}}}, 1);
    a.risk_share->caps = {pence(30000'00), pence(50000'00)};
    auto act = make_actuals(a, {{1, 0, 1100000'00}});
    auto m = memorandum(a, act, settle(a, act));
    // Deficit 100,000.00; partners meet 80,000.00; 20,000.00 unallocated: closing -20,000.00.
    CHECK(m.account.surplus == pence(-100000'00));
    CHECK(m.account.unallocated == pence(20000'00));
    CHECK(m.account.closing_balance == pence(-20000'00));
    // The -20,000.00 movement 6:4: -12,000.00 / -8,000.00. Shares of expenditure 630,000.00 +
    // 12,000.00 = 642,000.00 and 450,000.00 + 8,000.00 = 458,000.00: together 1,100,000.00.
    CHECK(notes(m) == std::vector<Note>{{600000'00, 642000'00, -42000'00, -12000'00},
                                        {400000'00, 458000'00, -58000'00, -8000'00}});
}

TEST_CASE("memorandum: a deficit brought forward recovered, shown in the account and the note") {
    // ICB 600,000.00, LA (host) 400,000.00; deficit brought forward -10,000.00; spend exactly the
    // budget, 1,000,000.00 (LA's ledger). The deficit is recovered 6:4: ICB 6,000.00, LA 4,000.00
    // (their risk shares); nothing else to share. Account: -10,000.00 + 1,000,000.00 -
    // 1,000,000.00 + 10,000.00 = 0.00 closing.
    auto a = make_agreement({"ICB", "LA"}, {{"S1", {600000'00, 400000'00}}}, 1);
    a.opening_balance = pence(-10000'00);
    auto act = make_actuals(a, {{1, 0, 1000000'00}});
    auto r = settle(a, act);
    auto m = memorandum(a, act, r);
    CHECK(as_pence(m.account.allocation) == P{6000'00, 4000'00});
    CHECK(m.account.opening_applied == pence(-10000'00));
    CHECK(m.account.surplus.is_zero());
    CHECK(m.account.closing_balance.is_zero());
    // Movement on the balance: -10,000.00 brought forward, +10,000.00 recovered, 0.00 kept, 0.00
    // unallocated = 0.00. The +10,000.00 movement is attributed 6:4 = the recoveries, so each
    // partner's share of expenditure is exactly its contribution and its surplus share 0.00:
    // risk share = movement - surplus share = 6,000.00 and 4,000.00.
    CHECK(notes(m) == std::vector<Note>{{600000'00, 600000'00, 0, 6000'00},
                                        {400000'00, 400000'00, 0, 4000'00}});
    CHECK(m.notes[0].risk_share == r.partners[0].risk_share);
    CHECK(m.notes[1].risk_share == r.partners[1].risk_share);
}
