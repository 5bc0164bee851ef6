// SPEC §11 profile rules, maps, amount styles and the trailer; SPEC §4 how income, excluded and
// skipped lines are counted. Every figure is worked by hand in the comment beside it.
#include "ledger_test_support.hpp"
#include "money_printer.hpp"

#include "readers/amount_style.hpp"
#include "readers/ledger_profile.hpp"
#include "readers/ledger_reader.hpp"
#include "readers/line_rules.hpp"

#include <fmt/format.h>

#include <doctest/doctest.h>

using namespace poolkit;
using namespace poolkit::test;

namespace {
std::int64_t styled(std::string_view text, const AmountStyle& st, bool quoted = false) {
    MoneyParse m = parse_styled_amount(text, quoted, st);
    REQUIRE(m);
    return m.value.pence();
}
bool fails(std::string_view text, const AmountStyle& st) {
    return !parse_styled_amount(text, false, st);
}
// The formatted error parsing `text` as the profile p.toml gives, or "" when it parses.
std::string error_of(const std::string& text) {
    try {
        parse_ledger_profile(text, "p.toml");
    } catch (const Error& e) {
        return e.formatted();
    }
    return std::string();
}

} // namespace

TEST_CASE("profile amounts: brackets, CR/DR, decimal comma, thousands, trimming") {
    AmountStyle br{true, NegativeStyle::brackets, '.', ','};
    CHECK(styled("(1,200.00)", br) == -120000); // brackets: minus 1,200.00
    CHECK(styled("  1,200.50 ", br) == 120050); // trimmed, thousands mark
    CHECK(styled("-12.00", br) == -1200);       // a minus is always accepted
    CHECK(fails("(-12.00)", br));               // two signs
    CHECK(fails("1,20.00", br));                // thousands in groups of three only
    AmountStyle cr{true, NegativeStyle::cr_suffix, '.', ','};
    CHECK(styled("12.00CR", cr) == -1200);
    CHECK(styled("12.00 dr", cr) == 1200); // DR is a debit: positive
    AmountStyle eu{true, NegativeStyle::minus, ',', '.'};
    CHECK(styled("1.234,56", eu) == 123456); // decimal comma, point thousands
    CHECK(fails("1,234.56", eu));            // a point is a thousands mark here, not a decimal
    AmountStyle none{true, NegativeStyle::minus, '.', 0};
    CHECK(fails("1,000.00", none)); // thousands = "": no marks
    AmountStyle legacy{};           // no [amounts]: marks only inside quotes (SPEC §2)
    CHECK(fails("1,000.00", legacy));
    CHECK(styled("1,000.00", legacy, true) == 100000);
}

