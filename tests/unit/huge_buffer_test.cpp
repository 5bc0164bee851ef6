// The duplicate index's memory (SPEC §8): whole 2 MiB pages, writable, moved not copied.
#include "support/huge_buffer.hpp"

#include <cstdint>
#include <cstring>

#include <doctest/doctest.h>

using poolkit::HugeBuffer;

TEST_CASE("huge buffer: rounded up to whole 2 MiB pages, aligned, writable, freed once") {
    HugeBuffer none;
    CHECK(none.data() == nullptr);
    CHECK(none.size() == 0);
    HugeBuffer b(1);
    CHECK(b.size() == HugeBuffer::page); // 1 byte: one page of 2,097,152
    CHECK(reinterpret_cast<std::uintptr_t>(b.data()) % HugeBuffer::page == 0);
    HugeBuffer c(HugeBuffer::page + 1);
    CHECK(c.size() == 2 * HugeBuffer::page);
    auto* p = static_cast<unsigned char*>(c.data());
    std::memset(p, 0xab, c.size()); // every byte writable
    CHECK(p[0] == 0xab);
    CHECK(p[c.size() - 1] == 0xab);
    HugeBuffer moved(std::move(c));
    CHECK(moved.data() == p);
    CHECK(c.data() == nullptr);
    b = std::move(moved); // b's old pages go with `moved`, freed when it ends
    CHECK(b.data() == p);
    CHECK(b.size() == 2 * HugeBuffer::page);
}
