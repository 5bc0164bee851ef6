// Variations (SPEC §14), worked by hand on a small pooled fund, quarterly in advance:
//   partners A (nhs, host), B (local_authority); pool-level contributions A 50%, B 50%;
//   S1 12,000.00 even (1,000.00 a month): A 6,000.00, B 6,000.00;
//   S2  6,000.00 even (500.00 a month), own amounts A 4,000.00, B rest (2,000.00);
//   S3  2,400.00, weights 1 x6 then 2 x6: 240,000p x w/18 = 13,333.33 / 26,666.67; the six spare
//       pence go to the larger remainders (.67, the w=2 months): P01-P06 133.33, P07-P12 266.67
//       (799.98 + 1,600.02); A 1,200.00, B 1,200.00;
//   S5  1,200.00 even (100.00 a month): A 600.00, B 600.00.
//   Pool 21,600.00: A 11,800.00 (instalments 2,950.00 in P01, P04, P07, P10), B 9,800.00
//   (2,450.00).
// V1, effective P07 ("Cabinet 14 Oct"):
//   S1 budget 15,000.00: to P06 6,000.00, the rest 9,000.00 over P07-P12 = 1,500.00 a month;
//   S1 contributions A 60%, B rest: A 9,000.00, B 6,000.00;
//   virement S2 -> S3 600.00: S2's split 4,000 : 2,000 moves A 400.00, B 200.00; S2 5,400.00
//     (A 3,600.00, B 1,800.00), to P06 3,000.00, the rest 2,400.00 = 400.00 a month; S3 3,000.00
//     (A 1,600.00, B 1,400.00), to P06 799.98, the rest 2,200.02 over equal weights = 366.67 a
//     month;
//   add S4 900.00 from P07, pool split: A 450.00, B 450.00, 150.00 a month P07-P12;
//   close S5: its budget to date 600.00, A 300.00, B 300.00 (pool split), nothing after P06.
//   Varied pool 24,900.00: A 14,950.00, B 9,950.00. Instalments: A paid 5,900.00 by P06, the rest
//   9,050.00 over P07 and P10 = 4,525.00 each; B 4,900.00 by P06, 5,050.00 = 2,525.00 each.
#include "calc/reconciliation.hpp"
#include "calc/schedule.hpp"
#include "loaded_agreement.hpp"
#include "model/varied_agreement.hpp"
#include "money_printer.hpp"
#include "test_period.hpp"

#include <doctest/doctest.h>

#include <fmt/format.h>

#include <random>

using namespace poolkit;
using namespace poolkit::test;

namespace {

const char* base = R"(
[agreement]
id = "T-VAR"
title = "Varied fund"
kind = "pooled"
legal_basis = "NHS Act 2006 s75"
financial_year = "2025-26"
host = "A"
payment_schedule = "quarterly-in-advance"

[[partner]]
id = "A"
name = "Alpha ICB"
sector = "nhs"

[[partner]]
id = "B"
name = "Beta Council"
sector = "local_authority"

[contributions]
A = "50%"
B = "50%"

[[scheme]]
id = "S1"
name = "One"
budget = "12000.00"

[[scheme]]
id = "S2"
name = "Two"
budget = "6000.00"
contributions = { A = "4000.00", B = "rest" }

[[scheme]]
id = "S3"
name = "Three"
budget = "2400.00"
profile = [1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2]

[[scheme]]
id = "S5"
name = "Five"
budget = "1200.00"
)";

const char* v1 = R"(
[[variation]]
id = "V1"
effective = "P07"
reason = "Cabinet 14 Oct 2025"
changes = [
  { scheme = "S1", budget = "15000.00" },
  { scheme = "S1", contributions = { A = "60%", B = "rest" } },
  { virement = { from = "S2", to = "S3", amount = "600.00" } },
  { add_scheme = { id = "S4", name = "Crisis beds", budget = "900.00", lead = "A" } },
  { close_scheme = "S5" },
]
)";