TEST_CASE("profile rules: maps, set, income, exclude, skip and the trailer, every line counted") {
    TempDir dir;
    // A Unit4-style export: a title line, schemes coded in Cost Centre, bracket negatives.
    std::string csv = "Council transaction report\n"
                      "Date,Doc,Cost Centre,Account,Amount\n"
                      "03/04/2025,1,RB102,5201,\"1,000.00\"\n" // S01 expenditure
                      "04/04/2025,2,RB205,5201,250.00\n"       // S02 expenditure
                      "05/04/2025,3,RB102,9100,(5000.00)\n"    // excluded: contribution
                      "06/04/2025,4,RB102,9200,(100.00)\n"     // S01 income
                      "07/04/2025,5,XX999,5201,10.00\n"        // rule: set scheme S02
                      "Subtotal,,,,1160.00\n"                  // skip rule (5 fields)
                      "Total,,,,\"(3,850.00)\"\n";             // the trailer
    // Trailer check: 1,000.00 + 250.00 − 5,000.00 − 100.00 + 10.00 = −3,840.00 (the subtotal
    // is skipped, so not in it) — the export states −3,850.00: a finding naming both.
    std::string profile = R"(
[profile]
name = "t"
date_format = "%d/%m/%Y"
skip_lines = 1
duplicate_key = ["Doc"]
[columns]
date = "Date"
amount = "Amount"
[fixed]
partner = "BRISTOL"
[amounts]
negative = "brackets"
[map.scheme]
column = "Cost Centre"
values = { RB102 = "S01", RB205 = "S02" }
[[rule]]
when = { column = "Account", equals = "9100" }
kind = "exclude"
reason = "contributions received"
[[rule]]
when = { column = "Account", equals = "9200" }
kind = "income"
[[rule]]
when = { column = "Cost Centre", matches = "^XX" }
set = { scheme = "S02" }
[[rule]]
when = { column = "Date", prefix = "Sub" }
kind = "skip"
[trailer]
when = { column = "Date", equals = "Total" }
)";
    LedgerSpec spec;
    spec.path = dir.file("u4.csv", csv);
    spec.profile = parse_ledger_profile(profile, "t.toml");
    Agreement a = small_agreement();
    LedgerRun run = read_ledgers(&a, {spec}, one_thread());
    const ControlTotals& c = run.control;
    CHECK(c.lines_read == 7); // data lines: 5 + subtotal + total (not the title or header)
    CHECK(c.lines_accepted == 4);
    CHECK(c.lines_rejected == 0);
    CHECK(c.lines_excluded == 1);
    CHECK(c.lines_skipped == 2); // the subtotal and the trailer
    CHECK(c.lines_read == c.lines_accepted + c.lines_rejected + c.lines_excluded + c.lines_skipped);
    CHECK(c.total_accepted == Money::from_pence(116000)); // 1,000 + 250 − 100 + 10 = 1,160.00
    CHECK(c.total_excluded == Money::from_pence(-500000));
    CHECK(c.total_skipped == Money::from_pence(116000 - 385000)); // 1,160.00 − 3,850.00
    CHECK(c.lines_income == 1);
    CHECK(c.total_income == Money::from_pence(10000)); // −100.00 of income is 100.00 received
    REQUIRE(c.excluded.size() == 1);
    CHECK(c.excluded[0].reason == "contributions received");
    REQUIRE(c.trailers.size() == 1);
    CHECK(c.trailers[0].stated == Money::from_pence(-385000));
    CHECK(c.trailers[0].summed == Money::from_pence(-384000));
    CHECK(!c.trailers[0].agrees());
    CHECK(c.trailers[0].line == 9); // title 1, header 2, data 3-7, subtotal 8
    // S01 (index 0): 1,000.00 − 100.00 net, 100.00 income; S02: 250.00 + 10.00 (set by a rule).
    const Actuals& act = *run.actuals;
    CHECK(act.scheme_to(SchemeIndex{0}, 12) == Money::from_pence(90000));
    CHECK(act.scheme_income_to(SchemeIndex{0}, 12) == Money::from_pence(10000));
    CHECK(act.scheme_to(SchemeIndex{1}, 12) == Money::from_pence(26000));
}

TEST_CASE("profile rules: located errors for a bad rule, map or amount style") {
    const std::string head = "[profile]\nname = \"t\"\n";
    CHECK(
        error_of(head + "[[rule]]\nwhen = { column = \"A\", equals = \"x\" }\nkind = \"exclude\"\n")
            .find("p.toml:3:1: error: [[rule]] 1 excludes lines, so it needs a reason") == 0);
    CHECK(error_of(head + "[[rule]]\nwhen = { column = \"A\", matches = \"(\" }\nkind = \"skip\"\n")
              .find("p.toml:4:") == 0);
    CHECK(error_of(head + "[[rule]]\nwhen = { column = \"A\", equals = \"x\" }\nkind = \"incme\"\n")
              .find("did you mean 'income'") != std::string::npos);
    CHECK(error_of(head + "[map.amount]\ncolumn = \"A\"\nvalues = { x = \"1\" }\n")
              .find("cannot supply 'amount'") != std::string::npos);
    CHECK(error_of(head + "[amounts]\nnegative = \"bracket\"\n").find("did you mean 'brackets'") !=
          std::string::npos);
    CHECK(error_of(head + "[amounts]\ndecimal_mark = \",\"\nthousands = \",\"\n")
              .find("both \",\"") != std::string::npos);
    CHECK(error_of("[profile]\nencoding = \"latin-1\"\n").find("p.toml:2:12:") == 0);
}

