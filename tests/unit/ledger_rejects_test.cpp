// Rejected lines streamed, not held (SPEC §8), and totals out of range named by their place
// (SPEC §2, §5): the same rejects in the same order whatever the threads and blocks, only the first
// few kept in memory, millions of bytes of them read back from disk; the line that takes a total
// out of range is the same line however the reading was shared out; the CR that ends lines in
// an old Mac file is found in a file far longer than a block.
#include "ledger_test_support.hpp"
#include "test_period.hpp"

#include "readers/ledger_reader.hpp"
#include "support/error.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace poolkit;
using namespace poolkit::test;

namespace {

// n lines, line k + 2 for line index k: every 3rd an unknown scheme (rejected, amount read),
// every 7th (not a 3rd) a bad amount, every 11th (neither) repeats the ref of the line before it
// (a duplicate of that line, when that one was accepted).
std::string mixed(int n) {
    std::string t = "date,ref,partner,scheme,cost_centre,description,amount\n";
    for (int k = 0; k < n; ++k) {
        std::string ref = "R" + std::to_string(k % 11 == 0 && k > 0 ? k - 1 : k);
        std::string scheme = k % 3 == 0 ? "S99" : "S01";
        std::string amount = k % 7 == 0 && k % 3 != 0 ? "1.2.3" : std::to_string(k % 500) + ".25";
        t += "2025-05-01," + ref + ",ICB," + scheme + ",CC1,some description," + amount + "\n";
    }
    return t;
}

std::vector<std::string> replay(const LedgerRun& run) {
    std::vector<std::string> out;
    run.all_rejects->for_each([&](const RejectedLine& r) {
        std::string s = r.file + ":" + std::to_string(r.line) + ": " + r.reason + " |";
        for (const auto& f : r.fields)
            s += f + "|";
        s += r.amount ? std::to_string(r.amount->pence()) : "none";
        out.push_back(s);
    });
    return out;
}

} // namespace

TEST_CASE("rejects: the same lines in the same order on one thread or four, in any block size") {
    Agreement a = small_agreement();
    TempDir dir;
    // 30,000 lines, about 14,000 of them rejected: over 1 MiB, so on one thread the spill goes to
    // a temporary file and is read back from it.
    std::string path = dir.file("l.csv", mixed(30000));
    LedgerOptions one = one_thread();
    one.block_bytes = 1 << 22;
    LedgerRun base = read_ledgers(&a, specs({path}), one);
    std::vector<std::string> want = replay(base);
    REQUIRE(want.size() == base.control.lines_rejected);
    CHECK(base.all_rejects->size() == base.control.lines_rejected);
    // Counted here: unknown schemes, the multiples of 3 below 30,000: 10,000; bad amounts, the
    // multiples of 7 (4,286) less those of 21 (1,429): 2,857; duplicates, the k below that repeat
    // an accepted line and are not rejected for another reason first.
    std::uint64_t dups = 0;
    for (int k = 1; k < 30000; ++k)
        if (k % 11 == 0 && k % 3 != 0 && k % 7 != 0 && (k - 1) % 3 != 0 &&
            !((k - 1) % 7 == 0 && (k - 1) % 3 != 0))
            ++dups;
    CHECK(base.control.lines_rejected == 10000 + 2857 + dups);
    // In file and line order.
    std::vector<std::uint64_t> lines;
    base.all_rejects->for_each([&](const RejectedLine& r) { lines.push_back(r.line); });
    CHECK(std::is_sorted(lines.begin(), lines.end()));

    for (unsigned threads : {2u, 4u})
        for (std::size_t block : {std::size_t(4096), std::size_t(1) << 16}) {
            CAPTURE(threads);
            CAPTURE(block);
            LedgerOptions o;
            o.threads = threads;
            o.block_bytes = block;
            o.rejects_kept = 5;
            LedgerRun run = read_ledgers(&a, specs({path}), o);
            CHECK(replay(run) == want);
            // Only the first five in memory, and they are the first five.
            REQUIRE(run.rejects.size() == 5);
            for (std::size_t i = 0; i < 5; ++i)
                CHECK(run.rejects[i].line == base.rejects[i].line);
            CHECK(run.control.lines_rejected == base.control.lines_rejected);
            CHECK(run.control.total_rejected == base.control.total_rejected);
        }
}

