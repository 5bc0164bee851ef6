// Keys in order (readers/ledger_key_runs.hpp, SPEC §4): a block whose refs rise strictly keeps its
// hashes out of the duplicate index only while no other block's refs can meet its own, and every
// duplicate is still found, wherever it stands.
#include "ledger_test_support.hpp"

#include "readers/ledger_key_runs.hpp"
#include "readers/ledger_reader.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <random>
#include <set>
#include <string>

using namespace poolkit;
using namespace poolkit::ledger;
using namespace poolkit::test;

namespace {

KeyRange rising(std::uint64_t line, std::string first, std::string last) {
    return {.block = {0, line}, .rising = true, .first = first, .last = last};
}
KeyRange unordered(std::uint64_t line, std::string low, std::string high) {
    return {.block = {0, line}, .rising = false, .first = low, .last = high};
}

std::vector<std::uint64_t> lines_of(const std::vector<BlockId>& blocks) {
    std::vector<std::uint64_t> out;
    for (const BlockId& b : blocks)
        out.push_back(b.first_line);
    return out;
}

} // namespace

TEST_CASE("key runs: which rising blocks must be hashed after all") {
    using V = std::vector<std::uint64_t>;
    // Disjoint rising blocks, in any order: none.
    CHECK(blocks_to_hash_again(
              {rising(30, "T5", "T6"), rising(2, "T1", "T2"), rising(10, "T3", "T4")})
              .empty());
    // A shared key at the edge ([T1,T3] and [T3,T5]) may be a repeat: both.
    CHECK(lines_of(blocks_to_hash_again({rising(2, "T1", "T3"), rising(9, "T3", "T5")})) ==
          V{2, 9});
    // [T1,T9] holds [T4,T5]: both, and not the disjoint [U1,U2].
    CHECK(lines_of(blocks_to_hash_again(
              {rising(2, "T1", "T9"), rising(9, "U1", "U2"), rising(20, "T4", "T5")})) == V{2, 20});
    // An overlap found only through an earlier, longer range: [A,Z] meets [M,N] past [B,C].
    CHECK(lines_of(blocks_to_hash_again(
              {rising(1, "A", "Z"), rising(2, "B", "C"), rising(3, "M", "N")})) == V{1, 2, 3});
    // An unordered block's hashes are in the index already: only the rising block it meets.
    CHECK(lines_of(blocks_to_hash_again(
              {unordered(2, "T1", "T5"), rising(9, "T4", "T8"), rising(30, "U1", "U9")})) == V{9});
    // A key that could not be compared (unbounded) may be anything: every rising block.
    KeyRange wild = unordered(40, "", "");
    wild.unbounded = true;
    CHECK(lines_of(blocks_to_hash_again({rising(2, "T1", "T2"), wild, rising(9, "U1", "U2")})) ==
          V{2, 9});
    // The same refs of two partners (slots) never meet: each partner numbers its own lines.
    KeyRange bristol = rising(9, "T1", "T2");
    bristol.slot = 1;
    CHECK(blocks_to_hash_again({rising(2, "T1", "T2"), bristol}).empty());
    // Ranges of different files meet as well (a key repeats across files).
    KeyRange other = rising(2, "T1", "T2");
    other.block.file = 1;
    CHECK(blocks_to_hash_again({rising(2, "T1", "T2"), other}).size() == 2);
}

TEST_CASE("key runs: a block's keys rise, then stop rising") {
    DupCollector index;
    BlockKeys keys;
    std::vector<KeyRange> ranges;
    const std::string text = "T1 T2 T3 T0";
    keys.begin({0, 7});
    keys.see(11, 0, std::string_view(text).substr(0, 2), true, index);
    keys.see(12, 0, std::string_view(text).substr(3, 2), true, index);
    keys.end(ranges);
    keys.begin({0, 9});
    keys.see(13, 0, std::string_view(text).substr(6, 2), true, index);
    keys.see(14, 0, std::string_view(text).substr(9, 2), true, index); // T0 after T3: not rising
    keys.end(ranges);
    keys.begin({0, 11}); // a block without a key has no range
    keys.end(ranges);
    REQUIRE(ranges.size() == 2);
    CHECK(ranges[0].rising);
    CHECK(ranges[0].first == "T1");
    CHECK(ranges[0].last == "T2");
    CHECK_FALSE(ranges[1].rising);
    CHECK(ranges[1].first == "T0"); // the smallest and largest key, not the first and last
    CHECK(ranges[1].last == "T3");
    CHECK(index.size() == 2); // the second block's two hashes only

    // Two partners' refs, each rising in its own slot, in one block: still rising.
    ranges.clear();
    keys.begin({0, 13});
    keys.see(15, 0, std::string_view(text).substr(0, 2), true, index); // T1 of partner 0
    keys.see(16, 1, std::string_view(text).substr(0, 2), true, index); // T1 of partner 1
    keys.see(17, 1, std::string_view(text).substr(3, 2), true, index); // T2 of partner 1
    keys.end(ranges);
    REQUIRE(ranges.size() == 2);
    CHECK(ranges[0].rising);
    CHECK(ranges[1].slot == 1);
    CHECK(ranges[1].last == "T2");
    CHECK(index.size() == 2);
}

