// The pieces of SPEC §3's rules that are not TOML: legal bases, excluded NHS functions, the
// "did you mean" hint, and resolution of contribution terms (SPEC §2 allocation).
#include "model/contributions.hpp"
#include "model/legal_basis.hpp"
#include "model/profile.hpp"
#include "readers/agreement_toml.hpp"

#include <doctest/doctest.h>

using namespace poolkit;

TEST_CASE("legal basis: recognised in the ways agreements write it") {
    for (const char* text : {"NHS Act 2006 s75", "Section 75 of the NHS Act 2006",
                             "s.75 National Health Service Act 2006", "nhs act 2006 S75"}) {
        auto lb = recognise_legal_basis(text);
        REQUIRE_MESSAGE(lb, text);
        CHECK(lb->name == "NHS Act 2006 s75");
        CHECK(lb->allows_pool);
        CHECK(lb->needs_nhs_and_la);
        CHECK(lb->excludes_nhs_functions);
    }
    CHECK(recognise_legal_basis("Health Act 1999 s31")->repealed_by == "NHS Act 2006 s75");
    CHECK(!recognise_legal_basis("NHS Act 1977 s28A")->allows_pool);
    CHECK(!recognise_legal_basis("NHS Act 2006 s256")->allows_pool);
    CHECK(!recognise_legal_basis("NHS Act 2006 s76")->allows_pool);
    CHECK(recognise_legal_basis("NHS Act 2006 s65Z5")->nhs_bodies_only);
    CHECK(recognise_legal_basis("Children Act 2004 s10")->allows_pool);
    CHECK(!recognise_legal_basis("NHS Act 2006 s77"));
    CHECK(!recognise_legal_basis("Children Act 2004 s75")); // the section of another Act
    CHECK(!recognise_legal_basis("a handshake"));
}

TEST_CASE("excluded NHS functions are found by their words") {
    CHECK(excluded_nhs_function("Day-case surgery") == "surgery");
    CHECK(excluded_nhs_function("surgical outpatients") == "surgery");
    CHECK(excluded_nhs_function("Radiotherapy services") == "radiotherapy");
    CHECK(excluded_nhs_function("termination of pregnancy") == "termination of pregnancy");
    CHECK(excluded_nhs_function("diagnostic endoscopy") == "endoscopy");
    CHECK(excluded_nhs_function("Class 4 laser treatment") == "class 4 laser treatments");
    CHECK(excluded_nhs_function("minimally invasive treatments") == "invasive treatments");
    CHECK(excluded_nhs_function("emergency ambulance services") == "emergency ambulance services");
    CHECK(!excluded_nhs_function("non-invasive monitoring"));
    CHECK(!excluded_nhs_function("children's residential care"));
    CHECK(!excluded_nhs_function("patient transport (non-emergency)"));
}

TEST_CASE("did you mean: near misses only") {
    std::vector<std::string_view> keys{"budget", "profile", "lead", "name"};
    CHECK(edit_distance("bugdet", "budget") == 2);
    CHECK(closest_match("bugdet", keys) == "budget");
    CHECK(closest_match("leed", keys) == "lead");
    CHECK(!closest_match("contributions", keys));
    CHECK(did_you_mean("profil", keys) == "; did you mean 'profile'?");
}

