// The agreement loader (SPEC §3): the bundled example resolved to the penny, contribution and
// phasing rules (SPEC §2 allocation), money values in TOML, and every error reported in one run.
#include "readers/agreement_loader.hpp"
#include "support/error.hpp"
#include "test_period.hpp"

#include <doctest/doctest.h>

#include <array>
#include <string>
#include <type_traits>
#include <vector>

using namespace poolkit;

namespace {

Money pence(std::int64_t p) {
    return Money::from_pence(p);
}
Money pounds(std::int64_t p) {
    return Money::from_pence(p * 100);
}

std::vector<Money> pounds_list(std::initializer_list<std::int64_t> xs) {
    std::vector<Money> out;
    for (auto x : xs)
        out.push_back(pounds(x));
    return out;
}

// A small valid agreement; `schemes` and `extra` are appended (TOML allows tables in any order).
std::string base(const std::string& schemes, const std::string& contributions = "ICB = \"50%\"\n"
                                                                                "LA = \"50%\"\n") {
    return "[agreement]\n"
           "id = \"T\"\n"
           "title = \"Test\"\n"
           "kind = \"pooled\"\n"
           "legal_basis = \"NHS Act 2006 s75\"\n"
           "financial_year = \"2025-26\"\n"
           "host = \"LA\"\n"
           "\n"
           "[[partner]]\n"
           "id = \"ICB\"\n"
           "name = \"Test ICB\"\n"
           "sector = \"nhs\"\n"
           "\n"
           "[[partner]]\n"
           "id = \"LA\"\n"
           "name = \"Test Council\"\n"
           "sector = \"local_authority\"\n"
           "\n"
           "[[partner]]\n"
           "id = \"LA2\"\n"
           "name = \"Second Council\"\n"
           "sector = \"local_authority\"\n"
           "\n"
           "[contributions]\n" +
           contributions + "\n" + schemes;
}

std::string messages(const AgreementLoad& l) {
    std::string out;
    for (const auto& d : l.diagnostics.items)
        out += d.formatted() + "\n";
    return out;
}

} // namespace

TEST_CASE("agreement loader: examples/bnssg-children resolves to the penny") {
    AgreementLoad l = load_agreement(POOLKIT_SOURCE_DIR "/examples/bnssg-children/agreement.toml");
    INFO(messages(l));
    REQUIRE(l.agreement);
    CHECK(l.diagnostics.items.empty());
    const Agreement& a = *l.agreement;
    CHECK(a.id == "BNSSG-CYP-2025");
    CHECK(a.kind == AgreementKind::pooled);
    CHECK(a.year.start_year() == 2025);
    REQUIRE(a.host);
    CHECK(a.partner(*a.host).id == "BRISTOL");
    CHECK(a.payment_schedule == PaymentSchedule::quarterly_in_advance);
    REQUIRE(a.partners.size() == 4);
    REQUIRE(a.schemes.size() == 6);

    // S01: the pool split 40/30/15/15 of 1,200,000.00 = 480,000 / 360,000 / 180,000 / 180,000.
    CHECK(a.schemes[0].contributions == pounds_list({480000, 360000, 180000, 180000}));
    // S02: 40/30/15/15 of 400,000.00 = 160,000 / 120,000 / 60,000 / 60,000.
    CHECK(a.schemes[1].contributions == pounds_list({160000, 120000, 60000, 60000}));
    // S03: its own 70/10/10/10 of 650,000.00 = 455,000 / 65,000 x 3.
    CHECK(a.schemes[2].contributions == pounds_list({455000, 65000, 65000, 65000}));
    // S06: ICB 25,000, NSOMERSET 12,500, SGLOS 12,500; BRISTOL "rest" = 100,000 - 50,000 = 50,000.
    CHECK(a.schemes[5].contributions == pounds_list({25000, 50000, 12500, 12500}));
    // Partner totals: ICB 480+160+455+180+120+25 = 1,420k; BRISTOL 360+120+65+135+90+50 = 820k;
    // NSOMERSET and SGLOS 180+60+65+67.5+45+12.5 = 430k; together the 3,100,000.00 of budgets.
    CHECK(a.partner_contributions() == pounds_list({1420000, 820000, 430000, 430000}));
    CHECK(a.total_budget() == pounds(3100000));

    // S02's weights 6,7,8,9,9,9,9,9,9,9,8,8 sum to 100: 400,000.00 x w/100 = 4,000 x w, exact.
    std::array<Money, 12> s02{};
    const int w[12] = {6, 7, 8, 9, 9, 9, 9, 9, 9, 9, 8, 8};
    for (int i = 0; i < 12; ++i)
        s02[i] = pounds(4000 * w[i]);
    CHECK(a.schemes[1].phased == s02);
    // S03 even: 65,000,000p / 12 = 5,416,666.67p; floors 5,416,666 x 12 = 64,999,992p, and the 8
    // pence left go to P01..P08 (equal remainders, ties to the earlier period).
    for (int i = 0; i < 12; ++i)
        CHECK(a.schemes[2].phased.at(i) == pence(i < 8 ? 5416667 : 5416666));
    // S06 even: 10,000,000p / 12 = 833,333.33p; 4 pence left go to P01..P04.
    for (int i = 0; i < 12; ++i)
        CHECK(a.schemes[5].phased.at(i) == pence(i < 4 ? 833334 : 833333));
    // S05's amounts as written; August (P05) nothing.
    CHECK(a.schemes[4].phased.at(4) == Money{});
    CHECK(a.schemes[4].phased.at(11) == pounds(32500));

    // The risk share: tiers up to 150,000 by contributions then a split; NSOMERSET capped.
    REQUIRE(a.risk_share);
    CHECK(a.risk_share->overspend.kind == RuleKind::tiers);
    REQUIRE(a.risk_share->overspend_tiers.size() == 2);
    CHECK(a.risk_share->overspend_tiers[0].upto == pounds(150000));
    CHECK(!a.risk_share->overspend_tiers[1].upto);
    CHECK(a.risk_share->overspend_tiers[1].rule.split.size() == 4);
    CHECK(a.risk_share->caps[2] == pounds(60000));
    CHECK(!a.risk_share->caps[0]);
    CHECK(a.monitoring.amber == Rational(2, 100));
}

