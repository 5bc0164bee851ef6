// The auditor's warnings (calc/findings.hpp, SPEC §5 --explain): each risky-but-lawful term gives
// its finding, at its place, and a plain agreement gives none.
#include "calc/findings.hpp"
#include "readers/agreement_loader.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace poolkit;

namespace {

// A valid two-partner pooled fund (120,000.00: ICB 60%, LA 40%), ICB capped, S01 led by LA; the
// first `from` in it replaced by `to`. Lines: 5 legal_basis, 8 opening_balance, 15 LA's
// [[partner]], 24 [[scheme]], 31 [risk_share].
std::string base(const std::string& from = "", const std::string& to = "") {
    std::string s = R"([agreement]
id = "T-2025"
title = "Test pooled fund"
kind = "pooled"
legal_basis = "NHS Act 2006 s75"
financial_year = "2025-26"
host = "LA"
opening_balance = "0.00"

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
overspend = "contributions"
underspend = "return"
cap = { ICB = "50000.00" }
)";
    if (!from.empty()) {
        auto at = s.find(from);
        REQUIRE(at != std::string::npos);
        s.replace(at, from.size(), to);
    }
    return s;
}

std::vector<Finding> findings_of(const std::string& toml) {
    AgreementLoad l = load_agreement_text(toml, "t.toml");
    for (const auto& d : l.diagnostics.items)
        INFO(d.formatted());
    REQUIRE(l.agreement);
    return agreement_findings(*l.agreement);
}

std::vector<std::string> codes(const std::vector<Finding>& fs) {
    std::vector<std::string> out;
    for (const auto& f : fs)
        out.push_back(f.code);
    return out;
}

} // namespace

TEST_CASE("findings: a capped, led, well-funded pooled fund has none") {
    CHECK(findings_of(base()).empty());
}

TEST_CASE("findings: the bundled pooled example has none (NSOMERSET is capped, a last tier "
          "takes the rest, every scheme has a lead)") {
    AgreementLoad l = load_agreement(POOLKIT_SOURCE_DIR "/examples/bnssg-children/agreement.toml");
    REQUIRE(l.agreement);
    CHECK(agreement_findings(*l.agreement).empty());
}

TEST_CASE("findings: a pooled fund without [risk_share] gets the defaults, and says so") {
    std::string toml = base();
    toml.erase(toml.find("[risk_share]"));
    auto fs = findings_of(toml);
    CHECK(codes(fs) == std::vector<std::string>{"no-risk-share"});
    CHECK(fs[0].where.file == "t.toml");
    CHECK(fs[0].where.line == 0); // the whole agreement
    CHECK(fs[0].what.find("basis `pool`, overspend `contributions`, underspend `return`, no cap") !=
          std::string::npos);
}

TEST_CASE("findings: no cap on any partner") {
    auto fs = findings_of(base("cap = { ICB = \"50000.00\" }\n", ""));
    CHECK(codes(fs) == std::vector<std::string>{"no-cap"});
    CHECK(fs[0].where.line == 31); // the [risk_share] table
    CHECK(!fs[0].why.empty());
    CHECK(!fs[0].consider.empty());
}

TEST_CASE("findings: every partner capped: at most the caps together, the rest unallocated") {
    // 50,000.00 + 20,000.00 = 70,000.00 at most.
    auto fs = findings_of(base("cap = { ICB = \"50000.00\" }", "cap = { ICB = \"50000.00\", LA = "
                                                               "\"20000.00\" }"));
    CHECK(codes(fs) == std::vector<std::string>{"all-capped"});
    CHECK(fs[0].what.find("at most £70,000.00") != std::string::npos);
    CHECK(fs[0].why.find("above £70,000.00 is unallocated") != std::string::npos);
}

TEST_CASE("findings: tiers that stop short leave the rest unallocated") {
    auto fs = findings_of(base("overspend = \"contributions\"", "overspend = \"tiers\"") +
                          "\n[[risk_share.overspend_tier]]\nupto = \"10000.00\"\nrule = "
                          "\"host\"\n\n[[risk_share.overspend_tier]]\nupto = "
                          "\"25000.00\"\nrule = \"contributions\"\n");
    CHECK(codes(fs) == std::vector<std::string>{"last-tier-missing"});
    CHECK(fs[0].where.line == 41); // the second (last) tier: 35 cap, 36 blank, 37..39 tier 1
    CHECK(fs[0].what.find("stop at £25,000.00") != std::string::npos);
    CHECK(fs[0].why.find("above £25,000.00 is unallocated") != std::string::npos);
}