TEST_CASE("contribution terms: percentages, amounts and rest") {
    auto pct = [](std::size_t p, int n) {
        ContributionTerm t;
        t.partner = PartnerIndex{p};
        t.form = ContributionTerm::Form::percent;
        t.percent = Rational(n, 100);
        return t;
    };
    auto amt = [](std::size_t p, std::int64_t pence) {
        ContributionTerm t;
        t.partner = PartnerIndex{p};
        t.amount = Money::from_pence(pence);
        return t;
    };
    auto rest = [](std::size_t p) {
        ContributionTerm t;
        t.partner = PartnerIndex{p};
        t.form = ContributionTerm::Form::rest;
        return t;
    };
    Diagnostics d;
    SourceLocation at{"f", 1, 1};
    // 40/30/15/15 of 1,200,000.00 exactly.
    auto r = resolve_terms(std::vector{pct(0, 40), pct(1, 30), pct(2, 15), pct(3, 15)},
                           Money::from_pence(120000000), 4, "S01", at, d);
    REQUIRE(r);
    CHECK(*r == std::vector<Money>{Money::from_pence(48000000), Money::from_pence(36000000),
                                   Money::from_pence(18000000), Money::from_pence(18000000)});
    // 60% and rest of 10.01: rest is 40%; 600.6p and 400.4p -> 600 + 400, spare penny to the
    // first (.6): 6.01 and 4.00.
    r = resolve_terms(std::vector{pct(0, 60), rest(1)}, Money::from_pence(1001), 2, "S", at, d);
    REQUIRE(r);
    CHECK(*r == std::vector<Money>{Money::from_pence(601), Money::from_pence(400)});
    // Amounts with rest: 100.00 budget, 30.00 stated, rest 70.00.
    r = resolve_terms(std::vector{amt(0, 3000), rest(1)}, Money::from_pence(10000), 2, "S", at, d);
    REQUIRE(r);
    CHECK(*r == std::vector<Money>{Money::from_pence(3000), Money::from_pence(7000)});
    CHECK(d.items.empty());

    // Failures, each reported once.
    CHECK(!resolve_terms(std::vector{pct(0, 60), pct(1, 30)}, Money::from_pence(100), 2,
                         "the contributions of scheme S", at, d));
    CHECK(d.items.back().message ==
          "the contributions of scheme S sum to 90%, not 100% (short by 10%)");
    // 3 x 33.333333333333% is short of 100% by 0.000000000001%: said exactly, never "100%".
    std::vector<ContributionTerm> thirds(3, pct(0, 0));
    for (std::size_t i = 0; i < 3; ++i) {
        thirds[i].partner = PartnerIndex{i};
        thirds[i].percent = *parse_percent("33.333333333333%");
    }
    Diagnostics d3;
    CHECK(!resolve_terms(thirds, Money::from_pence(100), 3, "S", at, d3));
    CHECK(d3.items.back().message ==
          "S sum to 99.999999999999%, not 100% (short by 0.000000000001%)");
    CHECK(percent_sum_phrase(Rational(1000001, 1000000)) ==
          "100.0001%, not 100% (over by 0.0001%)");
    CHECK(
        !resolve_terms(std::vector{pct(0, 60), amt(1, 40)}, Money::from_pence(100), 2, "X", at, d));
    CHECK(d.items.back().message == "X mix percentages and amounts: state them all as percentages "
                                    "or all as amounts (one may be \"rest\")");
    CHECK(!resolve_terms(std::vector{rest(0), rest(1)}, Money::from_pence(100), 2, "X", at, d));
    CHECK(!resolve_terms(std::vector{amt(0, 150)}, Money::from_pence(100), 2, "X", at, d));
    CHECK(d.items.back().message == "X sum to 1.50, not 1.00 (over by 0.50)");
    CHECK(d.error_count() == 4);
}

TEST_CASE("profile: amounts must sum to the budget") {
    Profile p;
    p.form = Profile::Form::amounts;
    p.amounts.assign(12, Money::from_pence(100));
    Diagnostics d;
    CHECK(phase_budget(p, Money::from_pence(1200), "S", d));
    CHECK(!phase_budget(p, Money::from_pence(1300), "S", d));
    CHECK(d.items.back().message ==
          "the profile amounts of scheme S sum to 12.00, not its budget 13.00 (short by 1.00)");
    p.form = Profile::Form::weights;
    p.weights.assign(11, Rational(1));
    CHECK(!phase_budget(p, Money::from_pence(1300), "S", d));
    CHECK(d.items.back().message == "the profile of scheme S has 11 weights; it needs 12, one per "
                                    "period P01 (April) to P12 (March)");
}
