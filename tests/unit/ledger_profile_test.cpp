// Ledger profiles (SPEC §4): located errors, and the shipped profiles reading their sample
// ledgers to the penny.
#include "ledger_test_support.hpp"

#include "readers/ledger_date.hpp"
#include "readers/ledger_profile.hpp"
#include "readers/ledger_reader.hpp"
#include "support/error.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <chrono>

using namespace poolkit;
using namespace poolkit::test;

namespace {
std::string error_of(const std::string& toml) {
    try {
        parse_ledger_profile(toml, "p.toml");
    } catch (const Error& e) {
        return e.formatted();
    }
    return "no error";
}

const std::string minimal = "[profile]\nname = \"x\"\n\n[columns]\ndate = \"D\"\nref = \"R\"\n"
                            "partner = \"P\"\nscheme = \"S\"\namount = \"A\"\n";

LedgerSpec spec(const std::string& ledger, const std::string& profile) {
    LedgerSpec s;
    s.path = std::string(POOLKIT_SOURCE_DIR) + "/" + ledger;
    LoadedProfile p = load_ledger_profile(std::string(POOLKIT_SOURCE_DIR) + "/" + profile);
    s.profile = p.profile;
    s.profile_record = p.record;
    return s;
}
} // namespace

TEST_CASE("profile: a minimal profile and its defaults") {
    LedgerProfile p = parse_ledger_profile(minimal, "p.toml");
    CHECK(p.name == "x");
    CHECK(p.delimiter == ',');
    CHECK(p.date_format == "%Y-%m-%d");
    CHECK(p.column(LedgerField::partner) == "P");
    CHECK(p.duplicate_key == std::vector<std::string>{"ref"});
}

TEST_CASE("profile: errors name the file, line and column") {
    CHECK(
        error_of(minimal + "amout = \"X\"\n") ==
        "p.toml:10:1: error: unknown key 'amout' in [columns]; did you mean 'amount'? (known "
        "keys: date, ref, partner, scheme, cost_centre, description, amount, debit, credit, case)");
    CHECK(error_of("[profile]\ndelimter = \";\"\n") ==
          "p.toml:2:1: error: unknown key 'delimter' in [profile]; did you mean 'delimiter'? "
          "(known keys: name, description, delimiter, date_format, skip_lines, duplicate_key, "
          "encoding)");
    CHECK(error_of("[profile]\ndelimiter = \";;\"\n[columns]\n") ==
          "p.toml:2:13: error: 'delimiter' must be one character (e.g. \",\" or \";\") or \"tab\"");
    CHECK(error_of("[profile]\ndate_format = \"%d/%m\"\n") ==
          "p.toml:2:15: error: bad date_format \"%d/%m\": a date format needs exactly one each of "
          "%Y, %m and %d");
    CHECK(error_of("[profile]\nname = 3\n") == "p.toml:2:8: error: 'name' must be a string");
    CHECK(error_of("[profile\n").rfind("p.toml:1:", 0) == 0); // TOML syntax
    // SPEC §11: an unnamed field keeps its default column, so only half a debit/credit pair fails.
    CHECK(error_of("[profile]\n[columns]\ndate = \"D\"\npartner = \"P\"\ndebit = \"Dr\"\n")
              .find("either an 'amount' column or both 'debit' and 'credit'") != std::string::npos);
    CHECK(error_of(minimal + "\n[fixed]\npartner = \"ICB\"\n")
              .find("'partner' is both a column and a fixed value") != std::string::npos);
    CHECK(error_of(minimal + "\n[fixed]\nregion = \"SW\"\n").find("unknown key 'region'") !=
          std::string::npos);
}

TEST_CASE("profile: dates by format") {
    auto uk = *DateFormat::compile("%d/%m/%Y");
    CHECK(uk.parse("01/04/2025")->month == 4);
    CHECK(uk.parse("1/4/2025")->day == 1);
    CHECK_FALSE(uk.parse("31/04/2025")); // April has 30 days
    CHECK(uk.parse("29/02/2028"));       // a leap year
    CHECK_FALSE(uk.parse("29/02/2026"));
    CHECK_FALSE(uk.parse("2025-04-01"));
    CHECK_FALSE(uk.parse("01/04/2025x"));
    auto with_time = *DateFormat::compile("%d/%m/%Y %H:%M:%S");
    CHECK(with_time.parse("19/11/2025 00:00:00")->year == 2025);
    CHECK(with_time.example() == "DD/MM/YYYY hh:hh:hh");
    auto iso = *DateFormat::compile("%Y-%m-%d");
    CHECK_FALSE(iso.parse("2025-4-01"));
    CHECK_FALSE(iso.parse("2025-00-10"));
    CHECK(iso.parse("2024-02-29"));
    CHECK_FALSE(iso.parse("2100-02-29"));
}