// 6,000 lines whose refs rise (R000000, R000001, ...), read with blocks of 4 KiB (about 60 lines
// each) and of 64 KiB; every 500th line from line 1,000 on repeats the ref of the line 700 before
// it, of the same partner (a duplicate, rejected) or, every 1,000th, of the other partner (not a
// duplicate: SPEC §4, a ref is unique within a partner's lines). A second file repeats the first
// file's refs 100 to 199 (an export read twice): 100 more duplicates.
TEST_CASE("key runs: duplicates in a ledger in ref order are all found") {
    Agreement a = small_agreement();
    const char* partners[] = {"ICB", "BRISTOL"};
    std::string text = "date,ref,partner,scheme,cost_centre,description,amount\n";
    std::string again = text;
    std::set<std::uint64_t> want; // the duplicates' lines (file 1, then 1e6 + line of file 2)
    char ref[16];
    for (int i = 0; i < 6000; ++i) {
        int p = i % 2, r = i;
        if (i >= 1000 && i % 500 == 0) {
            r = i - 700; // same parity: the same partner
            if (i % 1000 == 0)
                p = 1 - p;
            else
                want.insert(static_cast<std::uint64_t>(i) + 2);
        }
        std::snprintf(ref, sizeof ref, "R%06d", r);
        std::string row =
            std::string("2025-05-01,") + ref + "," + partners[p] + ",S01,CC1,x,1.00\n";
        text += row;
        if (i >= 100 && i < 200) {
            again += row;
            want.insert(1000000 + static_cast<std::uint64_t>(i - 100 + 2));
        }
    }
    TempDir dir;
    const std::string first = dir.file("a.csv", text), second = dir.file("b.csv", again);
    for (unsigned threads : {1u, 2u})
        for (std::size_t block : {std::size_t(4096), std::size_t(65536)}) {
            CAPTURE(threads);
            CAPTURE(block);
            LedgerOptions o;
            o.threads = threads;
            o.block_bytes = block;
            o.rejects_kept = 1000;
            LedgerRun run = read_ledgers(&a, specs({first, second}), o);
            // 6,000 + 100 lines read. Duplicates: the same-partner repeats at i = 1,500, 2,500,
            // 3,500, 4,500 and 5,500 (5; those at 1,000 ... 5,000 are the other partner's) and
            // the second file's 100: 105 lines of 1.00, so 5,995 lines and 599,500 pence kept.
            CHECK(run.control.lines_read == 6100);
            REQUIRE(want.size() == 105);
            CHECK(run.control.lines_rejected == 105);
            CHECK(run.control.total_accepted.pence() == 599500);
            std::set<std::uint64_t> got;
            for (const RejectedLine& r : run.rejects) {
                CHECK(r.kind == RejectReason::duplicate);
                got.insert(r.file == second ? 1000000 + r.line : r.line);
            }
            CHECK(got == want);
        }
}

TEST_CASE("key runs: comes_after orders keys as string_view does") {
    // Every pair of a few thousand seeded keys of lengths 1 to 20 over a small alphabet (so that
    // long shared prefixes and equal keys are common), against the standard comparison.
    std::mt19937 rnd(7);
    std::vector<std::string> keys;
    for (int i = 0; i < 300; ++i) {
        std::string k(1 + rnd() % 20, 'A');
        for (char& c : k)
            c = "09AZaz\xff"[rnd() % 7];
        keys.push_back(k);
        keys.push_back(k); // an equal key: never after itself
    }
    std::size_t wrong = 0;
    for (const std::string& a : keys)
        for (const std::string& b : keys)
            wrong += comes_after(a, b) != (std::string_view(b) > std::string_view(a));
    CHECK(wrong == 0);
    CHECK(comes_after("T000000009", "T000000010"));
    CHECK_FALSE(comes_after("T000000010", "T000000009"));
    CHECK_FALSE(comes_after("T000000010", "T000000010"));
}