TEST_CASE("rejects: a replay can be made twice, and across files in the order given") {
    Agreement a = small_agreement();
    TempDir dir;
    std::string f1 = dir.file("a.csv", "date,ref,partner,scheme,cost_centre,description,amount\n"
                                       "2025-05-01,X1,ICB,S99,CC1,x,1.00\n"
                                       "2025-05-01,X2,ICB,S01,CC1,x,2.00\n");
    std::string f2 = dir.file("b.csv", "date,ref,partner,scheme,cost_centre,description,amount\n"
                                       "2025-05-01,X2,ICB,S01,CC1,again,3.00\n"
                                       "2025-05-01,X3,NOBODY,S01,CC1,x,4.00\n");
    LedgerRun run = read_ledgers(&a, specs({f2, f1}), one_thread());
    std::vector<std::string> first = replay(run), second = replay(run);
    CHECK(first == second);
    // b.csv first (the order given), then a.csv; X2 of a.csv repeats X2 of b.csv line 2.
    REQUIRE(first.size() == 3);
    CHECK(first[0].rfind(f2 + ":3: unknown partner \"NOBODY\"", 0) == 0);
    CHECK(first[1].rfind(f1 + ":2: unknown scheme \"S99\"", 0) == 0);
    CHECK(first[2].rfind(f1 + ":3: duplicate ref X2 (first at " + f2 + ":2)", 0) == 0);
    CHECK(first[2].substr(first[2].size() - 3) == "200"); // the duplicate's 2.00
}

TEST_CASE("totals out of range: the same line is named on one thread or four") {
    Agreement a = small_agreement();
    TempDir dir;
    // 3,000 lines of 1.00 (lines 2..3,001) on two schemes and partners, then max - 3,000.00 at
    // line 3,002 (the total read is then exactly 92,233,720,368,547,758.07), then 0.01 at line
    // 3,003, which passes it. Ahead of it, the threads' own sums never pass the range.
    std::string t = "date,ref,partner,scheme,cost_centre,description,amount\n";
    for (int k = 0; k < 3000; ++k)
        t += "2025-06-01,R" + std::to_string(k) + (k % 2 ? ",ICB,S01" : ",BRISTOL,S02") +
             ",CC1,x,1.00\n";
    t += "2025-06-01,BIG,ICB,S02,CC1,x,92233720368544758.07\n";
    t += "2025-06-01,PENNY,BRISTOL,S01,CC1,x,0.01\n";
    t += "2025-06-01,AFTER,BRISTOL,S01,CC1,x,-5.00\n"; // back in range: too late
    std::string path = dir.file("l.csv", t);
    for (unsigned threads : {1u, 4u}) {
        CAPTURE(threads);
        LedgerOptions o;
        o.threads = threads;
        o.block_bytes = 4096;
        try {
            read_ledgers(&a, specs({path}), o);
            FAIL("no error");
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::arithmetic);
            CHECK(e.where().file == path);
            CHECK(e.where().line == 3003);
            CHECK(std::string(e.what()).find("takes the total read of " + path) !=
                  std::string::npos);
        }
    }
}

TEST_CASE("totals out of range: amounts past the range that come back into it are fine") {
    Agreement a = small_agreement();
    TempDir dir;
    // max, min (= -max - 0.01), max, -1.00: the magnitudes add up far past the range, but in file
    // order the total read (and accepted) runs max, -0.01, max - 0.01, max - 1.01: never past it.
    std::string t = "date,ref,partner,scheme,cost_centre,description,amount\n"
                    "2025-06-01,A,ICB,S01,CC1,x,92233720368547758.07\n"
                    "2025-06-01,B,ICB,S01,CC1,x,-92233720368547758.08\n"
                    "2025-06-01,C,ICB,S02,CC1,x,92233720368547758.07\n"
                    "2025-06-01,D,ICB,S02,CC1,x,-1.00\n";
    for (unsigned threads : {1u, 2u}) {
        LedgerOptions o;
        o.threads = threads;
        o.block_bytes = 4096;
        LedgerRun run = read_ledgers(&a, specs({dir.file("l.csv", t)}), o);
        CHECK(run.control.total_read.pence() == 9223372036854775807 - 101);
        CHECK(run.control.total_accepted == run.control.total_read);
        // S01: max + min = -0.01; S02: max - 1.00.
        CHECK(run.actuals->at(PartnerIndex{0}, SchemeIndex{0}, Period::nth(3)).pence() == -1);
        CHECK(run.actuals->at(PartnerIndex{0}, SchemeIndex{1}, Period::nth(3)).pence() ==
              9223372036854775807 - 100);
    }
}

TEST_CASE("old Mac line ends: found in a file of many blocks, mapped or read") {
    Agreement a = small_agreement();
    TempDir dir;
    std::string t = "date,ref,partner,scheme,cost_centre,description,amount\r";
    for (int k = 0; k < 2000; ++k)
        t += "2025-06-01,R" + std::to_string(k) + ",ICB,S01,CC1,x,1.00\r";
    std::string path = dir.file("mac.csv", t);
    for (bool map : {true, false}) {
        LedgerOptions o = one_thread();
        o.block_bytes = 4096; // the file is about 17 blocks
        o.map_files = map;
        try {
            read_ledgers(&a, specs({path}), o);
            FAIL("no error");
        } catch (const Error& e) {
            CHECK(e.where().line == 1);
            CHECK(std::string(e.what()).find("(old Mac line endings)") != std::string::npos);
        }
    }
}
