// The byte streams that hold what a run sets aside (SPEC §8: rejected lines, lines to look at
// again, output waiting for the run to succeed): in memory up to a limit, then in an unnamed
// temporary file; read back from the start, whole, wherever the bytes are.
#include "support/error.hpp"
#include "support/spill.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <unistd.h>
#include <utility>

using namespace poolkit;

namespace {

// Writes records i = 0..n-1: u32 i, u64 i * 1,000,003, the string of i's decimal digits.
void write_records(Spill& s, std::uint32_t n) {
    for (std::uint32_t i = 0; i < n; ++i) {
        s.put_u32(i);
        s.put_u64(std::uint64_t(i) * 1000003);
        s.put_str(std::to_string(i));
    }
}

// Reads them back: whether every record is as written and the stream ends just after the last.
bool reads_back(const Spill& s, std::uint32_t n) {
    Spill::Cursor c(s);
    std::string str;
    for (std::uint32_t i = 0; i < n; ++i) {
        if (c.at_end() || c.get_u32() != i || c.get_u64() != std::uint64_t(i) * 1000003)
            return false;
        c.get_str(str);
        if (str != std::to_string(i)) return false;
    }
    return c.at_end();
}

// Each record is 4 + 8 + 4 + digits bytes: 0..9 17 bytes, 10..99 18, 100..999 19, so 1,000
// records are 10 x 17 + 90 x 18 + 900 x 19 = 170 + 1,620 + 17,100 = 18,890 bytes.
constexpr std::uint64_t thousand_records = 18890;

// Sets TMPDIR while alive, and puts it back as it was.
class TmpDir {
  public:
    explicit TmpDir(const char* dir) {
        if (const char* was = std::getenv("TMPDIR")) was_ = was;
        ::setenv("TMPDIR", dir, 1);
    }
    ~TmpDir() {
        if (was_)
            ::setenv("TMPDIR", was_->c_str(), 1);
        else
            ::unsetenv("TMPDIR");
    }
    TmpDir(const TmpDir&) = delete;
    TmpDir& operator=(const TmpDir&) = delete;

  private:
    std::optional<std::string> was_;
};

} // namespace

TEST_CASE("spill: under its limit the stream stays in memory and reads back in place") {
    Spill s; // 1 MiB
    write_records(s, 1000);
    CHECK(s.size() == thousand_records);
    CHECK(reads_back(s, 1000));
    // A cursor may be made again: each reads from the start.
    CHECK(reads_back(s, 1000));
    Spill empty;
    CHECK(empty.size() == 0);
    CHECK(Spill::Cursor(empty).at_end());
}

TEST_CASE("spill: past its limit the stream goes to a temporary file, its tail in memory") {
    // A limit of 100 bytes: the records go to disk in pieces of 100 to 118 bytes, the last few
    // stay in memory; a record may straddle the two.
    Spill s(100);
    write_records(s, 1000);
    CHECK(s.size() == thousand_records);
    CHECK(reads_back(s, 1000));
    // More than a cursor reads from disk at once (256 KiB): 20,000 records are 10 x 17 + 90 x 18
    // + 900 x 19 + 9,000 x 20 + 10,000 x 21 = 18,890 + 180,000 + 210,000 = 408,890 bytes.
    Spill big(4096);
    write_records(big, 20000);
    CHECK(big.size() == 408890);
    CHECK(reads_back(big, 20000));
}

TEST_CASE("spill: a moved stream keeps its bytes, in memory and on disk") {
    Spill a(100);
    write_records(a, 50); // 10 x 17 + 40 x 18 = 890 bytes
    Spill b(std::move(a));
    CHECK(b.size() == 890);
    CHECK(reads_back(b, 50));
    Spill c(100);
    write_records(c, 10); // replaced, its temporary file closed
    c = std::move(b);
    CHECK(c.size() == 890);
    CHECK(reads_back(c, 50));
}

TEST_CASE("spill: reading past the end is a program error, not a bad input") {
    Spill s;
    s.put_u32(1);
    Spill::Cursor c(s);
    CHECK(c.get_u32() == 1);
    CHECK(c.at_end());
    try {
        c.get_u32();
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::invariant);
        CHECK(std::string(e.what()) == "a spill file is read past its end");
    }
}

TEST_CASE("spill: no temporary file where TMPDIR cannot hold one is an input error saying so") {
    TmpDir unusable("no-such-directory-for-poolkit");
    try {
        temporary_file("the test");
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::input);
        CHECK(std::string(e.what()) ==
              "cannot make a temporary file in no-such-directory-for-poolkit for the test: No "
              "such file or directory (set TMPDIR to a directory with room)");
    }
    // A spill that must go to disk there fails as it passes its limit.
    Spill s(10);
    CHECK_THROWS_AS(write_records(s, 1), Error);
}

TEST_CASE("spill: a temporary file is open for reading and writing, and has no name") {
    int fd = temporary_file("the test");
    REQUIRE(fd >= 0);
    CHECK(::write(fd, "abc", 3) == 3);
    char back[3] = {};
    CHECK(::pread(fd, back, 3, 0) == 3);
    CHECK(std::string(back, 3) == "abc");
    // Unnamed: no directory entry holds it, so it vanishes when closed.
    std::error_code ec;
    const std::string target =
        std::filesystem::read_symlink("/proc/self/fd/" + std::to_string(fd), ec).string();
    CHECK(!ec);
    CHECK(target.ends_with(" (deleted)"));
    ::close(fd);
}