// The ISO date's fast reading (all ten bytes checked at once) against a reading byte by byte with
// the calendar of <chrono>: every byte value at every position of a real day, and every day of
// the years 1999 to 2101 (leap years 2000 and 2096, not 2100), agree.
TEST_CASE("profile: the ISO date reading agrees with a byte-by-byte reading") {
    auto iso = *DateFormat::compile("%Y-%m-%d");
    auto reference = [](const std::string& t) -> std::optional<CivilDate> {
        if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
        for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
            if (t[i] < '0' || t[i] > '9') return std::nullopt;
        int y = std::stoi(t.substr(0, 4)), m = std::stoi(t.substr(5, 2)),
            d = std::stoi(t.substr(8, 2));
        std::chrono::year_month_day ymd{std::chrono::year{y},
                                        std::chrono::month{static_cast<unsigned>(m)},
                                        std::chrono::day{static_cast<unsigned>(d)}};
        if (!ymd.ok()) return std::nullopt;
        return CivilDate{y, m, d};
    };
    auto same = [&](const std::string& t) {
        auto got = iso.parse(t), want = reference(t);
        if (got.has_value() != want.has_value()) return false;
        return !got ||
               (got->year == want->year && got->month == want->month && got->day == want->day);
    };
    std::size_t checked = 0, wrong = 0;
    for (const std::string base : {"2025-04-30", "2024-02-29", "1999-12-31"})
        for (std::size_t i = 0; i < base.size(); ++i)
            for (int c = 0; c < 256; ++c) {
                std::string t = base;
                t[i] = static_cast<char>(c);
                ++checked;
                wrong += !same(t);
            }
    for (int y = 1999; y <= 2101; ++y)
        for (int m = 0; m <= 13; ++m)
            for (int d = 0; d <= 32; ++d) {
                ++checked;
                wrong += !same(fmt::format("{:04}-{:02}-{:02}", y, m, d));
            }
    CHECK(checked == 3 * 10 * 256 + 103 * 14 * 33);
    CHECK(wrong == 0);
    CHECK(iso.parse("2000-02-29"));
    CHECK_FALSE(iso.parse("2100-02-29"));
    CHECK(iso.parse("2025-04-30")->day == 30);
    CHECK_FALSE(iso.parse("2025-04-31"));
    CHECK_FALSE(iso.parse("2025/04/30"));
    CHECK_FALSE(iso.parse("2025-04-3:")); // ':' is the byte after '9'
    CHECK_FALSE(iso.parse("2025-04-3/")); // '/' is the byte before '0'
}

TEST_CASE("profile: the shipped profiles read their sample ledgers") {
    Agreement a = small_agreement();
    // The sample ledgers belong to examples/bnssg-children (schemes S01..S06).
    a.partners.clear();
    for (const char* id : {"ICB", "BRISTOL", "NSOMERSET", "SGLOS"}) {
        Partner p;
        p.id = id;
        a.partners.push_back(p);
    }
    a.schemes.clear();
    for (const char* id : {"S01", "S02", "S03", "S04", "S05", "S06"}) {
        Scheme s;
        s.id = id;
        a.schemes.push_back(s);
    }
    std::vector<LedgerSpec> specs{
        spec("examples/bnssg-children/ledgers/icb.csv", "config/ledger-profiles/icb-oracle.toml"),
        spec("examples/bnssg-children/ledgers/bristol.csv",
             "config/ledger-profiles/bristol-agresso.toml"),
        spec("examples/bnssg-children/ledgers/nsomerset.csv",
             "config/ledger-profiles/default.toml")};
    LedgerRun run = read_ledgers(&a, specs);
    CHECK(run.rejects.empty());
    REQUIRE(run.files.size() == 3);
    // icb.csv: 19 lines (6 journals of 3 lines and a credit of -12,400.00), summed with awk
    // over the quoted Net Amount column: 388,685.13.
    CHECK(run.files[0].control.lines_accepted == 19);
    CHECK(run.files[0].control.total_accepted.pence() == 38868513);
    // bristol.csv: 2 title rows and a header, then 20 lines; debit - credit summed: 375,482.43
    // (its last two lines are a credit of 1,250.00 and a debit of 980.50 on S03 in September).
    CHECK(run.files[1].control.lines_accepted == 20);
    CHECK(run.files[1].control.total_accepted.pence() == 37548243);
    CHECK(run.files[2].control.lines_accepted == 12);
    CHECK(run.files[2].control.total_accepted.pence() == 22406478);
    // Every ICB line is the ICB's (fixed partner), every Bristol line Bristol's.
    CHECK(run.actuals->partner_to(PartnerIndex{0}, 12).pence() == 38868513);
    CHECK(run.actuals->partner_to(PartnerIndex{1}, 12).pence() == 37548243);
    // Inputs: each ledger, then its profile.
    REQUIRE(run.inputs.size() == 6);
    CHECK(run.inputs[1].role == "profile");
}