TEST_CASE("profile: a reader key outside [profile] is said to belong under it, at its line") {
    // Above [profile]: at the top level.
    CHECK(error_of("delimiter = \";\"\n[profile]\nname = \"t\"\n") ==
          "p.toml:1:1: error: 'delimiter' belongs under [profile]: move it to the lines after the "
          "[profile] line");
    // After [columns]: TOML reads it as a column, so the message says why.
    CHECK(error_of(
              "[profile]\nname = \"t\"\n[columns]\ndate = \"D\"\ndate_format = \"%d/%m/%Y\"\n") ==
          "p.toml:5:1: error: 'date_format' belongs under [profile], not [columns]: move it to "
          "the lines after the [profile] line (in TOML a key belongs to the last [table] above "
          "it)");
    CHECK(error_of("[profile]\nname = \"t\"\n[amounts]\nnegative = \"brackets\"\nskip_lines = 1\n")
              .find("p.toml:5:1: error: 'skip_lines' belongs under [profile], not [amounts]") == 0);
    CHECK(error_of("[profile]\nname = \"t\"\n[trailer]\nwhen = { column = \"A\", equals = \"T\" "
                   "}\nencoding = \"windows-1252\"\n")
              .find("p.toml:5:1: error: 'encoding' belongs under [profile], not [trailer]") == 0);
    CHECK(error_of("[profile]\nname = \"t\"\n[[rule]]\nwhen = { column = \"A\", equals = \"T\" "
                   "}\nkind = \"skip\"\ndelimiter = \";\"\n")
              .find("p.toml:6:1: error: 'delimiter' belongs under [profile], not [[rule]] 1") == 0);
    CHECK(error_of("[profile]\nname = \"t\"\n[map.scheme]\ncolumn = \"A\"\nvalues = {}\n"
                   "skip_lines = 2\n")
              .find("p.toml:6:1: error: 'skip_lines' belongs under [profile], not [map.scheme]") ==
          0);
    // Any other unknown key keeps its "did you mean".
    CHECK(error_of("[profile]\nname = \"t\"\n[columns]\ndatte = \"D\"\n")
              .find("did you mean 'date'") != std::string::npos);
}

TEST_CASE("totals out of range: an excluded total is checked in its own right") {
    Agreement a = small_agreement();
    TempDir dir;
    // Line 2 excluded, max (92,233,720,368,547,758.07); line 3 accepted, min (−max − 0.01); line
    // 4 excluded, 0.01. The total read runs max, −0.01, 0.00: in range. The magnitudes pass the
    // range, so the totals are added again in order: the excluded total, max + 0.01, leaves it at
    // line 4, and the run stops there naming it (SPEC §2), rather than report a wrapped total.
    std::string csv = "date,ref,partner,scheme,cost_centre,description,amount\n"
                      "2025-06-01,A,ICB,S01,CC1,recharge,92233720368547758.07\n"
                      "2025-06-01,B,ICB,S01,CC1,x,-92233720368547758.08\n"
                      "2025-06-01,C,ICB,S01,CC1,recharge,0.01\n";
    LedgerSpec s;
    s.path = dir.file("l.csv", csv);
    s.profile = parse_ledger_profile(
        "[profile]\nname = \"t\"\n[columns]\nref = \"ref\"\n[[rule]]\nwhen = { column = "
        "\"description\", equals = \"recharge\" }\nkind = \"exclude\"\nreason = \"recharges\"\n",
        "p.toml");
    for (unsigned threads : {1u, 2u}) {
        CAPTURE(threads);
        LedgerOptions o;
        o.threads = threads;
        o.block_bytes = 4096;
        try {
            read_ledgers(&a, {s}, o);
            FAIL("no error");
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::arithmetic);
            CHECK(e.where().line == 4);
            CHECK(std::string(e.what()).find("takes the total excluded of " + s.path) !=
                  std::string::npos);
        }
    }
}

