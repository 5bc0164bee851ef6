// The ledger reader (SPEC §4): one hand-written ledger per rejection reason with its exact rejects
// and control totals; RFC 4180 input forms; duplicates; the same file twice; free mode.
#include "ledger_test_support.hpp"
#include "test_period.hpp"

#include "readers/ledger_reader.hpp"
#include "support/error.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace poolkit;
using namespace poolkit::test;

namespace {

const std::string header = "date,ref,partner,scheme,cost_centre,description,amount\n";
// Line 2 of every case: accepted, 100.00 on ICB S01 P01.
const std::string good = "2025-04-01,R1,ICB,S01,CC1,good,100.00\n";

struct Case {
    const char* name;
    std::string bad_line;                  // line 3
    const char* reason;                    // how the reason starts
    std::optional<std::int64_t> bad_pence; // the rejected line's amount, when it can be read
};

LedgerRun read_one(const std::string& text, const Agreement* a = nullptr,
                   LedgerOptions o = one_thread()) {
    TempDir dir;
    return read_ledgers(a, specs({dir.file("l.csv", text)}), o);
}

} // namespace

TEST_CASE("ledger: each rejection reason, with its line and the control totals") {
    Agreement a = small_agreement();
    const Case cases[] = {
        {"bad date", "2025-02-30,R2,ICB,S01,CC1,x,10.00\n", "bad date \"2025-02-30\"", 1000},
        {"date text", "1/4/2025,R2,ICB,S01,CC1,x,10.00\n", "bad date \"1/4/2025\"", 1000},
        {"outside the year", "2025-03-31,R2,ICB,S01,CC1,x,20.00\n",
         "date 2025-03-31 is outside the financial year 2025-26", 2000},
        {"after the year", "2026-04-01,R2,ICB,S01,CC1,x,20.00\n",
         "date 2026-04-01 is outside the financial year 2025-26", 2000},
        {"unknown partner", "2025-05-01,R2,NOBODY,S01,CC1,x,30.00\n", "unknown partner \"NOBODY\"",
         3000},
        {"partner case", "2025-05-01,R2,icb,S01,CC1,x,30.00\n", "unknown partner \"icb\"", 3000},
        {"unknown scheme", "2025-05-01,R2,ICB,S99,CC1,x,40.00\n", "unknown scheme \"S99\"", 4000},
        {"three decimals", "2025-05-01,R2,ICB,S01,CC1,x,12.345\n",
         "bad amount \"12.345\": more than two decimals", std::nullopt},
        {"unquoted thousands", "2025-05-01,R2,ICB,S01,CC1,x,\"1,2345.00\"\n",
         "bad amount \"1,2345.00\": thousands separators", std::nullopt},
        {"empty amount", "2025-05-01,R2,ICB,S01,CC1,x,\n", "bad amount (empty)", std::nullopt},
        {"too few fields", "2025-05-01,R2,ICB,S01,CC1,40.00\n",
         "wrong number of fields: 6, the header has 7", std::nullopt},
        {"too many fields", "2025-05-01,R2,ICB,S01,CC1,a,b,40.00\n",
         "wrong number of fields: 8, the header has 7", std::nullopt},
        {"duplicate ref", "2025-06-01,R1,ICB,S02,CC1,again,50.00\n", "duplicate ref R1 (first at ",
         5000},
        {"missing ref", "2025-06-01,,ICB,S02,CC1,x,60.00\n", "missing ref", 6000},
        {"bad quoting", "2025-06-01,R2,ICB,S02,CC1,say \"hi\",60.00\n", "bad quoting",
         std::nullopt},
    };
    for (const Case& c : cases) {
        CAPTURE(c.name);
        LedgerRun run = read_one(header + good + c.bad_line, &a);
        REQUIRE(run.rejects.size() == 1);
        CHECK(run.rejects[0].line == 3);
        CHECK(run.rejects[0].reason.rfind(c.reason, 0) == 0);
        CAPTURE(run.rejects[0].reason);
        CHECK(run.rejects[0].amount.has_value() == c.bad_pence.has_value());
        // Two lines read, one accepted (100.00), one rejected (its amount when readable).
        const ControlTotals& t = run.control;
        CHECK(t.lines_read == 2);
        CHECK(t.lines_accepted == 1);
        CHECK(t.lines_rejected == 1);
        CHECK(t.total_accepted.pence() == 10000);
        CHECK(t.total_rejected.pence() == c.bad_pence.value_or(0));
        CHECK(t.total_read.pence() == 10000 + c.bad_pence.value_or(0));
        REQUIRE(run.actuals);
        CHECK(run.actuals->at(PartnerIndex{0}, SchemeIndex{0}, Period::nth(1)).pence() == 10000);
        CHECK(run.actuals->total_to(12).pence() == 10000);
    }
}

