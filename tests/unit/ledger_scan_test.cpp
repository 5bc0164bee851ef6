// The CSV scanner's plain path (SPEC §4): a range without quotes reads the same records, field
// for field, as the full path, whatever the fields, line ends and record widths.
#include "readers/ledger_csv.hpp"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

using namespace poolkit;

namespace {
struct Seen {
    std::vector<std::string> fields;
    std::uint32_t count = 0, newlines = 0;
    std::size_t begin = 0, end = 0;
    bool operator==(const Seen&) const = default;
};

std::vector<Seen> scan(const std::string& text, bool plain) {
    std::string buf = text + std::string(scan_padding, '\0');
    const char* b = buf.data();
    CsvScanner s(b, b + text.size(), ',');
    CsvRecord r;
    std::vector<Seen> out;
    while (plain ? s.next_unquoted(r) : s.next(r)) {
        Seen x;
        x.count = r.fields;
        x.newlines = r.newlines;
        x.begin = static_cast<std::size_t>(r.begin - b);
        x.end = static_cast<std::size_t>(r.end - b);
        for (std::uint32_t i = 0; i < std::min<std::uint32_t>(r.fields, CsvRecord::max_fields); ++i)
            x.fields.emplace_back(r.field[i].raw());
        CHECK(!r.bad_quoting);
        out.push_back(std::move(x));
    }
    return out;
}
} // namespace

TEST_CASE("scanner: the plain path reads unquoted text as the full path does") {
    std::mt19937 rnd(7);
    const std::string alphabet = "ab1.-, \r\n"; // delimiters, CR, LF and text; no quote
    for (int round = 0; round < 2000; ++round) {
        std::string text;
        std::size_t n = rnd() % 400;
        for (std::size_t i = 0; i < n; ++i)
            text += alphabet[rnd() % alphabet.size()];
        if (round % 7 == 0) text += std::string(70, ','); // a record of more than 64 fields
        if (round % 3 == 0) text += "\n";
        auto full = scan(text, false), plain = scan(text, true);
        REQUIRE(full.size() == plain.size());
        for (std::size_t i = 0; i < full.size(); ++i)
            CHECK(full[i] == plain[i]);
    }
    // Worked by hand: "a,b\r\n,\nc" is three records: [a, b] (CR dropped), [, ], [c] (no newline).
    auto r = scan("a,b\r\n,\nc", true);
    REQUIRE(r.size() == 3);
    CHECK(r[0].fields == std::vector<std::string>{"a", "b"});
    CHECK(r[1].fields == std::vector<std::string>{"", ""});
    CHECK(r[2].fields == std::vector<std::string>{"c"});
    CHECK(r[2].newlines == 0);
}