Money m(std::int64_t p) {
    return Money::from_pence(p);
}

std::vector<std::string> errors_of(const std::string& text) {
    AgreementLoad l = load_agreement_text(text, "test.toml");
    std::vector<std::string> out;
    for (const auto& d : l.diagnostics.items)
        if (d.severity == Severity::error)
            out.push_back(std::to_string(d.where.line) + ": " + d.message);
    return out;
}

} // namespace

TEST_CASE("variation: the loaded agreement is as agreed; varied from P07 on") {
    const Agreement loaded = loaded_agreement(std::string(base) + v1);
    REQUIRE(loaded.schemes.size() == 5); // S4 appended after the agreed four
    CHECK(loaded.schemes[4].id == "S4");
    CHECK(loaded.schemes[4].budget == m(0));
    CHECK(loaded.variations_applied == 0);

    const Agreement p06 = as_varied(loaded, Period::nth(6));
    CHECK(p06.variations_applied == 0);
    CHECK(p06.schemes[0].budget == m(1200000));

    const Agreement a = as_varied(loaded, Period::nth(9));
    CHECK(a.variations_applied == 1);
    const Scheme &s1 = a.schemes[0], &s2 = a.schemes[1], &s3 = a.schemes[2], &s5 = a.schemes[3],
                 &s4 = a.schemes[4];
    CHECK(s1.original_budget == m(1200000));
    CHECK(s1.budget == m(1500000));
    CHECK(s1.phased[per(6)] == m(100000));
    CHECK(s1.phased[per(7)] == m(150000));
    CHECK(s1.contributions == std::vector<Money>{m(900000), m(600000)});
    CHECK(s2.budget == m(540000));
    CHECK(s2.phased[per(7)] == m(40000));
    CHECK(s2.contributions == std::vector<Money>{m(360000), m(180000)});
    CHECK(s3.budget == m(300000));
    CHECK(s3.phased[per(6)] == m(13333));
    CHECK(s3.phased[per(7)] == m(36667));
    CHECK(s3.contributions == std::vector<Money>{m(160000), m(140000)});
    CHECK(s4.budget == m(90000));
    CHECK(s4.phased[per(6)] == m(0));
    CHECK(s4.phased[per(7)] == m(15000));
    CHECK(s4.contributions == std::vector<Money>{m(45000), m(45000)});
    CHECK(s5.budget == m(60000));
    CHECK(s5.closed_from == per(7));
    CHECK(s5.phased[per(7)] == m(0));
    CHECK(s5.contributions == std::vector<Money>{m(30000), m(30000)});
    CHECK(a.total_budget() == m(2490000));
    CHECK(a.partner_contributions() == std::vector<Money>{m(1495000), m(995000)});

    const ContributionSchedule sched = build_schedule(a);
    CHECK(sched.due[0][per(4)] == m(295000));
    CHECK(sched.due[0][per(7)] == m(452500));
    CHECK(sched.due[0][per(10)] == m(452500));
    CHECK(sched.due[1][per(7)] == m(252500));
    CHECK(sched.due_to(0, 12) == m(1495000));
}

