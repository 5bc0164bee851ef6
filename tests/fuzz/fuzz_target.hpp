// The libFuzzer entry point every fuzz target defines (tests/fuzz/README.md). The same source is
// linked either with libFuzzer (clang, -fsanitize=fuzzer: scripts/fuzz) or with replay_main.cpp
// (any compiler: the CTest corpus replays in the normal and the sanitizer builds).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

// A broken property: a bug, reported like a crash so that libFuzzer keeps the input.
#define FUZZ_CHECK(cond)                                                                           \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            std::fprintf(stderr, "%s:%d: fuzz property failed: %s\n", __FILE__, __LINE__, #cond);  \
            std::abort();                                                                          \
        }                                                                                          \
    } while (0)