TEST_CASE("findings: a scheme without a lead") {
    auto fs = findings_of(base("lead = \"LA\"\n", ""));
    CHECK(codes(fs) == std::vector<std::string>{"no-lead"});
    CHECK(fs[0].where.line == 24); // its [[scheme]]
    CHECK(fs[0].what == "Scheme S01 (Placements) has no lead commissioner.");
}

TEST_CASE("findings: a partner under 1% of all budgets, and one with nothing") {
    // ICB 99.5%, LA 0.5% of 120,000.00 = 600.00: under 1%.
    auto fs = findings_of(base("ICB = \"60%\"\nLA = \"40%\"", "ICB = \"99.5%\"\nLA = \"0.5%\""));
    CHECK(codes(fs) == std::vector<std::string>{"small-partner"});
    CHECK(fs[0].where.line == 15); // LA's [[partner]]
    CHECK(
        fs[0].what ==
        "Test Council (LA) contributes £600.00, 0.5% of the £120,000.00 of all budgets, under 1%.");
    // Exactly 1% (1,200.00) is not under 1%.
    CHECK(findings_of(base("ICB = \"60%\"\nLA = \"40%\"", "ICB = \"99%\"\nLA = \"1%\"")).empty());
    auto none = findings_of(base("ICB = \"60%\"\nLA = \"40%\"", "ICB = \"100%\"\nLA = \"0%\""));
    CHECK(codes(none) == std::vector<std::string>{"small-partner"});
    CHECK(none[0].what == "Test Council (LA) contributes nothing, under 1%.");
}

TEST_CASE("findings: a negative opening balance is a deficit carried forward") {
    auto fs = findings_of(base("opening_balance = \"0.00\"", "opening_balance = \"-2500.50\""));
    CHECK(codes(fs) == std::vector<std::string>{"negative-opening-balance"});
    CHECK(fs[0].where.line == 8);
    CHECK(fs[0].where.column == 19);
    CHECK(fs[0].what == "The fund opens the year with a deficit of £2,500.50 brought forward.");
}

TEST_CASE("findings: a repealed or unknown legal basis restates the loader's warning") {
    auto fs = findings_of(base("NHS Act 2006 s75", "Health Act 1999 s31"));
    CHECK(codes(fs) == std::vector<std::string>{"repealed-legal-basis"});
    CHECK(fs[0].restates_loader_warning);
    CHECK(fs[0].where.line == 5);
    CHECK(fs[0].where.column == 15);
    CHECK(fs[0].consider.find("NHS Act 2006 s75") != std::string::npos);

    auto unknown = findings_of(base("NHS Act 2006 s75", "Local Government Act 2000 s2"));
    CHECK(codes(unknown) == std::vector<std::string>{"unknown-legal-basis"});
    CHECK(unknown[0].restates_loader_warning);
}

TEST_CASE("findings: an aligned budget whose schemes one lead commissions for several partners") {
    std::string s = base();
    s.erase(s.find("[risk_share]"));
    s.replace(s.find("kind = \"pooled\""), 15, "kind = \"aligned\"");
    s.replace(s.find("host = \"LA\"\n"), 12, "");
    s.replace(s.find("opening_balance = \"0.00\"\n"), 25, ""); // only a pooled fund has one
    s += "\n[[scheme]]\nid = \"S02\"\nname = \"Day care\"\nbudget = \"30000.00\"\nlead = "
         "\"LA\"\nprofile = \"even\"\ncontributions = { ICB = \"0%\", LA = \"100%\" }\n";
    auto fs = findings_of(s);
    // S01 is 60% ICB (72,000.00) led by LA; S02 is LA's alone: only S01.
    CHECK(codes(fs) == std::vector<std::string>{"aligned-lead-risk"});
    CHECK(fs[0].what == "In this aligned budget, one scheme is funded by more than one partner but "
                        "commissioned by one lead: S01 (lead LA; ICB holds £72,000.00).");
}