TEST_CASE("variation: a recon at P06 (before) and at P09 (after)") {
    const Agreement loaded = loaded_agreement(std::string(base) + v1);
    // S1 spends 1,050.00 a month to P06 and 1,600.00 a month from P07, all in A's ledger.
    Actuals act(loaded.partners.size(), loaded.schemes.size());
    for (Period p : Period::all())
        act.add(PartnerIndex{0}, SchemeIndex{0}, p, m(p.number() <= 6 ? 105000 : 160000));

    // P06: as agreed. S1 budget to date 6,000.00, actual 6,300.00, forecast 6,300.00 + 6,000.00 =
    // 12,300.00, a variance of 300.00 against 12,000.00. A has paid P01 and P04: 5,900.00.
    const Agreement at6 = as_varied(loaded, Period::nth(6));
    const Reconciliation r6 = reconcile(at6, act, Period::nth(6), ForecastMethod::profile);
    CHECK(r6.schemes[0].budget == m(1200000));
    CHECK(r6.schemes[0].budget_ytd == m(600000));
    CHECK(r6.schemes[0].forecast_outturn == m(1230000));
    CHECK(r6.schemes[0].forecast_variance == m(30000));
    CHECK(r6.partners[0].contribution_due_ytd == m(590000));
    CHECK(r6.partners[1].contribution_due_ytd == m(490000));

    // P09: as varied. S1 budget to date 6,000.00 + 3 x 1,500.00 = 10,500.00; actual 6,300.00 +
    // 3 x 1,600.00 = 11,100.00; forecast 11,100.00 + 3 x 1,500.00 = 15,600.00, a variance of
    // 600.00 against the latest 15,000.00. Due to P09: A 5,900.00 + 4,525.00 = 10,425.00,
    // B 4,900.00 + 2,525.00 = 7,425.00.
    const Agreement at9 = as_varied(loaded, Period::nth(9));
    const Reconciliation r9 = reconcile(at9, act, Period::nth(9), ForecastMethod::profile);
    CHECK(r9.schemes[0].budget == m(1500000));
    CHECK(r9.schemes[0].budget_ytd == m(1050000));
    CHECK(r9.schemes[0].forecast_outturn == m(1560000));
    CHECK(r9.schemes[0].forecast_variance == m(60000));
    CHECK(r9.partners[0].contribution_due_ytd == m(1042500));
    CHECK(r9.partners[1].contribution_due_ytd == m(742500));
    // The whole fund to P09: 6,000 + 4,500 (S1) + 3,000 + 1,200 (S2) + 799.98 + 1,100.01 (S3)
    // + 450 (S4) + 600 (S5) = 17,649.99.
    CHECK(r9.total.budget_ytd == m(1764999));
}

TEST_CASE("variation: last month's forecast is on last month's terms, never restated") {
    const Agreement loaded = loaded_agreement(std::string(base) + v1);
    // S1 spends 1,050.00 a month to P06 and 1,600.00 in P07, all in A's ledger; S5 (closed from
    // P07) has 40.00 in P07 and S4 (added from P07) 25.00 in P05.
    Actuals act(loaded.partners.size(), loaded.schemes.size());
    for (Period p : Period::through(Period::nth(7)))
        act.add(PartnerIndex{0}, SchemeIndex{0}, p, m(p.number() <= 6 ? 105000 : 160000));
    act.add(PartnerIndex{1}, SchemeIndex{3}, Period::nth(7), m(4000));
    act.add(PartnerIndex{0}, SchemeIndex{4}, Period::nth(5), m(2500));

    // At P07 on V1's terms: S1's forecast is 6,300.00 + 1,600.00 + 5 x 1,500.00 = 15,400.00.
    // The forecast made at P06, as the P06 statement issued it on the terms agreed then: 6,300.00
    // + 6 x 1,000.00 = 12,300.00; so the movement is 15,400.00 - 12,300.00 = 3,100.00. Worked on
    // V1's budget instead it would read 6,300.00 + 9,000.00 = 15,300.00 and a movement of 100.00:
    // a P06 figure restated.
    const Agreement at7 = as_varied(loaded, Period::nth(7));
    const Agreement at6 = as_varied_before(loaded, Period::nth(7));
    CHECK(at6.variations_applied == 0);
    const Reconciliation r = reconcile(at7, act, Period::nth(7), ForecastMethod::profile, nullptr,
                                       std::nullopt, {}, &at6);
    CHECK(r.schemes[0].forecast_outturn == m(1540000));
    CHECK(r.schemes[0].previous_forecast == m(1230000));
    CHECK(r.schemes[0].forecast_movement == m(310000));
    const Reconciliation same = reconcile(at7, act, Period::nth(7), ForecastMethod::profile);
    CHECK(same.schemes[0].previous_forecast == m(1530000));
    // Before P01 the terms are the agreement as loaded.
    CHECK(as_varied_before(loaded, Period::first()).variations_applied == 0);

    // Spending outside a scheme's life (SPEC §14) is a finding: S5's 40.00 in P07, after its
    // close, and S4's 25.00 in P05, before it was added from P07.
    REQUIRE(r.outside_term.size() == 2);
    CHECK(r.outside_term[0].scheme == SchemeIndex{3});
    CHECK(r.outside_term[0].after_close);
    CHECK(r.outside_term[0].from == Period::nth(7));
    CHECK(r.outside_term[0].lines == 1);
    CHECK(r.outside_term[0].amount == m(4000));
    CHECK(r.outside_term[1].scheme == SchemeIndex{4});
    CHECK_FALSE(r.outside_term[1].after_close);
    CHECK(r.outside_term[1].from == Period::nth(5));
    CHECK(r.outside_term[1].to == Period::nth(5));
    CHECK(r.outside_term[1].amount == m(2500));
    // At P06 S5 is not closed yet, so only S4's early spending is outside its life.
    const Reconciliation r6 = reconcile(at6, act, Period::nth(6), ForecastMethod::profile);
    REQUIRE(r6.outside_term.size() == 1);
    CHECK(r6.outside_term[0].scheme == SchemeIndex{4});
}

