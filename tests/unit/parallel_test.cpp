// Work shared over threads (SPEC §8): every started call runs, and a failure in one is rethrown
// after all have ended.
#include "readers/parallel.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <stdexcept>

using namespace poolkit;

TEST_CASE("run_parallel: each k runs once; an exception comes back once all have ended") {
    std::atomic<unsigned> mask{0};
    run_parallel(4, [&](unsigned k) { mask |= 1u << k; });
    CHECK(mask == 0xfu);

    std::atomic<int> ended{0};
    CHECK_THROWS_AS(run_parallel(3,
                                 [&](unsigned k) {
                                     ++ended;
                                     if (k == 1) throw std::runtime_error("one failed");
                                 }),
                    std::runtime_error);
    CHECK(ended == 3);

    unsigned calls = 0;
    run_parallel(1, [&](unsigned k) { calls += k + 1; }); // this thread only
    CHECK(calls == 1);
}
