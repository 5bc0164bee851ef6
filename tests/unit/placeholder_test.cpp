// Placeholders (model/placeholder.hpp), the loader's rule that refuses them (SPEC §3), and the
// starters of `poolkit init` (writers/starter_files.hpp): refused as written, valid once filled.
#include "model/placeholder.hpp"
#include "readers/agreement_loader.hpp"
#include "readers/agreement_rules.hpp"
#include "writers/starter_files.hpp"

#include <doctest/doctest.h>

#include <regex>
#include <string>

using namespace poolkit;

TEST_CASE("placeholder: one form, found anywhere in a value") {
    CHECK(placeholder("agreement id") == "<AGREEMENT-ID>");
    CHECK(placeholder("ICB share") == "<ICB-SHARE>");
    CHECK(placeholder("<PARTNER-1> name") == "<PARTNER-1-NAME>");
    CHECK(find_placeholder("<BUDGET>") == "<BUDGET>");
    CHECK(find_placeholder("NHS <ICB-NAME> board") == "<ICB-NAME>");
    CHECK(find_placeholder("a < b > c") == std::nullopt);   // a space is not part of one
    CHECK(find_placeholder("<lower>") == std::nullopt);     // upper case only
    CHECK(find_placeholder("<>") == std::nullopt);          // at least one character
    CHECK(find_placeholder("x << <S01_B> >") == "<S01_B>"); // the first '<' that opens one
    CHECK(find_placeholder("Residential placements") == std::nullopt);
}

TEST_CASE("placeholders_filled: each placeholder at its line and column, and nothing else") {
    CHECK(placeholder_rule().name == "placeholders_filled");
    // Line 4 column 10 is the opening quote of "<BUDGET>"; line 6 column 1 the quoted key. The
    // budget would also be "not an amount" and the partner unknown: not reported.
    auto load = load_agreement_text("[agreement]\nid = \"T-1\"\n[[scheme]]\nbudget = \"<BUDGET>\"\n"
                                    "[contributions]\n\"<PARTNER-1>\" = \"60%\"\n",
                                    "a.toml");
    CHECK(!load.agreement);
    REQUIRE(load.diagnostics.items.size() == 2);
    CHECK(load.diagnostics.items[0].formatted() ==
          "a.toml:4:10: error: 'budget' is still the placeholder <BUDGET>: put your own value in "
          "its place (poolkit init and the templates mark each value to fill in so)");
    CHECK(load.diagnostics.items[1].formatted().starts_with(
        "a.toml:6:1: error: the key \"<PARTNER-1>\" is still the placeholder <PARTNER-1>"));
}

namespace {
// Fills every placeholder of a starter: percentages for the shares (the first partner 50%, the
// others the rest in equal parts: 50/25/25 for three), the first partner as host and lead,
// "nhs" for the first partner's sector and "local_authority" for the others.
std::string filled(std::string text, const std::vector<std::string>& ids) {
    auto put = [&](const std::string& p, const std::string& v) {
        for (auto at = text.find(p); at != std::string::npos; at = text.find(p))
            text.replace(at, p.size(), v);
    };
    for (std::size_t i = 0; i < ids.size(); ++i) {
        put(placeholder(ids[i] + " share"), i == 0 ? "50%" : ids.size() == 2 ? "50%" : "25%");
        put(placeholder(ids[i] + " sector"), i == 0 ? "nhs" : "local_authority");
    }
    put("<FINANCIAL-YEAR>", "2025-26");
    put("<BUDGET>", "1000000.00");
    put("<HOST-PARTNER-ID>", ids[0]);
    put("<LEAD-PARTNER-ID>", ids[0]);
    return std::regex_replace(text, std::regex("<[A-Z0-9_-]+>"), "Filled");
}
} // namespace

TEST_CASE("starter agreements: refused as written, valid once filled, for every kind") {
    for (AgreementKind kind : {AgreementKind::pooled, AgreementKind::aligned, AgreementKind::joint})
        for (const std::vector<std::string>& ids :
             {std::vector<std::string>{"ICB", "LA"}, std::vector<std::string>{"ICB", "LA", "LB"}}) {
            StarterTerms terms{kind, ids, "templates/x.toml"};
            const std::string text = starter_agreement(terms);
            CAPTURE(text);
            CHECK(text.find("templates/x.toml") != std::string::npos);
            auto raw = load_agreement_text(text, "agreement.toml");
            CHECK(!raw.agreement);
            auto load = load_agreement_text(filled(text, ids), "agreement.toml");
            std::string reports;
            for (const auto& d : load.diagnostics.items)
                reports += d.formatted() + "\n";
            INFO(reports);
            REQUIRE(load.agreement);
            CHECK(load.agreement->kind == kind);
            REQUIRE(load.agreement->partners.size() == ids.size());
            CHECK(load.agreement->partners[ids.size() - 1].id == ids.back());
            REQUIRE(load.agreement->schemes.size() == 1);
            CHECK(load.agreement->schemes[0].budget == Money::from_pence(100000000));
        }
}

TEST_CASE("starter without partners: two placeholder partners, in the workspace too") {
    StarterTerms terms{AgreementKind::pooled, {}, "t.toml"};
    const std::string agreement = starter_agreement(terms);
    CHECK(agreement.find("id = \"<PARTNER-1>\"") != std::string::npos);
    CHECK(agreement.find("\"<PARTNER-2>\" = \"<PARTNER-2-SHARE>\"") != std::string::npos);
    const std::string pool = starter_workspace(terms);
    CHECK(pool.find("agreement = \"agreement.toml\"") != std::string::npos);
    CHECK(pool.find("path = \"ledgers/partner-2-*.csv\"") != std::string::npos);
    CHECK(pool.find("partner = \"<PARTNER-1>\"") != std::string::npos);
}