TEST_CASE("agreement loader: phasing gives the spare penny to the largest remainder") {
    // 100p over weights 1,2,4 (sum 7): 14.29, 28.57, 57.14 -> floors 14+28+57 = 99; the spare
    // penny goes to the largest remainder, P02's 0.57: 14, 29, 57.
    auto l = load_agreement_text(base("[[scheme]]\nid = \"S1\"\nname = \"One\"\nbudget = "
                                      "\"1.00\"\nprofile = [1, 2, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0]\n"),
                                 "t.toml");
    INFO(messages(l));
    REQUIRE(l.agreement);
    const auto& ph = l.agreement->schemes[0].phased;
    CHECK(ph.at(0) == pence(14));
    CHECK(ph.at(1) == pence(29));
    CHECK(ph.at(2) == pence(57));
    for (int i = 3; i < 12; ++i)
        CHECK(ph.at(i) == Money{});
}

TEST_CASE("agreement loader: percentages are an allocation of the budget") {
    // 10p at 33.34/33.33/33.33%: 3.334, 3.333, 3.333 -> 3+3+3 = 9; the spare penny to ICB (.334).
    auto l =
        load_agreement_text(base("[[scheme]]\nid = \"S1\"\nname = \"One\"\nbudget = \"0.10\"\n",
                                 "ICB = \"33.34%\"\nLA = \"33.33%\"\nLA2 = \"33.33%\"\n"),
                            "t.toml");
    INFO(messages(l));
    REQUIRE(l.agreement);
    CHECK(l.agreement->schemes[0].contributions ==
          std::vector<Money>{pence(4), pence(3), pence(3)});
    // Even phasing of 10p: 0.83p a period, floors all 0; the 10 spare pence go one each to the
    // equal remainders in time order, P01..P10; P11 and P12 get nothing.
    for (int i = 0; i < 12; ++i)
        CHECK(l.agreement->schemes[0].phased.at(i) == pence(i < 10 ? 1 : 0));
}

TEST_CASE("agreement loader: pool-level amounts split the schemes and keep the partner totals") {
    // Each partner states 1.00 (300p) for three schemes of 1.00 each.
    //  S1: 100p over 100,100,100 -> 33.33 each, the spare penny to ICB: 34, 33, 33; left 66,67,67.
    //  S2: 100p over 66,67,67 -> 33, 33.5, 33.5 -> 33+33+33, the spare penny to LA (the earlier
    //      of the two .5 remainders): 33, 34, 33; left 33, 33, 34.
    //  S3: 100p over 33,33,34 -> exactly 33, 33, 34.
    // Partner totals: 34+33+33 = 33+34+33 = 33+33+34 = 100p each, exactly as stated (a plain
    // allocation of each scheme would give ICB 102p and LA2 99p).
    std::string schemes;
    for (int i = 1; i <= 3; ++i)
        schemes += "[[scheme]]\nid = \"S" + std::to_string(i) + "\"\nname = \"x\"\nbudget = 1\n";
    auto l =
        load_agreement_text(base(schemes, "ICB = \"1.00\"\nLA = \"1.00\"\nLA2 = \"1.00\"\n"), "t");
    INFO(messages(l));
    REQUIRE(l.agreement);
    const auto& s = l.agreement->schemes;
    CHECK(s[0].contributions == std::vector<Money>{pence(34), pence(33), pence(33)});
    CHECK(s[1].contributions == std::vector<Money>{pence(33), pence(34), pence(33)});
    CHECK(s[2].contributions == std::vector<Money>{pence(33), pence(33), pence(34)});
    CHECK(l.agreement->partner_contributions() ==
          std::vector<Money>{pence(100), pence(100), pence(100)});
}

