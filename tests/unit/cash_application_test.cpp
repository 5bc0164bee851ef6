// The cash register in the statements (SPEC §6, §7, §10), worked by hand: month-end positions and
// joint invoices from the register's rows, the year-end balances and transfers net of what was
// reimbursed and settled, the balances at 31 March, and --paid as the register it stands for.
// Amounts are in pence; the comments give them in pounds.
#include "calc/cash_application.hpp"
#include "calc/reconciliation.hpp"
#include "calc/settlement.hpp"
#include "money_printer.hpp"
#include "settlement_fixture.hpp"
#include "test_period.hpp"

#include "readers/agreement_loader.hpp"
#include "readers/cash_register_reader.hpp"
#include "readers/ledger_profile.hpp"
#include "readers/ledger_reader.hpp"

#include <doctest/doctest.h>

using namespace poolkit;
using namespace poolkit::test;

namespace {

// A register of rows (partner, kind, amount in pence, period, date) for `a`.
struct R {
    std::size_t partner;
    CashKind kind;
    std::int64_t amount;
    int period;
    const char* date;
};
CashRegister reg(const Agreement& a, std::initializer_list<R> rows) {
    CashRegister cash(a.partners.size());
    int n = 0;
    for (const R& r : rows)
        cash.add(CashRow{.date = r.date,
                         .ref = "R" + std::to_string(++n),
                         .partner = r.partner,
                         .kind = r.kind,
                         .amount = pence(r.amount),
                         .period = per(r.period),
                         .note = {},
                         .where = {"cash.csv", n + 1, 0}});
    return cash;
}

constexpr auto contribution = CashKind::contribution;
constexpr auto reimbursement = CashKind::reimbursement;
constexpr auto invoice = CashKind::invoice;
constexpr auto payment = CashKind::payment;
constexpr auto settlement = CashKind::settlement;

// A, B (host), C put in 100,000.00 each to one scheme. B's ledger spends 250,000.00 and A's
// 51,000.00 on the pool's behalf: outturn 301,000.00, overspend 1,000.00 shared 333.34 / 333.33 /
// 333.33 (as settlement_test's first case).
Agreement thirds() {
    auto a = make_agreement({"A", "B", "C"}, {{"S1", {100000'00, 100000'00, 100000'00}}}, 1);
    a.year = FinancialYear::starting(2025);
    a.payment_schedule = PaymentSchedule::quarterly_in_advance;
    return a;
}
Actuals thirds_ledgers(const Agreement& a) {
    return make_actuals(a, {{1, 0, 250000'00}, {0, 0, 51000'00}});
}

} // namespace

TEST_CASE("cash: year-end with a partial reimbursement, a late contribution and a settlement") {
    auto a = thirds();
    auto act = thirds_ledgers(a);
    // A paid its four quarters and was reimbursed 30,000.00 of its 51,000.00 direct spend; C paid
    // three quarters in the year and the fourth on 20 April 2026 (after the year end: P12); the
    // host B has no contribution rows, so it paid as due.
    auto cash = reg(a, {{0, contribution, 25000'00, 1, "2025-04-10"},
                        {0, contribution, 25000'00, 4, "2025-07-10"},
                        {0, contribution, 25000'00, 7, "2025-10-10"},
                        {0, contribution, 25000'00, 10, "2026-01-10"},
                        {0, reimbursement, 10000'00, 4, "2025-07-25"},
                        {0, reimbursement, 20000'00, 10, "2026-01-25"},
                        {2, contribution, 25000'00, 1, "2025-04-10"},
                        {2, contribution, 25000'00, 4, "2025-07-10"},
                        {2, contribution, 25000'00, 7, "2025-10-10"},
                        {2, contribution, 25000'00, 12, "2026-04-20"}});
    auto r = settle(a, act, &cash);
    CHECK(r.cash == CashSource::cash_register);
    // A: balance = final 100,333.34 - paid 100,000.00 - direct 51,000.00 + reimbursed 30,000.00 =
    // -20,666.66: the host pays A 20,666.66 (not the 50,666.66 of the assumed cash).
    CHECK(r.partners[0].paid == pence(100000'00));
    CHECK(r.partners[0].reimbursed == pence(30000'00));
    CHECK(r.partners[0].balance == pence(-20666'66));
    // B, the host, paid as due: its own balance 100,333.33 - 100,000.00 = 333.33.
    CHECK(r.partners[1].paid == pence(100000'00));
    CHECK(r.partners[1].balance == pence(333'33));
    // C paid all 100,000.00 by the time of the settlement: balance 333.33.
    CHECK(r.partners[2].paid == pence(100000'00));
    CHECK(r.partners[2].balance == pence(333'33));
    REQUIRE(r.transfers.size() == 2);
    CHECK(r.transfers[0].from == 1);
    CHECK(r.transfers[0].to == 0);
    CHECK(r.transfers[0].amount == pence(20666'66));
    CHECK(r.transfers[1].from == 2);
    CHECK(r.transfers[1].amount == pence(333'33));
    // At 31 March C had not paid its last 25,000.00: it owed 333.33 + 25,000.00 = 25,333.33 (the
    // host's debtor, C's creditor); the host owed A 20,666.66.
    CHECK(r.partners[0].at_year_end == pence(-20666'66));
    CHECK(r.partners[2].at_year_end == pence(25333'33));
    // The pool: paid 300,000.00 - reimbursed 30,000.00 + 333.33 in - 20,666.66 out + the host's
    // 333.33 - 250,000.00 spent by the host = 0.00 = carried forward - unallocated.
    CHECK(r.pool_closing.is_zero());

    // The host paid A 10,000.00 on account on 30 April 2026 (a settlement row, P12): the transfer
    // is what is left, 20,666.66 - 10,000.00 = 10,666.66; the balance at 31 March is unchanged
    // (the money moved after it).
    auto cash2 = reg(a, {{0, contribution, 100000'00, 1, "2025-04-10"},
                         {0, reimbursement, 30000'00, 10, "2026-01-25"},
                         {0, settlement, -10000'00, 12, "2026-04-30"},
                         {2, contribution, 100000'00, 1, "2025-04-10"}});
    auto s = settle(a, act, &cash2);
    CHECK(s.partners[0].balance == pence(-20666'66));
    CHECK(s.partners[0].settled == pence(-10000'00));
    CHECK(s.transfers[0].amount == pence(10666'66));
    CHECK(s.partners[0].at_year_end == pence(-20666'66));
    CHECK(s.partners[2].at_year_end == pence(333'33));
    CHECK(s.pool_closing.is_zero());

    // A settlement row dated within the year has cleared that much by 31 March: A -20,666.66 +
    // 10,000.00 = -10,666.66 then.
    auto cash3 = reg(a, {{0, contribution, 100000'00, 1, "2025-04-10"},
                         {0, reimbursement, 30000'00, 10, "2026-01-25"},
                         {0, settlement, -10000'00, 12, "2026-03-30"},
                         {2, contribution, 100000'00, 1, "2025-04-10"}});
    CHECK(settle(a, act, &cash3).partners[0].at_year_end == pence(-10666'66));
}

TEST_CASE("cash: --paid gives the same figures as a register of contribution rows") {
    auto a = thirds();
    auto act = thirds_ledgers(a);
    // C paid only 90,000.00: its balance 100,333.33 - 90,000.00 = 10,333.33.
    std::vector<Money> paid{pence(100000'00), pence(100000'00), pence(90000'00)};
    auto from_paid = settle(a, act, &paid);
    // The same payments as rows through the year, the host's included.
    auto cash = reg(a, {{0, contribution, 25000'00, 1, "2025-04-02"},
                        {0, contribution, 75000'00, 7, "2025-10-02"},
                        {1, contribution, 100000'00, 1, "2025-04-01"},
                        {2, contribution, 30000'00, 1, "2025-04-03"},
                        {2, contribution, 30000'00, 4, "2025-07-03"},
                        {2, contribution, 30000'00, 9, "2025-12-03"}});
    auto from_register = settle(a, act, &cash);
    CHECK(from_paid.cash == CashSource::paid_file);
    REQUIRE(from_paid.partners.size() == from_register.partners.size());
    for (std::size_t p = 0; p < a.partners.size(); ++p) {
        CAPTURE(p);
        const auto &x = from_paid.partners[p], &y = from_register.partners[p];
        CHECK(x.paid == y.paid);
        CHECK(x.reimbursed == y.reimbursed);
        CHECK(x.balance == y.balance);
        CHECK(x.at_year_end == y.at_year_end);
    }
    CHECK(from_paid.partners[2].balance == pence(10333'33));
    CHECK(from_register.partners[2].balance == pence(10333'33));
    REQUIRE(from_paid.transfers.size() == from_register.transfers.size());
    for (std::size_t t = 0; t < from_paid.transfers.size(); ++t)
        CHECK(from_paid.transfers[t].amount == from_register.transfers[t].amount);
    // A -50,666.66 (no reimbursement), C pays 10,333.33.
    CHECK(from_register.transfers[0].amount == pence(50666'66));
    CHECK(from_register.transfers[1].amount == pence(10333'33));
    CHECK(from_paid.pool_closing == from_register.pool_closing);
}

TEST_CASE("cash: month-end positions of a pooled fund from the register") {
    auto a = thirds();
    // P06: quarterly in advance, each 100,000.00 in four instalments of 25,000.00: due to P06
    // 50,000.00 each. A's ledger has 51,000.00 in P02, B's 250,000.00 in P03.
    Actuals act(3, 1);
    act.add(PartnerIndex{0}, SchemeIndex{0}, Period::nth(2), pence(51000'00));
    act.add(PartnerIndex{1}, SchemeIndex{0}, Period::nth(3), pence(250000'00));
    auto assumed = reconcile(a, act, Period::nth(6), ForecastMethod::profile);
    CHECK(assumed.cash == CashSource::assumed);
    // Assumed: A received as due, nothing reimbursed: (50,000 - 50,000) - (51,000 - 0) =
    // -51,000.00, owed by the host.
    CHECK(assumed.partners[0].received_ytd == pence(50000'00));
    CHECK(assumed.partners[0].position == pence(-51000'00));
    CHECK(assumed.partners[2].position.is_zero());
    // The register: A paid Q1 only and was reimbursed 40,000.00 in P04; C paid Q1 and Q2, Q2
    // late (in P05); a row of P07 is after the period and not counted; the host has none.
    auto cash = reg(a, {{0, contribution, 25000'00, 1, "2025-04-10"},
                        {0, reimbursement, 40000'00, 4, "2025-07-25"},
                        {2, contribution, 25000'00, 1, "2025-04-10"},
                        {2, contribution, 25000'00, 5, "2025-08-28"},
                        {2, contribution, 25000'00, 7, "2025-10-01"}});
    auto r = reconcile(a, act, Period::nth(6), ForecastMethod::profile, &cash);
    CHECK(r.cash == CashSource::cash_register);
    // A: (50,000.00 - 25,000.00) - (51,000.00 - 40,000.00) = 25,000 - 11,000 = 14,000.00: A owes
    // the host.
    CHECK(r.partners[0].received_ytd == pence(25000'00));
    CHECK(r.partners[0].reimbursed_ytd == pence(40000'00));
    CHECK(r.partners[0].position == pence(14000'00));
    // B, the host, without rows: received as due, 50,000.00; position 0.
    CHECK(r.partners[1].received_ytd == pence(50000'00));
    CHECK(r.partners[1].position.is_zero());
    // C: 50,000.00 due, 50,000.00 received to P06 (the P07 row not yet): position 0.
    CHECK(r.partners[2].received_ytd == pence(50000'00));
    CHECK(r.partners[2].position.is_zero());
    // At P04 C had paid only Q1 of the 50,000.00 due: it owes 25,000.00.
    auto p4 = reconcile(a, act, Period::nth(4), ForecastMethod::profile, &cash);
    CHECK(p4.partners[2].position == pence(25000'00));
}

TEST_CASE("cash: a joint line back-dated into an invoiced month is billed on the next invoice") {
    // A (host), B, C; S1: A 6,000.00, B 3,000.00, C 3,000.00; S2: 1,000.00 each; recharge of
    // actual spending. Ledgers: A's S1 P01 900.00, P02 1,100.00, P03 1,300.00; B's S2 P02 400.00;
    // C's S2 P03 -50.00.
    auto a = make_agreement({"A", "B", "C"},
                            {{"S1", {600000, 300000, 300000}}, {"S2", {100000, 100000, 100000}}}, 0,
                            AgreementKind::joint);
    a.year = FinancialYear::starting(2025);
    Actuals act(3, 2);
    act.add(PartnerIndex{0}, SchemeIndex{0}, Period::nth(1), pence(90000));
    act.add(PartnerIndex{0}, SchemeIndex{0}, Period::nth(2), pence(110000));
    act.add(PartnerIndex{0}, SchemeIndex{0}, Period::nth(3), pence(130000));
    act.add(PartnerIndex{1}, SchemeIndex{1}, Period::nth(2), pence(40000));
    act.add(PartnerIndex{2}, SchemeIndex{1}, Period::nth(3), pence(-5000));
    // The invoices raised at the time: P01 S1 900.00 -> B, C 225.00 each. P02 S1 2,000.00 -> 500.00
    // each, S2 400.00 -> 133.34 / 133.33 / 133.33: B 633.33 - own 400.00 - 225.00 = 8.33; C 633.33
    // - 225.00 = 408.33. B paid its P01 invoice in P02.
    auto cash = reg(a, {{1, invoice, 22500, 1, "2025-05-05"},
                        {2, invoice, 22500, 1, "2025-05-05"},
                        {1, invoice, 833, 2, "2025-06-05"},
                        {2, invoice, 40833, 2, "2025-06-05"},
                        {1, payment, 22500, 2, "2025-05-30"}});
    // Then the host posts 600.00 on S1 back-dated into P01.
    act.add(PartnerIndex{0}, SchemeIndex{0}, Period::nth(1), pence(60000));
    // P03: S1 3,900.00 -> B, C 975.00; S2 350.00 -> 116.67 / 116.67 / 116.66. B's charge 1,091.67,
    // C's 1,091.66.
    auto with = reconcile(a, act, Period::nth(3), ForecastMethod::profile, &cash);
    const auto& inv = with.joint->invoices;
    REQUIRE(inv.size() == 2);
    CHECK_FALSE(with.joint->invoiced_before_recomputed);
    // B: 1,091.67 - 400.00 - invoiced before 233.33 = 458.34, of which 150.00 is its quarter of the
    // back-dated 600.00.
    CHECK(inv[0].charge_to_date == pence(109167));
    CHECK(inv[0].invoiced_before == pence(23333));
    CHECK(inv[0].amount == pence(45834));
    // C: 1,091.66 + 50.00 - 633.33 = 508.33.
    CHECK(inv[1].amount == pence(50833));
    // The partner table: B invoiced to date 233.33 + 458.34 = 691.67, paid 225.00, outstanding
    // 466.67; C paid nothing, outstanding 1,141.66.
    CHECK(with.joint->partners[1].invoiced_to_date == pence(69167));
    CHECK(with.joint->partners[1].paid == pence(22500));
    CHECK(with.joint->partners[1].outstanding == pence(46667));
    CHECK(with.joint->partners[2].outstanding == pence(114166));
    // Without the register the invoices before are recomputed from today's ledgers: B's charge to
    // P02 is now 650.00 + 133.33 = 783.33, less 400.00 own = 383.33, so the P03 invoice is only
    // 308.34 and the 150.00 is never billed; C's 358.33 likewise.
    auto without = reconcile(a, act, Period::nth(3), ForecastMethod::profile);
    CHECK(without.joint->invoiced_before_recomputed);
    CHECK(without.joint->invoices[0].amount == pence(30834));
    CHECK(without.joint->invoices[1].amount == pence(35833));
    CHECK(inv[0].amount - without.joint->invoices[0].amount == pence(15000));

    // The year end on the register: B was invoiced 233.33 + a P03 invoice of 458.34 and paid
    // 225.00 and then settled 300.00 on 15 April 2026; no more spending after P03. Its charge
    // 1,091.67 - own 400.00 - invoiced 691.67 = 0.00 balance; outstanding 466.67; it has settled
    // 300.00 more than its balance, so the host pays it back 300.00. At 31 March it owed the host
    // its unpaid invoices, 466.67 (the settlement came after).
    auto year = reg(a, {{1, invoice, 22500, 1, "2025-05-05"},
                        {1, invoice, 833, 2, "2025-06-05"},
                        {1, invoice, 45834, 3, "2025-07-05"},
                        {1, payment, 22500, 2, "2025-05-30"},
                        {1, settlement, 30000, 12, "2026-04-15"},
                        {2, invoice, 114166, 3, "2025-07-05"}});
    auto s = settle(a, act, &year);
    const auto& b = s.partners[1];
    CHECK(b.final_share == pence(109167));
    CHECK(b.paid == pence(69167));
    CHECK(b.balance.is_zero());
    CHECK(b.payments == pence(22500));
    CHECK(b.outstanding == pence(46667));
    CHECK(b.settled == pence(30000));
    CHECK(b.at_year_end == pence(46667));
    REQUIRE(s.transfers.size() == 1); // C: charge 1,091.66 + 50.00 - 1,141.66 = 0.00
    CHECK(s.transfers[0].from == 0);
    CHECK(s.transfers[0].to == 1);
    CHECK(s.transfers[0].amount == pence(30000));
}

TEST_CASE("cash: paid_register is one P01 contribution row a partner") {
    auto a = thirds();
    std::vector<Money> paid{pence(1), pence(0), pence(-3)};
    CashRegister cash = paid_register(a, paid, "paid.csv");
    CHECK(cash.rows().size() == 3);
    CHECK(received_to(cash, 2, Period::first()) == pence(-3));
    CHECK(cash.has_rows(CashKind::contribution, 1)); // the host's 0.00 is a row: paid nothing
    CHECK(contributions_paid(a, cash, 1, Period::last(), pence(100)).is_zero());
    CHECK_THROWS_AS(paid_register(a, std::vector<Money>{pence(1)}, "paid.csv"), Error);
}

TEST_CASE("cash: the BNSSG example's P06 positions with and without its register") {
    // examples/bnssg-children at P06 September 2025. Quarterly in advance, so due to P06 is two
    // quarters: ICB 2 × 355,000.00 = 710,000.00; NSOMERSET and SGLOS 2 × 107,500.00 = 215,000.00.
    // Direct spend in their own ledgers to P06 (pool-recon's ledger figures, the same with either
    // cash): ICB 495,331.41 (Q1 233,609.83 + Q2 261,721.58), NSOMERSET 36,879.76, SGLOS 316,789.81
    // (Q1 215,143.20 + Q2 101,646.61).
    const std::string dir = POOLKIT_SOURCE_DIR "/examples/bnssg-children/";
    AgreementLoad load = load_agreement(dir + "agreement.toml");
    REQUIRE(load.agreement);
    const Agreement& a = *load.agreement;
    std::vector<LedgerSpec> specs;
    for (auto [file, profile] :
         {std::pair{"icb.csv", "config/ledger-profiles/icb-oracle.toml"},
          std::pair{"bristol.csv", "config/ledger-profiles/bristol-agresso.toml"},
          std::pair{"nsomerset.csv", ""}, std::pair{"sglos.csv", ""}}) {
        LedgerSpec s;
        s.path = dir + "ledgers-2025-26/" + file;
        if (*profile)
            s.profile = load_ledger_profile(POOLKIT_SOURCE_DIR "/" + std::string(profile)).profile;
        specs.push_back(s);
    }
    LedgerRun run = read_ledgers(&a, specs);
    REQUIRE(run.control.lines_rejected == 0);
    CashRegisterRead cash = read_cash_register(a, dir + "cash.csv");
    REQUIRE(cash.rejects.empty());

    enum { icb, bristol, nsomerset, sglos };
    // Without a register: received as due, nothing reimbursed, so each position is minus its
    // direct spend: the host owes ICB 495,331.41, NSOMERSET 36,879.76 and SGLOS 316,789.81.
    auto assumed = reconcile(a, *run.actuals, Period::nth(6), ForecastMethod::profile);
    CHECK(assumed.partners[icb].received_ytd == pence(710000'00));
    CHECK(assumed.partners[icb].position == pence(-495331'41));
    CHECK(assumed.partners[bristol].position.is_zero());
    CHECK(assumed.partners[nsomerset].position == pence(-36879'76));
    CHECK(assumed.partners[sglos].position == pence(-316789'81));

    // With cash.csv: ICB received 710,000.00 and was reimbursed Q1 (233,609.83, in July; Q2's came
    // in October): (710,000.00 - 710,000.00) - (495,331.41 - 233,609.83) = -261,721.58.
    // NSOMERSET paid Q1 only by P06 (Q2 came on 6 October): (215,000.00 - 107,500.00) - 36,879.76
    // = 70,620.24, owed to the host. SGLOS paid both quarters and was reimbursed Q1 215,143.20:
    // -(316,789.81 - 215,143.20) = -101,646.61. BRISTOL, the host, has no rows: received as due.
    auto r = reconcile(a, *run.actuals, Period::nth(6), ForecastMethod::profile, &cash.cash);
    CHECK(r.partners[icb].received_ytd == pence(710000'00));
    CHECK(r.partners[icb].reimbursed_ytd == pence(233609'83));
    CHECK(r.partners[icb].position == pence(-261721'58));
    CHECK(r.partners[bristol].received_ytd == pence(410000'00));
    CHECK(r.partners[bristol].position.is_zero());
    CHECK(r.partners[nsomerset].received_ytd == pence(107500'00));
    CHECK(r.partners[nsomerset].position == pence(70620'24));
    CHECK(r.partners[sglos].reimbursed_ytd == pence(215143'20));
    CHECK(r.partners[sglos].position == pence(-101646'61));
    // The risk share does not depend on the cash.
    for (std::size_t p = 0; p < a.partners.size(); ++p)
        CHECK(r.partners[p].forecast_risk_share == assumed.partners[p].forecast_risk_share);
}