TEST_CASE("ledger: the rejected line keeps its fields, unquoted") {
    Agreement a = small_agreement();
    LedgerRun run = read_one(header + good + "2025-05-01,R2,ICB,S99,CC1,\"a, \"\"b\"\"\",40\n", &a);
    REQUIRE(run.rejects.size() == 1);
    CHECK(run.rejects[0].fields ==
          std::vector<std::string>{"2025-05-01", "R2", "ICB", "S99", "CC1", "a, \"b\"", "40"});
    CHECK(run.rejects[0].amount == Money::from_pence(4000));
}

TEST_CASE("ledger: CRLF, a BOM, quoted thousands, quoted newlines and no final newline") {
    Agreement a = small_agreement();
    std::string text = "\xEF\xBB\xBF" +
                       std::string("date,ref,partner,scheme,cost_centre,"
                                   "description,amount\r\n") +
                       "2025-04-30,A1,ICB,S01,CC1,plain,10.5\r\n"
                       "\"2025-05-01\",\"A2\",\"BRISTOL\",\"S02\",\"CC2\",\"two\r\nlines\","
                       "\"1,234.56\"\r\n"
                       "\r\n" // a blank line: no data, not counted
                       "2026-03-31,A3,BRISTOL,S01,CC3,\"say \"\"hi\"\"\",-0.06";
    LedgerRun run = read_one(text, &a);
    CHECK(run.rejects.empty());
    // 10.50 + 1,234.56 - 0.06 = 1,245.00
    CHECK(run.control.lines_read == 3);
    CHECK(run.control.total_accepted.pence() == 124500);
    CHECK(run.actuals->at(PartnerIndex{0}, SchemeIndex{0}, Period::nth(1)).pence() ==
          1050); // ICB S01 April
    CHECK(run.actuals->at(PartnerIndex{1}, SchemeIndex{1}, Period::nth(2)).pence() ==
          123456); // BRISTOL S02 May
    CHECK(run.actuals->at(PartnerIndex{1}, SchemeIndex{0}, Period::nth(12)).pence() ==
          -6); // BRISTOL S01 March 2026
    CHECK(run.actuals->lines_at(PartnerIndex{1}, SchemeIndex{1}, Period::nth(2)) == 1);
}

TEST_CASE("ledger: line numbers count the physical lines, quoted newlines included") {
    Agreement a = small_agreement();
    std::string text = header + "2025-04-01,A1,ICB,S01,CC1,\"one\ntwo\nthree\",1\n" // lines 2-4
                       + "2025-04-01,A2,ICB,S09,CC1,x,2\n";                         // line 5
    LedgerRun run = read_one(text, &a);
    REQUIRE(run.rejects.size() == 1);
    CHECK(run.rejects[0].line == 5);
}

TEST_CASE("ledger: an unterminated quote rejects the rest of the file as one line") {
    Agreement a = small_agreement();
    LedgerRun run = read_one(header + good + "2025-04-01,A2,ICB,S01,CC1,\"open,1\n" +
                                 "2025-04-01,A3,ICB,S01,CC1,x,1\n",
                             &a);
    REQUIRE(run.rejects.size() == 1);
    CHECK(run.rejects[0].line == 3);
    CHECK(run.rejects[0].reason.rfind("bad quoting", 0) == 0);
    CHECK(run.control.lines_read == 2);
}