TEST_CASE("agreement loader: pool-level amounts with rest and unequal schemes") {
    // Schemes 100.00 and 200.00 (total 300.00); ICB 100.00, LA rest = 200.00, LA2 nothing.
    // S1: 10,000p over 10,000 and 20,000: 3,333.33 and 6,666.67 -> 3,333 + 6,666, spare penny to
    // LA (.67): 33.33 and 66.67. S2 takes what is left: 66.67 and 133.33.
    auto l = load_agreement_text(base("[[scheme]]\nid = \"S1\"\nname = \"x\"\nbudget = 100\n"
                                      "[[scheme]]\nid = \"S2\"\nname = \"y\"\nbudget = 200\n",
                                      "ICB = \"100.00\"\nLA = \"rest\"\n"),
                                 "t");
    INFO(messages(l));
    REQUIRE(l.agreement);
    const auto& s = l.agreement->schemes;
    CHECK(s[0].contributions == std::vector<Money>{pence(3333), pence(6667), Money{}});
    CHECK(s[1].contributions == std::vector<Money>{pence(6667), pence(13333), Money{}});
}

TEST_CASE("agreement loader: money values as strings, integers and two-decimal floats") {
    auto load = [](const std::string& budget) {
        return load_agreement_text(
            base("[[scheme]]\nid = \"S1\"\nname = \"x\"\nbudget = " + budget + "\n"), "t.toml");
    };
    auto l = load("1200000");
    REQUIRE(l.agreement);
    CHECK(l.agreement->schemes[0].budget == pounds(1200000));
    l = load("1234.5");
    REQUIRE(l.agreement);
    CHECK(l.agreement->schemes[0].budget == pence(123450));
    l = load("0.1"); // 0.1 is not exact in binary; its shortest decimal form "0.1" is 10p
    REQUIRE(l.agreement);
    CHECK(l.agreement->schemes[0].budget == pence(10));
    l = load("12.345");
    CHECK(!l.agreement);
    CHECK(messages(l) == "t.toml:31:10: error: 'budget' of scheme S1 is the float 12.345, which is "
                         "not an amount with at most two decimals; write the amount as a string, "
                         "e.g. \"1200000.00\"\n");
    l = load("\"12.345\"");
    CHECK(messages(l) == "t.toml:31:10: error: 'budget' of scheme S1 is not a valid amount "
                         "(\"12.345\"): more than two decimals (amounts are in pounds and pence, "
                         "e.g. 12.35)\n");
    l = load("1e300");
    CHECK(!l.agreement);
    l = load("true");
    CHECK(messages(l) == "t.toml:31:10: error: 'budget' of scheme S1 must be an amount such as "
                         "\"1200000.00\", not a boolean\n");
}

TEST_CASE("agreement loader: every error in one run, in file order") {
    std::string text = base("[[scheme]]\n"
                            "id = \"S1\"\n"
                            "name = \"x\"\n"
                            "bugdet = \"10.00\"\n"  // unknown key, and so budget is missing
                            "lead = \"NOBODY\"\n"); // unknown partner
    text += "\n[monitoring]\namber = \"5%\"\nred = \"2%\"\n"; // red below amber
    auto l = load_agreement_text(text, "f.toml");
    CHECK(!l.agreement);
    CHECK(messages(l) ==
          "f.toml:28:1: error: [[scheme]] S1 is missing the required key 'budget'\n"
          "f.toml:31:1: error: unknown key 'bugdet' in a [[scheme]]; did you mean 'budget'? "
          "(known keys: id, name, budget, lead, profile, contributions, function, risk_share, "
          "recharge)\n"
          "f.toml:32:8: error: 'lead' of scheme S1 names the unknown partner 'NOBODY' (partners: "
          "ICB, LA, LA2)\n"
          "f.toml:36:7: error: [monitoring] red (2%) is below amber (5%): red must be the higher "
          "threshold\n");
    CHECK(l.diagnostics.error_count() == 4);
}

TEST_CASE("agreement loader: a syntax error, a missing file and a directory cannot be read") {
    try {
        (void)load_agreement_text("[agreement]\nid = \n", "bad.toml");
        FAIL("no exception");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::input);
        CHECK(e.where().file == "bad.toml");
        CHECK(e.where().line == 2);
        CHECK(std::string(e.what()).rfind("not valid TOML: ", 0) == 0);
    }
    CHECK_THROWS_AS((void)load_agreement(POOLKIT_SOURCE_DIR "/no/such/agreement.toml"), Error);
    CHECK_THROWS_AS((void)load_agreement(POOLKIT_SOURCE_DIR "/examples"), Error);
}

// Only the loader makes an Agreement (SPEC §3: a validated agreement is what every tool reads).
static_assert(!std::is_default_constructible_v<Agreement>);
static_assert(std::is_copy_constructible_v<Agreement>);