TEST_CASE("rule memo: a verdict per distinct value, exact for short, long and unique values") {
    using poolkit::ledger::VerdictCache;
    VerdictCache memo;
    // Values that differ only after their 16th byte, or only in length, or by a NUL.
    std::vector<std::string> values = {"",
                                       "A",
                                       "CC0190",
                                       "placement packag", // 16 bytes
                                       "placement package",
                                       "placement packagf",
                                       "placement package, respite",
                                       std::string("A\0", 2),
                                       "0123456789abcdef0123456789abcdef0123456789"};
    for (std::size_t i = 0; i < values.size(); ++i) {
        int v = -2;
        CHECK(!memo.find(values[i].data(), values[i].size(), false, v));
        memo.add(values[i].data(), values[i].size(), false, static_cast<int>(i));
    }
    // Asked again in another order, each has its own verdict; text inside a block (padded) finds
    // the same entries as a copy does.
    for (std::size_t k = values.size(); k-- > 0;) {
        int v = -2;
        REQUIRE(memo.find(values[k].data(), values[k].size(), false, v));
        CHECK(v == static_cast<int>(k));
        std::string padded = values[k] + std::string(64, 'x');
        REQUIRE(memo.find(padded.data(), values[k].size(), true, v));
        CHECK(v == static_cast<int>(k));
    }
    // A column of unique values: the memo starts again at its limit, and never gives a value
    // another's verdict.
    VerdictCache many;
    const std::size_t n = VerdictCache::limit + 1000;
    for (std::size_t i = 0; i < n; ++i) {
        std::string s = fmt::format("{}{}", i % 2 ? "T" : "reference number ", i);
        int v = -2;
        if (many.find(s.data(), s.size(), false, v)) CHECK(v == static_cast<int>(i % 7));
        many.add(s.data(), s.size(), false, static_cast<int>(i % 7));
    }
    for (std::size_t i = 0; i < n; i += 997) {
        std::string s = fmt::format("{}{}", i % 2 ? "T" : "reference number ", i);
        int v = -2;
        if (many.find(s.data(), s.size(), false, v)) CHECK(v == static_cast<int>(i % 7));
    }
}

TEST_CASE("profile rules: the memo's verdicts over a file of repeated and long values") {
    TempDir dir;
    // 400 lines: descriptions cycle over three long ones (the first two differ only after their
    // 16th byte), cost centres over CC0000..CC0019.
    const char* descriptions[] = {"placement package residential", "placement package respite",
                                  "refund of placement"};
    std::string csv = "date,ref,partner,scheme,cost_centre,description,amount\n";
    for (int i = 0; i < 400; ++i)
        csv += fmt::format("2025-04-01,T{},ICB,S01,CC{:04d},{},1.00\n", i, i % 20,
                           descriptions[i % 3]);
    std::string profile = R"(
[profile]
name = "t"
[[rule]]
when = { column = "description", matches = "^refund" }
kind = "income"
[[rule]]
when = { column = "cost_centre", prefix = "CC001" }
kind = "exclude"
reason = "recharges"
[[rule]]
when = { column = "description", equals = "placement package respite" }
set = { scheme = "S02" }
)";
    LedgerSpec spec;
    spec.path = dir.file("l.csv", csv);
    spec.profile = parse_ledger_profile(profile, "t.toml");
    Agreement a = small_agreement();
    for (unsigned threads : {1u, 2u}) {
        LedgerOptions o;
        o.threads = threads;
        o.block_bytes = 4096; // several blocks, so both threads build their own memo
        LedgerRun run = read_ledgers(&a, {spec}, o);
        const ControlTotals& c = run.control;
        // i decides both columns, and i mod 60 decides both together (20 and 3 are coprime,
        // so each pair of i mod 20 and i mod 3 comes once in 60).
        // Income (rule 1, first): i mod 3 = 2, i = 2, 5, ..., 398: 133 lines.
        CHECK(c.lines_income == 133);
        CHECK(c.total_income == Money::from_pence(-13300)); // +1.00 of income: −1.00 received
        // Excluded (rule 2): i mod 20 >= 10 but not income: 20 in each 60 (30 less 10), so 120 in
        // 0..359; in 360..399, i mod 60 in 10..19 and 30..39 less 11, 14, 17, 32, 35, 38: 14.
        CHECK(c.lines_excluded == 134);
        CHECK(c.total_excluded == Money::from_pence(13400));
        CHECK(c.lines_accepted == 266); // 400 − 134
        // S02 (rule 3, "respite"): i mod 3 = 1 and i mod 20 < 10: 10 in each 60, so 60 in
        // 0..359, and 361, 364, 367, 382, 385, 388: 66 lines of 1.00. S01: the other 200.
        const Actuals& act = *run.actuals;
        CHECK(act.scheme_to(SchemeIndex{1}, 12) == Money::from_pence(6600));
        CHECK(act.scheme_to(SchemeIndex{0}, 12) == Money::from_pence(20000));
    }
}