TEST_CASE("profile: a ledger without the profile's columns names what is missing") {
    TempDir dir;
    LedgerSpec s;
    s.path = dir.file("x.csv", "date,ref,partner,scheme,amount\n");
    s.profile = load_ledger_profile(std::string(POOLKIT_SOURCE_DIR) +
                                    "/config/ledger-profiles/icb-oracle.toml")
                    .profile;
    try {
        read_ledgers(nullptr, {s});
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.formatted() == s.path +
                                   ":1: error: no column \"Posting Date\" for the date (the header "
                                   "has: date, ref, partner, scheme, amount); is this the right "
                                   "profile? (--profile; this is \"icb-oracle\")");
    }
}

TEST_CASE("profile: amount columns whose sum is beyond the exact range name the columns") {
    TempDir dir;
    LedgerSpec s;
    s.path = dir.file("sum.csv", "date,ref,partner,scheme,Net,VAT\n"
                                 "2025-04-01,R1,ICB,S01,92233720368547758.07,0.01\n"
                                 "2025-04-01,R2,ICB,S01,10.00,2.50\n");
    s.profile = parse_ledger_profile("[profile]\nname = \"sum\"\n[columns]\ndate = \"date\"\n"
                                     "ref = \"ref\"\npartner = \"partner\"\n"
                                     "scheme = \"scheme\"\namount = [\"Net\", \"VAT\"]\n",
                                     "sum.toml");
    Agreement a = small_agreement();
    LedgerRun run = read_ledgers(&a, {s});
    // Line 2: 92,233,720,368,547,758.07 is the most int64 pence holds; one penny more is out.
    REQUIRE(run.rejects.size() == 1);
    CHECK(run.rejects[0].line == 2);
    CHECK(run.rejects[0].reason == "bad amount: the sum of Net + VAT is out of range");
    // Line 3: 10.00 + 2.50 = 12.50 accepted.
    CHECK(run.files[0].control.lines_accepted == 1);
    CHECK(run.files[0].control.total_accepted.pence() == 1250);
}

TEST_CASE("profile: debit minus credit beyond the exact range is a rejected line, not a wrap") {
    TempDir dir;
    LedgerSpec s;
    s.path = dir.file("dc.csv", "date,ref,partner,scheme,debit,credit\n"
                                "2025-04-01,R1,ICB,S01,92233720368547758.07,-1.00\n"
                                "2025-04-01,R2,ICB,S01,10.00,2.50\n");
    s.profile = parse_ledger_profile("[profile]\nname = \"dc\"\n[columns]\ndate = \"date\"\n"
                                     "ref = \"ref\"\npartner = \"partner\"\nscheme = \"scheme\"\n"
                                     "debit = \"debit\"\ncredit = \"credit\"\n",
                                     "dc.toml");
    Agreement a = small_agreement();
    LedgerRun run = read_ledgers(&a, {s});
    // Line 2: 92,233,720,368,547,758.07 - (-1.00) is one pound past the most int64 pence holds.
    REQUIRE(run.rejects.size() == 1);
    CHECK(run.rejects[0].line == 2);
    CHECK(run.rejects[0].reason == "bad amount: debit minus credit is out of range");
    // Line 3: 10.00 - 2.50 = 7.50 accepted.
    CHECK(run.files[0].control.lines_accepted == 1);
    CHECK(run.files[0].control.total_accepted.pence() == 750);
}