TEST_CASE("variation: a virement leaves the pool and each partner's total to the penny") {
    // 1,000.00 from S1 (A 50%, B 50%) to S2: A 500.00 and B 500.00 move; S1 11,000.00, S2
    // 7,000.00 (A 4,500.00, B 2,500.00); the pool stays 21,600.00, A 11,800.00, B 9,800.00.
    // A third of a penny each way: 0.01 from S3 (1,200 : 1,200) moves A 0.01 (the tie to the
    // earlier partner), B nothing.
    const Agreement a = as_varied(loaded_agreement(std::string(base) + R"(
[[variation]]
id = "V1"
effective = "2025-11"
reason = "Virement"
changes = [
  { virement = { from = "S1", to = "S2", amount = "1000.00" } },
  { virement = { from = "S3", to = "S5", amount = "0.01" } },
]
)"),
                                  Period::last());
    CHECK(a.total_budget() == m(2160000));
    CHECK(a.partner_contributions() == std::vector<Money>{m(1180000), m(980000)});
    CHECK(a.schemes[0].contributions == std::vector<Money>{m(550000), m(550000)});
    CHECK(a.schemes[1].contributions == std::vector<Money>{m(450000), m(250000)});
    CHECK(a.schemes[2].contributions == std::vector<Money>{m(119999), m(120000)});
    CHECK(a.schemes[3].contributions == std::vector<Money>{m(60001), m(60000)});
    // S1 to P07 7,000.00; the rest 4,000.00 over P08-P12 = 800.00 a month.
    CHECK(a.schemes[0].phased[per(8)] == m(80000));
    // Nothing moves between partners, so the instalments are as agreed.
    CHECK(build_schedule(a).due[0][per(10)] == m(295000));
}