TEST_CASE("ledger: duplicates are judged by partner and key, the first one stays") {
    Agreement a = small_agreement();
    std::string text = header +
                       "2025-04-01,D1,ICB,S01,CC1,x,1.00\n"     // 2 accepted
                       "2025-04-02,D1,BRISTOL,S01,CC1,x,2.00\n" // 3 another partner: accepted
                       "2025-04-03,D1,ICB,S02,CC1,x,4.00\n"     // 4 duplicate of line 2
                       "2025-04-04,D2,ICB,S01,CC1,x,8.00\n"     // 5 accepted
                       "2025-13-04,D2,ICB,S01,CC1,x,16.00\n"    // 6 bad date (not a dup)
                       "2025-04-05,D1,ICB,S01,CC1,x,32.00\n";   // 7 duplicate of line 2
    for (unsigned threads : {1u, 2u}) {
        LedgerOptions o;
        o.threads = threads;
        LedgerRun run = read_one(text, &a, o);
        REQUIRE(run.rejects.size() == 3);
        CHECK(run.rejects[0].line == 4);
        CHECK(run.rejects[0].reason.find("duplicate ref D1 (first at ") == 0);
        CHECK(run.rejects[0].reason.find(".csv:2)") != std::string::npos);
        CHECK(run.rejects[1].line == 6);
        CHECK(run.rejects[2].line == 7);
        // Accepted: 1 + 2 + 8 = 11.00; rejected 4 + 16 + 32 = 52.00.
        CHECK(run.control.lines_accepted == 3);
        CHECK(run.control.total_accepted.pence() == 1100);
        CHECK(run.control.total_rejected.pence() == 5200);
        CHECK(run.actuals->at(PartnerIndex{0}, SchemeIndex{1}, Period::nth(1)).pence() ==
              0); // the duplicate on S02 was taken out
        CHECK(run.actuals->lines_at(PartnerIndex{0}, SchemeIndex{1}, Period::nth(1)) == 0);
        CHECK(run.actuals->at(PartnerIndex{0}, SchemeIndex{0}, Period::nth(1)).pence() == 900);
    }
    LedgerOptions off = one_thread();
    off.duplicate_check = false;
    LedgerRun run = read_one(text, &a, off);
    CHECK(run.rejects.size() == 1);
    CHECK(run.control.total_accepted.pence() == 4700);
}

TEST_CASE("ledger: duplicates across files are found too") {
    Agreement a = small_agreement();
    TempDir dir;
    std::string f1 = dir.file("jan.csv", header + "2025-04-01,X1,ICB,S01,,x,1.00\n");
    std::string f2 = dir.file("feb.csv", header + "2025-04-02,X2,ICB,S01,,x,2.00\n" +
                                             "2025-04-01,X1,ICB,S01,,x,1.00\n");
    LedgerRun run = read_ledgers(&a, specs({f1, f2}), one_thread());
    REQUIRE(run.rejects.size() == 1);
    CHECK(run.rejects[0].file == f2);
    CHECK(run.rejects[0].line == 3);
    CHECK(run.rejects[0].reason == "duplicate ref X1 (first at " + f1 + ":2)");
    REQUIRE(run.files.size() == 2);
    CHECK(run.files[0].control.lines_accepted == 1);
    CHECK(run.files[1].control.lines_rejected == 1);
}

TEST_CASE("ledger: the same file twice is refused, by path or by bytes") {
    Agreement a = small_agreement();
    TempDir dir;
    std::string f1 = dir.file("a.csv", header + good);
    std::string f2 = dir.file("b.csv", header + good);
    std::string f3 = dir.file("c.csv", header + "2025-04-01,R9,ICB,S01,CC1,good,100.00\n");
    CHECK_THROWS_WITH_AS(read_ledgers(&a, specs({f1, f1})),
                         doctest::Contains("is the same file as"), Error);
    CHECK_THROWS_WITH_AS(read_ledgers(&a, specs({f1, f2})),
                         doctest::Contains("has the same bytes as"), Error);
    CHECK(read_ledgers(&a, specs({f1, f3})).control.lines_accepted == 2);
}

