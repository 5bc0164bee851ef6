// Contribution shares (SPEC §5 pool-shares) on examples/bnssg-children as loaded, with every figure
// worked out in the comments.
#include "calc/shares.hpp"
#include "readers/agreement_loader.hpp"
#include "support/error.hpp"
#include "writers/shares_statement.hpp"

#include <doctest/doctest.h>

using namespace poolkit;

namespace {

Money pounds(std::int64_t p) {
    return Money::from_pence(p * 100);
}

// examples/bnssg-children/agreement.toml as the loader reads it: partners ICB, BRISTOL, NSOMERSET,
// SGLOS; pool split 40/30/15/15 except S03 (70/10/10/10) and S06 (amounts, BRISTOL "rest").
Agreement bnssg_children() {
    AgreementLoad l = load_agreement(POOLKIT_SOURCE_DIR "/examples/bnssg-children/agreement.toml");
    REQUIRE(l.agreement);
    return std::move(*l.agreement);
}

} // namespace

TEST_CASE("shares: bnssg-children partner totals and percentages") {
    ContributionShares sh = compute_shares(bnssg_children());
    // ICB:       480,000 + 160,000 + 455,000 + 180,000 + 120,000 + 25,000 = 1,420,000
    // BRISTOL:   360,000 + 120,000 +  65,000 + 135,000 +  90,000 + 50,000 =   820,000
    // NSOMERSET: 180,000 +  60,000 +  65,000 +  67,500 +  45,000 + 12,500 =   430,000
    // SGLOS: the same as North Somerset                                   =   430,000
    // Total 3,100,000 = 1,200,000 + 400,000 + 650,000 + 450,000 + 300,000 + 100,000.
    CHECK(sh.partner_totals ==
          std::vector<Money>{pounds(1420000), pounds(820000), pounds(430000), pounds(430000)});
    CHECK(sh.total == pounds(3100000));
    // Shares of the pool: 1,420,000/3,100,000 = 71/155; 820/3,100 = 41/155; 430/3,100 = 43/310.
    CHECK(*sh.partner_fractions[0] == Rational(71, 155));
    CHECK(*sh.partner_fractions[1] == Rational(41, 155));
    CHECK(*sh.partner_fractions[2] == Rational(43, 310));
    CHECK(*sh.partner_fractions[3] == Rational(43, 310));
    // 71/155 = 45.806451...%, 41/155 = 26.451612...%, 43/310 = 13.870967...%
    CHECK(percent_data(sh.partner_fractions[0]) == "45.8065");
    CHECK(percent_data(sh.partner_fractions[1]) == "26.4516");
    CHECK(percent_data(sh.partner_fractions[2]) == "13.871"); // 13.8710, trailing zero dropped
    CHECK(percent_display(sh.partner_fractions[0]) == "45.81%");
    CHECK(percent_display(sh.partner_fractions[2]) == "13.87%");
    CHECK(fraction_exact(*sh.partner_fractions[0]) == "71/155");

    REQUIRE(sh.schemes.size() == 6);
    // S03: 455,000 / 650,000 = 7/10; 65,000 / 650,000 = 1/10.
    CHECK(*sh.schemes[2].fractions[0] == Rational(7, 10));
    CHECK(*sh.schemes[2].fractions[3] == Rational(1, 10));
    CHECK(percent_data(sh.schemes[2].fractions[0]) == "70");
    CHECK(percent_display(sh.schemes[2].fractions[1]) == "10%");
    // S06: BRISTOL's rest 50,000 / 100,000 = 1/2; NSOMERSET 12,500 / 100,000 = 1/8 = 12.5%.
    CHECK(*sh.schemes[5].fractions[1] == Rational(1, 2));
    CHECK(percent_data(sh.schemes[5].fractions[2]) == "12.5");
    CHECK(fraction_exact(*sh.schemes[5].fractions[2]) == "1/8");
    CHECK(fraction_exact(Rational(1)) == "1");
    CHECK(fraction_exact(Rational(0)) == "0");
}

TEST_CASE("shares: a third each, and a zero budget") {
    Agreement a = bnssg_children();
    a.partners.resize(3);
    a.schemes.resize(2);
    // 100.00 in thirds as the loader's allocation gives it: 33.34, 33.33, 33.33.
    a.schemes[0].budget = Money::from_pence(10000);
    a.schemes[0].contributions = {Money::from_pence(3334), Money::from_pence(3333),
                                  Money::from_pence(3333)};
    a.schemes[1].budget = Money();
    a.schemes[1].contributions = {Money(), Money(), Money()};
    ContributionShares sh = compute_shares(a);
    // 3,334/10,000 = 33.34% exactly; 3,333/10,000 = 33.33%.
    CHECK(*sh.schemes[0].fractions[0] == Rational(3334, 10000));
    CHECK(percent_data(sh.schemes[0].fractions[0]) == "33.34");
    CHECK(percent_data(sh.schemes[0].fractions[1]) == "33.33");
    // A share of a zero budget is not a number: no value, shown "-" / empty / null.
    CHECK_FALSE(sh.schemes[1].fractions[0].has_value());
    CHECK(percent_display(sh.schemes[1].fractions[0]) == "-");
    CHECK(percent_data(sh.schemes[1].fractions[0]) == "");
    // Pool shares are still of the total 100.00.
    CHECK(*sh.partner_fractions[2] == Rational(3333, 10000));
    // An exact third shows rounded: 33.3333% (data), 33.33% (display).
    CHECK(percent_data(Rational(1, 3)) == "33.3333");
    CHECK(percent_data(Rational(2, 3)) == "66.6667");
    CHECK(percent_display(Rational(2, 3)) == "66.67%");
}

TEST_CASE("shares: contributions that do not sum to the budget are a bug, not a statement") {
    Agreement a = bnssg_children();
    a.schemes[0].contributions[0] += Money::from_pence(1);
    CHECK_THROWS_AS(compute_shares(a), Error);
    a = bnssg_children();
    a.schemes[1].contributions.pop_back(); // one partner short
    CHECK_THROWS_AS(compute_shares(a), Error);
}