TEST_CASE("variation: the rules, with the line of the change") {
    auto with = [](const std::string& v) { return errors_of(std::string(base) + v); };
    const std::string head = "\n[[variation]]\nid = \"V1\"\neffective = \"P07\"\nreason = \"r\"\n";
    // base ends on line 45: the variation's header is line 47, its `changes` line 51; a second
    // variation's header is line 53, its `changes` line 57.
    CHECK(with(head + "changes = [ { scheme = \"S1\", budget = \"5000.00\" } ]\n") ==
          std::vector<std::string>{
              "51: variation V1: the new budget leaves scheme S1 a budget of 5,000.00, below its "
              "budget to date (6,000.00 to the end of P06): a variation cannot restate the "
              "periods before it"});
    CHECK(with(head + "changes = [ { scheme = \"S1\", contributions = { A = \"60%\", B = "
                      "\"30%\" } } ]\n")
              .size() == 1);
    CHECK(with(head + "changes = [ { close_scheme = \"S9\" } ]\n") ==
          std::vector<std::string>{
              "51: variation V1 names the unknown scheme 'S9'; did you mean 'S1'?"});
    CHECK(with(head + "changes = [ { close_scheme = \"S5\" } ]\n" +
               "\n[[variation]]\nid = \"V2\"\neffective = \"P09\"\nreason = \"r\"\n" +
               "changes = [ { scheme = \"S5\", budget = \"900.00\" } ]\n") ==
          std::vector<std::string>{"57: variation V2: scheme S5 was closed from P07: a closed "
                                   "scheme cannot be changed"});
    CHECK(with(head + "changes = [ { close_scheme = \"S5\" } ]\n" +
               "\n[[variation]]\nid = \"V2\"\neffective = \"P03\"\nreason = \"r\"\n" +
               "changes = [ { close_scheme = \"S1\" } ]\n") ==
          std::vector<std::string>{"53: variation V2 is effective from P03, before variation V1 "
                                   "above it (P07): write the variations in date order"});
    // S2's stated amounts have no rest to take a change... they do (B = rest): 7,000.00 gives B
    // 3,000.00. A scheme whose amounts have no rest needs new contributions with its budget.
    CHECK(with(head + "changes = [ { scheme = \"S2\", budget = \"7000.00\" } ]\n").empty());
}

// For random variations: each scheme's phasing sums to its latest budget, the budgets to date
// before each variation are as they were, and every partner's instalments sum to its varied
// contribution (SPEC §14).
TEST_CASE("variation: random variations keep every budget and instalment whole") {
    std::mt19937 rng(20251014);
    auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    int accepted = 0;
    for (int round = 0; round < 150; ++round) {
        std::string text = base;
        int period = 1;
        const int count = pick(1, 4);
        int added = 0;
        for (int v = 0; v < count && period < 12; ++v) {
            period = pick(period + 1, 12);
            text += fmt::format("\n[[variation]]\nid = \"V{}\"\neffective = \"P{:02}\"\nreason = "
                                "\"r\"\nchanges = [\n",
                                v, period);
            const char* ids[] = {"S1", "S2", "S3"};
            for (int c = pick(1, 3); c > 0; --c) {
                const char* s = ids[pick(0, 2)];
                switch (pick(0, 3)) {
                case 0:
                    text += fmt::format("{{ scheme = \"{}\", budget = \"{}.{:02}\" }},\n", s,
                                        pick(3000, 30000), pick(0, 99));
                    break;
                case 1:
                    text += fmt::format("{{ scheme = \"{}\", contributions = {{ A = \"{}%\", B = "
                                        "\"rest\" }} }},\n",
                                        s, pick(0, 100));
                    break;
                case 2:
                    text += fmt::format("{{ virement = {{ from = \"{}\", to = \"{}\", amount = "
                                        "\"{}.{:02}\" }} }},\n",
                                        s, s == ids[0] ? "S2" : "S1", pick(1, 900), pick(0, 99));
                    break;
                default:
                    text +=
                        fmt::format("{{ add_scheme = {{ id = \"N{}\", name = \"n\", budget = "
                                    "\"{}.{:02}\", profile = [0,0,0,0,0,0,1,2,3,0,0,1] }} }},\n",
                                    added++, pick(0, 5000), pick(0, 99));
                }
            }
            text += "]\n";
        }
        AgreementLoad l = load_agreement_text(text, "random.toml");
        if (!l.agreement) continue; // a budget below its budget to date, and the like: refused
        ++accepted;
        const Agreement& loaded = *l.agreement;
        for (const Variation& v : loaded.variations) {
            const Agreement prior = as_varied(loaded, *v.effective.previous());
            const Agreement after = as_varied(loaded, v.effective);
            for (std::size_t s = 0; s < after.schemes.size(); ++s) {
                const Scheme& sc = after.schemes[s];
                Money sum;
                for (Money x : sc.phased)
                    sum += x;
                CHECK(sum == sc.budget);
                Money shares;
                for (Money x : sc.contributions)
                    shares += x;
                CHECK(shares == sc.budget);
                for (Period p : Period::first_n(v.effective.number() - 1))
                    CHECK(sc.phased[p] == prior.schemes[s].phased[p]);
            }
            const ContributionSchedule sa = build_schedule(after), sb = build_schedule(prior);
            const std::vector<Money> totals = after.partner_contributions();
            for (std::size_t p = 0; p < totals.size(); ++p) {
                CHECK(sa.due_to(p, Period::count) == totals[p]);
                CHECK(sa.due_to(p, v.effective.number() - 1) ==
                      sb.due_to(p, v.effective.number() - 1));
            }
        }
    }
    CHECK(accepted > 40);
}