TEST_CASE("rule direct tests: equals and prefix of up to 16 bytes, inside a block or copied") {
    using poolkit::ledger::LineRules;
    // Each (test, value, expected) is checked on a copy (unpadded) and inside padded text.
    struct Case {
        bool prefix;
        const char* rule;
        std::string value;
        bool holds;
    };
    std::vector<Case> cases = {
        {true, "CC019", "CC0190", true},
        {true, "CC019", "CC0189", false},
        {true, "CC019", "CC019", true},
        {true, "CC019", "CC01", false},
        {false, "CC019", "CC0190", false},
        {false, "CC019", "CC019", true},
        {false, "RB102", "RB103", false},
        {true, "", "anything", true},
        {false, "", "", true},
        {false, "", "x", false},
        {true, "Client cont", "Client contribution", true}, // 11 bytes: the second word
        {true, "Client cont", "Client conu", false},
        {false, "0123456789abcdef", "0123456789abcdef", true}, // 16 bytes, both words
        {false, "0123456789abcdef", "0123456789abcdeF", false},
        {true, "0123456789abcdef", "0123456789abcdef and more", true},
        {false, "A", std::string("A\0", 2), false}, // a NUL is a byte like any other
    };
    for (const Case& c : cases) {
        LineRules::DirectTest t(c.prefix, c.rule, 7);
        CAPTURE(c.rule);
        CAPTURE(c.value);
        CHECK(t.holds(c.value, false) == c.holds);
        std::string padded = c.value + std::string(32, '\xff');
        CHECK(t.holds(std::string_view(padded.data(), c.value.size()), true) == c.holds);
    }
}

TEST_CASE("profile rules: a prefix rule tested directly on quoted and escaped values") {
    TempDir dir;
    // Cost centres: plain, quoted, and quoted with an escaped quote (read from a copy, not in
    // place). Rule 1 (prefix "CC019", direct) makes income; rule 2 (equals, direct) excludes.
    std::string csv = "date,ref,partner,scheme,cost_centre,description,amount\n"
                      "2025-04-01,T1,ICB,S01,CC0190,a,10.00\n"         // rule 1: income
                      "2025-04-01,T2,ICB,S01,\"CC0191\",a,20.00\n"     // rule 1: income
                      "2025-04-01,T3,ICB,S01,\"CC019\"\"X\",a,40.00\n" // CC019"X: rule 1
                      "2025-04-01,T4,ICB,S01,\"CC01\"\"9\",a,80.00\n"  // CC01"9: no rule
                      "2025-04-01,T5,ICB,S01,RECHARGES,a,160.00\n"     // rule 2: excluded
                      "2025-04-01,T6,ICB,S01,\"RECHARGES\",a,320.00\n" // rule 2: excluded
                      "2025-04-01,T7,ICB,S01,RECHARGESX,a,640.00\n";   // no rule
    std::string profile = R"(
[profile]
name = "t"
[[rule]]
when = { column = "cost_centre", prefix = "CC019" }
kind = "income"
[[rule]]
when = { column = "cost_centre", equals = "RECHARGES" }
kind = "exclude"
reason = "recharges"
)";
    LedgerSpec spec;
    spec.path = dir.file("l.csv", csv);
    spec.profile = parse_ledger_profile(profile, "t.toml");
    Agreement a = small_agreement();
    LedgerRun run = read_ledgers(&a, {spec}, LedgerOptions{});
    const ControlTotals& c = run.control;
    CHECK(c.lines_income == 3);                          // T1, T2, T3
    CHECK(c.total_income == Money::from_pence(-7000));   // 10 + 20 + 40 = 70.00
    CHECK(c.lines_excluded == 2);                        // T5, T6
    CHECK(c.total_excluded == Money::from_pence(48000)); // 160 + 320 = 480.00
    CHECK(c.lines_accepted == 5);                        // T1-T4, T7
    CHECK(c.total_accepted == Money::from_pence(79000)); // 10+20+40+80+640 = 790.00
}
