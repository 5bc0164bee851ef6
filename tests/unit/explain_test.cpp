// pool-check --explain's writer (writers/explain.hpp) and the table of legal bases it explains:
// config/legal-bases.toml must say what lib/model/legal_basis.cpp compiles in.
#include "model/legal_basis.hpp"
#include "readers/agreement_loader.hpp"
#include "writers/document_render.hpp"
#include "writers/explain.hpp"

#include <doctest/doctest.h>
#include <toml++/toml.h>

#include <string>

using namespace poolkit;

namespace {

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::string explained(const std::string& toml, const std::string& path = "t.toml") {
    AgreementLoad l = load_agreement_text(toml, path);
    RunRecord run{"pool-check", {"--explain", path}, {l.input}};
    Explanation e =
        make_explanation(l.agreement ? &*l.agreement : nullptr, path, l.diagnostics, run);
    return render_text(explain_document(e));
}

const char* pooled = R"([agreement]
id = "T-2025"
title = "Test pooled fund"
kind = "pooled"
legal_basis = "Health Act 1999 s31"
financial_year = "2025-26"
host = "LA"
opening_balance = "1000.00"
payment_schedule = "annual-in-advance"

[[partner]]
id = "ICB"
name = "Test ICB"
sector = "nhs"

[[partner]]
id = "LA"
name = "Test Council"
sector = "local_authority"

[contributions]
ICB = "60%"
LA = "40%"

[[scheme]]
id = "S01"
name = "Placements"
budget = "120000.00"
lead = "LA"
profile = "even"

[risk_share]
basis = "pool"
overspend = "tiers"
underspend = "carry-forward"
cap = { LA = "20000.00" }

[[risk_share.overspend_tier]]
upto = "10000.00"
rule = "host"

[[risk_share.overspend_tier]]
upto = "30000.00"
split = { ICB = "75%", LA = "25%" }
)";

} // namespace

TEST_CASE("config/legal-bases.toml documents exactly the compiled table of legal bases") {
    toml::table t = toml::parse_file(POOLKIT_SOURCE_DIR "/config/legal-bases.toml");
    const toml::array* rows = t["basis"].as_array();
    REQUIRE(rows);
    const auto known = legal_bases();
    REQUIRE(rows->size() == known.size());
    for (std::size_t i = 0; i < known.size(); ++i) {
        const toml::table& r = *rows->get(i)->as_table();
        const LegalBasis& k = known[i];
        INFO(k.name);
        CHECK(r["name"].value_or(std::string()) == k.name);
        CHECK(r["allows"].value_or(std::string()) ==
              (k.allows_pool ? "pooled fund" : "one-way payments"));
        CHECK(r["sectors"].value_or(std::string()) == k.sectors);
        CHECK(r["needs_nhs_and_local_authority"].value_or(!k.needs_nhs_and_la) ==
              k.needs_nhs_and_la);
        CHECK(r["nhs_bodies_only"].value_or(!k.nhs_bodies_only) == k.nhs_bodies_only);
        CHECK(r["excludes_nhs_functions"].value_or(!k.excludes_nhs_functions) ==
              k.excludes_nhs_functions);
        CHECK(r["repealed_by"].value_or(std::string("?")) == k.repealed_by);
        CHECK(r["meaning"].value_or(std::string()) == k.meaning);
        CHECK(r["source"].value_or(std::string()) == k.source);
        // Each name is recognised as itself.
        auto again = recognise_legal_basis(k.name);
        REQUIRE(again);
        CHECK(again->name == k.name);
    }
    const toml::array* fs = t["excluded_nhs_functions"]["functions"].as_array();
    REQUIRE(fs);
    const auto excluded = excluded_nhs_functions();
    REQUIRE(fs->size() == excluded.size());
    for (std::size_t i = 0; i < excluded.size(); ++i) {
        CHECK(fs->get(i)->value_or(std::string()) == excluded[i]);
        // And excluded_nhs_function() names each one by that name.
        CHECK(excluded_nhs_function(excluded[i]) == excluded[i]);
    }
}