TEST_CASE("ledger: files that cannot be read are errors, not findings") {
    TempDir dir;
    auto kind = [](const std::vector<LedgerSpec>& s) {
        try {
            read_ledgers(nullptr, s);
        } catch (const Error& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    CHECK(kind(specs({dir.path() + "/missing.csv"})).find("No such file") != std::string::npos);
    CHECK(kind(specs({dir.path()})).find("is a directory") != std::string::npos);
    CHECK(kind(specs({dir.file("e.csv", "")})).find("empty") != std::string::npos);
    CHECK(kind(specs({dir.file("h.csv", "date,ref,partner,scheme,amount\n")}))
              .find("no column \"cost_centre\"") == std::string::npos); // cost centre is optional
    CHECK(kind(specs({dir.file("h2.csv", "date,ref,partner,amount\n")}))
              .find("no column \"scheme\"") != std::string::npos);
}

TEST_CASE("ledger: without an agreement any codes and any month are accepted") {
    std::string text = header + "2024-12-31,F1,ZED,X9,CC1,x,1.00\n"
                                "2025-01-15,F2,ZED,X9,CC2,x,2.00\n"
                                "2024-12-01,F3,ALPHA,X9,CC1,x,4.00\n"
                                "2024-12-01,F4,ALPHA,,CC1,x,8.00\n"; // no scheme: rejected
    LedgerRun run = read_one(text);
    CHECK_FALSE(run.actuals);
    REQUIRE(run.rows.size() == 3);
    // Sorted by partner code, scheme code, period.
    CHECK(run.rows[0].partner == "ALPHA");
    CHECK(run.rows[0].period == "2024-12");
    CHECK(run.rows[1].partner == "ZED");
    CHECK(run.rows[1].period == "2024-12");
    CHECK(run.rows[2].period == "2025-01");
    CHECK(run.rows[2].amount.pence() == 200);
    REQUIRE(run.rejects.size() == 1);
    CHECK(run.rejects[0].reason == "unknown scheme (empty)");

    LedgerOptions o = one_thread();
    o.by_cost_centre = true;
    run = read_one(text, nullptr, o);
    REQUIRE(run.rows.size() == 3);
    CHECK(run.rows[1].cost_centre == "CC1");
    CHECK(run.rows[2].cost_centre == "CC2");
}

TEST_CASE("ledger: inputs are recorded with their SHA-256") {
    TempDir dir;
    std::string f = dir.file("l.csv", "date,ref,partner,scheme,cost_centre,description,amount\n");
    LedgerRun run = read_ledgers(nullptr, specs({f}));
    REQUIRE(run.inputs.size() == 1);
    CHECK(run.inputs[0].role == "ledger");
    CHECK(run.inputs[0].bytes == 55);
    // sha256 of the header line above, as `sha256sum` prints it.
    CHECK(run.inputs[0].sha256 ==
          "a0248a547fbf222343676bef273de4b9d094d53b0c9992a8c87be3b5ccf6d2ce");
}

TEST_CASE("ledger: amounts of every length read exactly, and the near misses rejected") {
    Agreement a = small_agreement();
    // Each line's amount and its pence, worked by hand; lines 2.. of the ledger.
    const std::pair<const char*, std::int64_t> good_amounts[] = {
        {"7", 700},
        {"-7", -700},
        {"12.3", 1230},
        {"0.07", 7},
        {"-0.01", -1},
        {"12345678", 1234567800},                 // eight digits: one word
        {"123456789", 12345678900},               // nine: two words
        {"-98765432.10", -9876543210},            //
        {"123456789012345", 12345678901234500},   // fifteen, the longest common form
        {"1234567890123456", 123456789012345600}, // sixteen: parse_money's, the same figure
        {"+5.50", 550},                           // a plus: parse_money's
    };
    const char* bad_amounts[] = {"12.", ".50", "1.2.3", "--5", "1e3", "12.345", "1 2", "-"};
    std::string text = header;
    std::int64_t sum = 0;
    int ref = 0;
    for (auto [amount, pence] : good_amounts) {
        text += "2025-04-01,R" + std::to_string(++ref) + ",ICB,S01,CC1,x," + amount + "\n";
        sum += pence;
    }
    for (const char* amount : bad_amounts)
        text += "2025-04-01,R" + std::to_string(++ref) + ",ICB,S01,CC1,x," + amount + "\n";
    for (unsigned threads : {1u, 2u}) {
        LedgerOptions o;
        o.threads = threads;
        LedgerRun run = read_one(text, &a, o);
        CHECK(run.control.lines_accepted == std::size(good_amounts));
        CHECK(run.control.lines_rejected == std::size(bad_amounts));
        CHECK(run.control.total_accepted.pence() == sum);
        for (const auto& r : run.rejects)
            CHECK(r.reason.rfind("bad amount", 0) == 0);
    }
}
