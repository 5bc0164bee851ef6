// The keyword tables of the agreement's enums (model/agreement.hpp), the loader's list of named
// rules (readers/agreement_rules.hpp) and money in words (money/money_words.hpp).
#include "model/agreement.hpp"
#include "model/legal_basis_concerns.hpp"
#include "money/money_words.hpp"
#include "readers/agreement_rules.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>

using namespace poolkit;

TEST_CASE("keyword tables: each keyword reads back as its value, in the order of SPEC §3") {
    CHECK(agreement_kinds.parse("joint") == AgreementKind::joint);
    CHECK(!agreement_kinds.parse("Joint"));
    CHECK(std::string(kind_name(AgreementKind::aligned)) == "aligned");
    CHECK(payment_schedules.parse("quarterly-in-advance") == PaymentSchedule::quarterly_in_advance);
    CHECK(std::string(schedule_name(PaymentSchedule::annual_in_advance)) == "annual-in-advance");
    CHECK(std::string(sector_name(Sector::local_authority)) == "local_authority");
    CHECK(sectors.words(Sector::nhs) == "an NHS body");
    // "it must be one of ..." lists them in this order.
    CHECK(underspend_rules.keywords() ==
          std::vector<std::string_view>{"return", "carry-forward", "host", "lead"});
    CHECK(overspend_rules.keywords() ==
          std::vector<std::string_view>{"contributions", "lead", "host", "tiers"});
    CHECK(tier_rules.keywords() == std::vector<std::string_view>{"contributions", "lead", "host"});
    // A split and a profile of weights are named but not written as a string.
    CHECK(!overspend_rules.parse("split"));
    CHECK(!profile_forms.parse("weights"));
    CHECK(profile_forms.keywords() == std::vector<std::string_view>{"even"});
    CHECK(contribution_forms.parse("rest") == ContributionTerm::Form::rest);
}

TEST_CASE("rule names: each side names contributions its own way; a misplaced rule still named") {
    CHECK(std::string(rule_name(RuleKind::contributions)) == "contributions");
    CHECK(std::string(rule_name(RuleKind::contributions, true)) == "return");
    CHECK(std::string(rule_name(RuleKind::carry_forward)) == "carry-forward"); // underspend's
    CHECK(std::string(rule_name(RuleKind::tiers, true)) == "tiers");           // overspend's
    CHECK(std::string(rule_name(RuleKind::split, true)) == "split");
    CHECK(rule_entry(RuleKind::lead, false).words ==
          "borne in full by the scheme's lead commissioner");
    CHECK(rule_entry(RuleKind::lead, true).words == "given to the scheme's lead commissioner");
}

TEST_CASE("agreement rules: named once each, in a fixed order") {
    std::set<std::string_view> names;
    for (const auto& r : agreement_rules()) {
        CHECK(static_cast<bool>(r.check));
        CHECK_MESSAGE(names.insert(r.name).second, r.name);
    }
    REQUIRE(agreement_rules().size() == 13);
    CHECK(agreement_rules().front().name == "opening_balance_pooled_only");
}

TEST_CASE("legal basis concerns: one list gives the loader's warnings and the findings") {
    CHECK(legal_basis_concerns("", {}).empty());
    CHECK(legal_basis_concerns("NHS Act 2006 s75", {}).empty());
    auto unknown = legal_basis_concerns("a handshake", {});
    REQUIRE(unknown.size() == 1);
    CHECK(unknown[0].code == "unknown-legal-basis");
    auto repealed = legal_basis_concerns("Health Act 1999 s31", {});
    REQUIRE(repealed.size() == 1);
    CHECK(repealed[0].warning == "Health Act 1999 s31 is repealed (now NHS Act 2006 s75): an "
                                 "agreement made today should cite NHS Act 2006 s75");
    std::vector<Partner> partners{{"ICB", "The ICB", Sector::nhs, {}},
                                  {"LA", "The Council", Sector::local_authority, {}},
                                  {"LB", "Another Council", Sector::local_authority, {}}};
    auto nhs_only = legal_basis_concerns("NHS Act 2006 s65Z5", partners);
    REQUIRE(nhs_only.size() == 1); // once, for the first partner of another sector
    CHECK(nhs_only[0].code == "nhs-bodies-only");
    CHECK(nhs_only[0].what == "The legal basis, NHS Act 2006 s65Z5, is joint working between NHS "
                              "bodies, but The Council (LA) has sector \"local_authority\".");
}

TEST_CASE("money in words: the sign style is the caller's choice") {
    const Money m = Money::from_pence(-123456); // -1,234.56
    CHECK(pounds(m, SignStyle::brackets) == "£(1,234.56)");
    CHECK(pounds(m, SignStyle::magnitude) == "£1,234.56");
    CHECK(pounds(Money::from_pence(5), SignStyle::magnitude) == "£0.05");
    // Inside the control totals' brackets: a minus, never brackets within brackets.
    CHECK(pounds(m, SignStyle::minus) == "-£1,234.56");
    CHECK(pounds(Money::from_pence(5), SignStyle::minus) == "£0.05");
    CHECK(pounds(Money(), SignStyle::minus) == "£0.00");
    CHECK(pounds(Money::from_pence(INT64_MIN), SignStyle::minus) == "-£92,233,720,368,547,758.08");
    // The most negative amount has no positive twin: its size is shown without negating it.
    CHECK(pounds(Money::from_pence(INT64_MIN), SignStyle::magnitude) ==
          "£92,233,720,368,547,758.08");
}
