#include "money/allocation.hpp"
#include "support/error.hpp"

#include <doctest/doctest.h>

#include <random>

using namespace poolkit;

namespace {
std::vector<std::int64_t> alloc(std::int64_t total, std::vector<Rational> w) {
    auto parts = allocate(Money::from_pence(total), std::span<const Rational>(w));
    std::vector<std::int64_t> out;
    for (auto m : parts)
        out.push_back(m.pence());
    return out;
}
using V = std::vector<std::int64_t>;
} // namespace

TEST_CASE("allocation: worked examples") {
    // 100p in thirds: 33.33.. each, remainders equal, the spare penny goes to the first.
    CHECK(alloc(100, {1, 1, 1}) == V{34, 33, 33});
    // -100p: allocate 100 and negate.
    CHECK(alloc(-100, {1, 1, 1}) == V{-34, -33, -33});
    // 40/30/15/15 of 1,000,001p: exact 400000.4, 300000.3, 150000.15, 150000.15; floors sum
    // 1,000,000 so the one spare penny goes to the largest remainder (.4, the first).
    CHECK(alloc(1000001, {40, 30, 15, 15}) == V{400001, 300000, 150000, 150000});
    // 5p over 1:1:1:1 -> 1.25 each: one spare penny, tie, goes to the first.
    CHECK(alloc(5, {1, 1, 1, 1}) == V{2, 1, 1, 1});
    // weights 0 get nothing
    CHECK(alloc(10, {0, 1, 0, 1}) == V{0, 5, 0, 5});
    // 2p over 1/3, 2/3: exact 0.667, 1.333: floors 0,1; the spare penny to .667 (the first).
    CHECK(alloc(2, {Rational(1, 3), Rational(2, 3)}) == V{1, 1});
    CHECK(alloc(0, {0, 0}) == V{0, 0});
    CHECK_THROWS_AS(alloc(1, {0, 0}), Error);
    CHECK_THROWS_AS(alloc(1, {-1, 2}), Error);
}

TEST_CASE("allocation: extreme totals") {
    CHECK(alloc(INT64_MIN, {1, 1}) == V{INT64_MIN / 2, INT64_MIN / 2});
    auto parts = alloc(INT64_MAX, {1, 2, 3});
    __int128 sum = 0;
    for (auto p : parts)
        sum += p;
    CHECK(sum == INT64_MAX);
}

TEST_CASE("allocation: properties over random totals and weights") {
    std::mt19937_64 rng(20251124);
    for (int round = 0; round < 2000; ++round) {
        std::int64_t total;
        switch (round % 4) {
        case 0:
            total = static_cast<std::int64_t>(rng() % 2000001) - 1000000;
            break;
        case 1:
            total = static_cast<std::int64_t>(rng());
            break; // huge, either sign
        case 2:
            total = static_cast<std::int64_t>(rng() % 7) - 3;
            break;
        default:
            total = static_cast<std::int64_t>(rng() % 100000000000LL);
            break;
        }
        std::size_t n = 1 + rng() % 12;
        std::vector<Rational> w;
        for (std::size_t i = 0; i < n; ++i)
            w.push_back(Rational(static_cast<long long>(rng() % 1000),
                                 static_cast<long long>(1 + rng() % 97)));
        if (std::all_of(w.begin(), w.end(), [](const Rational& r) { return r == 0; })) w[0] = 1;
        auto parts = alloc(total, w);
        Rational sum_w = 0;
        for (auto& x : w)
            sum_w += x;
        BigInt sum = 0;
        for (std::size_t i = 0; i < n; ++i) {
            sum += parts[i];
            Rational exact = Rational(BigInt(total)) * w[i] / sum_w;
            Rational diff = Rational(BigInt(parts[i])) - exact;
            // no part differs from its exact share by a penny or more
            CHECK(abs(diff) < 1);
        }
        CHECK(sum == BigInt(total));
        // Ties go to the earlier item: equal weights never give a later item more (in magnitude).
        for (std::size_t i = 0; i + 1 < n; ++i)
            for (std::size_t j = i + 1; j < n; ++j)
                if (w[i] == w[j]) CHECK(std::llabs(parts[i]) >= std::llabs(parts[j]));
    }
}
