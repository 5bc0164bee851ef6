// The code tables of the ledger reader (SPEC §8: any agreement pool-check accepts works): every
// code of a large random set found at its index, codes that are not there missed, repeats keeping
// their first index, and sets made to defeat the hash (one home slot for many codes, a limit no
// seed can meet) still found, by more seeds or by the sorted fallback.
#include "readers/ledger_codes.hpp"

#include <doctest/doctest.h>

#include <random>
#include <set>
#include <string>
#include <vector>

using namespace poolkit;

namespace {

std::vector<std::string> random_ids(std::size_t n, std::size_t len, unsigned seed) {
    const std::string alpha = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    std::mt19937 rng(seed);
    std::set<std::string> seen;
    std::vector<std::string> out;
    while (out.size() < n) {
        std::string s;
        for (std::size_t i = 0; i < len; ++i)
            s += alpha[rng() % alpha.size()];
        if (seen.insert(s).second) out.push_back(s);
    }
    return out;
}

// Every code at its own index, by both lookups (find copies; find_padded reads in place from a
// buffer with padding after the code, as in a ledger block); `absent` codes missed.
void check_all(const CodeTable& t, const std::vector<std::string>& codes,
               const std::vector<std::string>& absent) {
    std::size_t wrong = 0;
    for (std::size_t i = 0; i < codes.size(); ++i) {
        std::string padded = codes[i] + std::string(24, 'Z');
        wrong += t.find(codes[i]) != static_cast<int>(i);
        if (codes[i].size() <= 16)
            wrong += t.find_padded(padded.data(), codes[i].size()) != static_cast<int>(i);
    }
    CHECK(wrong == 0);
    std::size_t found = 0;
    for (const auto& a : absent)
        found += t.find(a) >= 0;
    CHECK(found == 0);
}

} // namespace

TEST_CASE("code table: 20,000 random 8-character ids, each found at its index") {
    auto ids = random_ids(20000, 8, 1);
    auto others = random_ids(40000, 8, 2); // a different seed: keep only those not in ids
    std::set<std::string> in(ids.begin(), ids.end());
    std::vector<std::string> absent;
    for (const auto& o : others)
        if (!in.count(o)) absent.push_back(o);
    CodeTable t(ids);
    CHECK_FALSE(t.shape().sorted);
    CHECK(t.shape().max_probe <= CodeTable::max_probe_limit);
    // A quarter full at most: 20,000 codes need 80,000 slots, the next power of two 131,072.
    CHECK(t.shape().slots == 131072);
    check_all(t, ids, absent);
    // One byte off, the length one more or less: all misses.
    std::vector<std::string> near;
    for (std::size_t i = 0; i < 1000; ++i) {
        near.push_back(ids[i].substr(0, 7));
        near.push_back(ids[i] + "A");
        std::string s = ids[i];
        s[7] = s[7] == 'Q' ? 'R' : 'Q';
        if (!in.count(s)) near.push_back(s);
    }
    check_all(t, {}, near);
}

TEST_CASE("code table: common prefixes and suffixes, every length from 1 to 40") {
    std::vector<std::string> ids;
    for (int i = 0; i < 3000; ++i) // the same 12-byte prefix, a number at the end
        ids.push_back("SCHEME-2025-" + std::to_string(i));
    for (int i = 0; i < 3000; ++i) // the same suffix
        ids.push_back(std::to_string(i) + "-POOLED-FUND");
    for (int len = 1; len <= 40; ++len) // codes of every length (over 16: the sorted array)
        ids.push_back(std::string(static_cast<std::size_t>(len), 'x'));
    ids.push_back("S01\0"); // a NUL inside is a byte like any other
    ids.back().push_back('\0');
    CodeTable t(ids);
    check_all(t, ids, {"SCHEME-2025-3000", "3000-POOLED-FUND", std::string(41, 'x'), "", "S01"});
}

TEST_CASE("code table: a repeated code keeps its first index") {
    // The agreement checker refuses repeats; the table must still be exact if one came through.
    std::vector<std::string> ids{"A", "B", "A", "LONG-CODE-OVER-16-BYTES",
                                 "LONG-CODE-OVER-16-BYTES"};
    CodeTable t(ids);
    CHECK(t.find("A") == 0);
    CHECK(t.find("B") == 1);
    CHECK(t.find("LONG-CODE-OVER-16-BYTES") == 3);
}

TEST_CASE("code table: codes made to share one home slot are still found") {
    // 2,000 random codes need 8,192 slots (13 bits). Search for codes whose home slot under the
    // first seed tried (attempt 0: more than 1,024 codes skip the one-probe tries) is slot 0, more
    // than the probe limit allows: that seed fails and the next is tried.
    auto ids = random_ids(2000 - 40, 8, 3);
    std::set<std::string> in(ids.begin(), ids.end());
    std::mt19937 rng(4);
    const std::string alpha = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    std::size_t crafted = 0;
    while (crafted < 40) {
        std::string s;
        for (int i = 0; i < 8; ++i)
            s += alpha[rng() % alpha.size()];
        if (CodeTable::home_of(s, 0, 13) == 0 && in.insert(s).second) {
            ids.push_back(s);
            ++crafted;
        }
    }
    CodeTable t(ids);
    CHECK(t.shape().seeds > 1);
    CHECK_FALSE(t.shape().sorted);
    check_all(t, ids, random_ids(100, 9, 5));
}

TEST_CASE("code table: when no seed will do, the sorted fallback finds every code") {
    // A probe limit of 0 with 5,000 codes: no seed puts every code in its home slot, so every
    // try fails and the table falls back to the sorted array.
    auto ids = random_ids(5000, 8, 6);
    CodeTable t(ids, 0);
    CHECK(t.shape().sorted);
    CHECK(t.shape().seeds == 8);
    auto others = random_ids(1000, 7, 7);
    check_all(t, ids, others);
}