TEST_CASE("explain: wrapping and Markdown escaping") {
    CHECK(wrap_text("aa bb cc dd", 5) == "aa bb\ncc dd");
    CHECK(wrap_text("aa bb cc", 5, 2, 2) == "aa\n  bb\n  cc");
    CHECK(wrap_text("£1,000.00 £2", 12) == "£1,000.00 £2"); // width counts the £ as one column
    CHECK(wrap_text("one\ntwo", 80, 3) == "one\n   two");
    CHECK(md_prose("a_b *c* [t] `x_y [z]`") == "a\\_b \\*c\\* \\[t\\] `x_y [z]`");
}

TEST_CASE("explain: tiers with their £ bounds, what happens past the last, caps and the "
          "opening balance") {
    std::string out = explained(pooled);
    INFO(out);
    CHECK(has(out, "Test pooled fund (T-2025)\n"));
    CHECK(
        has(out, "1. The first £10,000.00 (£0.00 to £10,000.00): borne in full by the host, Test"));
    CHECK(has(out, "2. The next £20,000.00 (£10,000.00 to £30,000.00): split ICB 75% and LA 25%."));
    CHECK(
        has(out, "3. Above £30,000.00: no tier takes it; it is unallocated, for the partners to"));
    CHECK(has(out, "Caps: Test Council (LA) bears at most £20,000.00 as its net risk share for the "
                   "year (its shares of\noverspends less its shares of underspends"));
    CHECK(has(out, "An underspend is kept in the pool and carried forward to next year."));
    CHECK(has(out, "The fund starts the year with a surplus of £1,000.00 brought forward. It meets "
                   "the year's overspend\nbefore any partner bears it (against the net overspend "
                   "of the fund)"));
    // Annual in advance: ICB 60% of 120,000.00 = 72,000.00, LA 48,000.00, all in P01.
    CHECK(has(out, "P01 April 2025  72,000.00  48,000.00  120,000.00"));
    // The repealed basis: explained, and one finding (not also the loader's one-line warning).
    CHECK(has(out, "It is repealed: it is now NHS Act 2006 s75"));
    CHECK(has(out, "1. t.toml:5:15: The legal basis, Health Act 1999 s31, is repealed"));
    CHECK(!has(out, "an agreement made today should cite"));
    CHECK(has(out, "2. t.toml:42:1: The overspend tiers stop at £30,000.00")); // the last tier
    CHECK(has(out, "Run: pool-check --explain t.toml\n"));
}

TEST_CASE("explain: an invalid agreement gives its errors and no terms") {
    std::string toml = pooled;
    toml.replace(toml.find("LA = \"40%\""), 10, "LA = \"30%\"");
    std::string out = explained(toml);
    INFO(out);
    CHECK(has(out, "t.toml: not a valid agreement\n"));
    CHECK(has(out, "1 error: the agreement is not valid until it is fixed.\n\n1. t.toml:21:1: the "
                   "pool-level [contributions] sum to 90%, not 100% (short by 10%)\n"));
    // The loader's warning still shows: there are no findings to restate it.
    CHECK(has(out, "1 warning: term that is lawful but carries a risk"));
    CHECK(has(out, "Health Act 1999 s31 is repealed (now NHS Act 2006 s75)"));
    CHECK(!has(out, "The partners"));
}

TEST_CASE("explain: findings as JSON fields") {
    Finding f{"no-lead", {"t.toml", 24, 1}, "What.", "Why.", "Consider.", false};
    JsonWriter j;
    j.begin_object();
    write_findings_json(j, {f});
    j.end_object();
    CHECK(has(j.str(), "\"code\": \"no-lead\""));
    CHECK(has(j.str(), "\"line\": 24"));
    CHECK(has(j.str(), "\"why\": \"Why.\""));
    CHECK(has(j.str(), "\"consider\": \"Consider.\""));
}
