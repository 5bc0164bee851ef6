// The duplicate check's second pass (SPEC §4): suspected hashes found among millions, and the
// judge that says which line repeats which — exact even when two different keys share a hash.
#include "readers/ledger_dup_index.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <set>
#include <string>
#include <vector>

using namespace poolkit;

TEST_CASE("suspect set: every hash found at its index, others missed") {
    std::mt19937_64 rng(9);
    std::set<std::uint64_t> in;
    while (in.size() < 100000)
        in.insert(rng() | 1);
    std::vector<std::uint64_t> sorted(in.begin(), in.end());
    SuspectSet s(sorted);
    CHECK(s.size() == sorted.size());
    std::size_t wrong = 0;
    for (std::size_t i = 0; i < sorted.size(); ++i)
        wrong += s.find(sorted[i]) != i;
    CHECK(wrong == 0);
    std::size_t found = 0;
    for (int k = 0; k < 100000; ++k) {
        std::uint64_t h = rng() | 1;
        if (!in.count(h)) found += s.find(h) != SuspectSet::npos;
    }
    CHECK(found == 0);
    // The ends of the range, and an empty set.
    SuspectSet edges({1, 3, ~std::uint64_t(0)});
    CHECK(edges.find(1) == 0);
    CHECK(edges.find(~std::uint64_t(0)) == 2);
    CHECK(edges.find(2) == SuspectSet::npos);
    CHECK(SuspectSet().find(1) == SuspectSet::npos);
}

TEST_CASE(
    "dup firsts: repeats name the first place of their own key, even when keys share a hash") {
    // Hash 7 is shared by keys A and B (a collision of two different keys): neither is a repeat
    // of the other; each later line with the same key repeats that key's first.
    SuspectSet s({7, 9});
    DupFirsts d(s);
    std::string a, b, c;
    append_key_part(a, "ICB");
    append_key_part(a, "R1");
    append_key_part(b, "ICB");
    append_key_part(b, "R2");
    append_key_index(c, 3);
    append_key_part(c, "R1");
    CHECK_FALSE(d.see(7, a, {0, 2}));
    CHECK_FALSE(d.see(7, b, {0, 5}));
    CHECK_FALSE(d.see(9, c, {0, 6}));
    auto r = d.see(7, a, {1, 2});
    REQUIRE(r);
    CHECK(r->file == 0);
    CHECK(r->line == 2);
    r = d.see(7, b, {1, 3});
    REQUIRE(r);
    CHECK(r->line == 5);
    r = d.see(9, c, {1, 9});
    REQUIRE(r);
    CHECK(r->line == 6);
    // A hash that was not suspected is always a first.
    CHECK_FALSE(d.see(8, a, {1, 10}));
    // The parts are length-prefixed: "AB" + "C" is not "A" + "BC".
    std::string x, y;
    append_key_part(x, "AB");
    append_key_part(x, "C");
    append_key_part(y, "A");
    append_key_part(y, "BC");
    CHECK(x != y);
}