TEST_CASE("variation: each entry's keys and values as read, with the line of the mistake") {
    using Errors = std::vector<std::string>;
    // base ends on line 45: the variation's header is line 47, its `id` line 48, `effective` 49,
    // `reason` 50 and `changes` 51.
    const std::string head = "\n[[variation]]\nid = \"V1\"\neffective = \"P07\"\nreason = \"r\"\n";
    auto changes = [&](const std::string& list) {
        return errors_of(std::string(base) + head + "changes = [ " + list + " ]\n");
    };
    // A virement: a table of from, to and an amount above zero, between two schemes.
    CHECK(changes("{ virement = \"S2\" }") ==
          Errors{"51: 'virement' of variation V1 must be a table such as { from = \"S04\", to = "
                 "\"S02\", amount = \"25000.00\" }, not a string"});
    CHECK(changes("{ virement = { from = \"S2\", to = \"S3\" } }") ==
          Errors{"51: the virement of variation V1 is missing the required key 'amount'"});
    CHECK(changes("{ virement = { from = \"S2\", to = \"S3\", amount = \"0.00\" } }") ==
          Errors{"51: 'amount' of the virement of variation V1 is 0.00; it must be more than "
                 "zero"});
    CHECK(changes("{ virement = { from = \"S2\", to = \"S3\", amount = \"-5.00\" } }") ==
          Errors{"51: 'amount' of the virement of variation V1 is -5.00; it must be more than "
                 "zero"});
    CHECK(changes("{ virement = { from = \"S2\", to = \"S2\", amount = \"5.00\" } }") ==
          Errors{"51: the virement of variation V1 moves budget from scheme S2 to itself: name "
                 "two schemes"});
    // An added scheme: a table with an id, a name and a budget of zero or more.
    CHECK(changes("{ add_scheme = \"S7\" }") ==
          Errors{"51: 'add_scheme' of variation V1 must be a table such as { id = \"S07\", name = "
                 "\"...\", budget = \"90000.00\" }, not a string"});
    CHECK(changes("{ add_scheme = { id = \"S7\", name = \"Seven\" } }") ==
          Errors{"51: the scheme added by variation V1 is missing the required key 'budget'"});
    CHECK(changes("{ add_scheme = { id = \"S7\", name = \"Seven\", budget = \"-1.00\" } }") ==
          Errors{"51: 'budget' of the scheme added by variation V1 is -1.00; it must be zero or "
                 "more"});
    CHECK(changes("{ add_scheme = { id = \"S7\", name = \"Seven\", budget = \"1.00\", "
                  "contributions = \"50%\" } }") ==
          Errors{"51: 'contributions' of the scheme added by variation V1 must be a table, not a "
                 "string"});
    CHECK(changes("{ add_scheme = { id = \"S7\", name = \"Seven\", budget = \"1.00\", lead = "
                  "\"Z\" } }") ==
          Errors{"51: 'lead' of the scheme added by variation V1 names the unknown partner "
                 "'Z'; did you mean 'A'?"});
    // With its own phasing, function and contributions, the added scheme is as written: 600.00
    // weighted 1 a month from P07, 100.00 a month.
    CHECK(changes("{ add_scheme = { id = \"S7\", name = \"Seven\", budget = \"600.00\", profile = "
                  "[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], function = \"Crisis beds\", "
                  "contributions = { A = \"50%\", B = \"rest\" } } }")
              .empty());
    // Any other change is a table naming its scheme with a new budget or contributions.
    CHECK(changes("\"S1\"") ==
          Errors{"51: each change of variation V1 must be a table such as { scheme = \"S01\", "
                 "budget = \"1320000.00\" }, not a string"});
    CHECK(changes("{ close_scheme = 5 }") ==
          Errors{"51: 'close_scheme' of variation V1 must be a string, not an integer"});
    const std::string needs = "51: a change of variation V1 needs a scheme with its new budget or "
                              "contributions ({ scheme = \"S01\", budget = \"...\" }), or one of "
                              "virement, add_scheme, close_scheme";
    CHECK(changes("{ scheme = \"S1\" }") == Errors{needs});
    CHECK(changes("{ budget = \"1.00\" }") == Errors{needs});
    CHECK(changes("{ scheme = 1, budget = \"13000.00\" }") ==
          Errors{"51: 'scheme' of a change of variation V1 must be a string, not an integer"});
    CHECK(changes("{ scheme = \"S1\", budget = \"-1.00\" }") ==
          Errors{"51: 'budget' of scheme S1 in variation V1 is -1.00; it must be zero or more"});
    const std::string shares = "51: 'contributions' of scheme S1 in variation V1 must be a table "
                               "of partner = share such as { ICB = \"50%\", BRISTOL = \"rest\" }";
    CHECK(changes("{ scheme = \"S1\", contributions = {} }") == Errors{shares});
    CHECK(changes("{ scheme = \"S1\", contributions = \"rest\" }") == Errors{shares});

    // The variation's own keys: an id, a reason, a period it is effective from, its changes.
    auto variation = [&](const std::string& lines) {
        return errors_of(std::string(base) + "\n[[variation]]\n" + lines);
    };
    const std::string one = "changes = [ { close_scheme = \"S5\" } ]\n";
    CHECK(variation("effective = \"P07\"\nreason = \"r\"\n" + one) ==
          Errors{"47: a [[variation]] is missing the required key 'id'"});
    CHECK(variation("id = \"V1\"\neffective = \"P07\"\n" + one) ==
          Errors{"47: variation V1 is missing the required key 'reason'"});
    CHECK(variation("id = \"V1\"\nreason = \"r\"\n" + one) ==
          Errors{"47: variation V1 is missing the required key 'effective'"});
    CHECK(variation("id = \"V1\"\neffective = \"P13\"\nreason = \"r\"\n" + one) ==
          Errors{"49: 'effective' of variation V1 is \"P13\", not a period of 2025-26: write "
                 "P01..P12 or YYYY-MM (2025-04 to 2026-03)"});
    CHECK(variation("id = \"V1\"\neffective = \"P07\"\nreason = \"r\"\n") ==
          Errors{"47: variation V1 is missing the required key 'changes'"});
    const std::string non_empty = "51: 'changes' of variation V1 must be a non-empty array of "
                                  "changes such as [ { scheme = \"S01\", budget = \"...\" } ]";
    CHECK(variation("id = \"V1\"\neffective = \"P07\"\nreason = \"r\"\nchanges = []\n") ==
          Errors{non_empty});
    CHECK(variation("id = \"V1\"\neffective = \"P07\"\nreason = \"r\"\nchanges = \"S1\"\n") ==
          Errors{non_empty});
    // Given as YYYY-MM, October 2025 is P07.
    CHECK(variation("id = \"V1\"\neffective = \"2025-10\"\nreason = \"r\"\n" + one).empty());
}
