// pool-settle's --paid file (SPEC §7): CSV `partner,amount` with that header and one total for
// every partner of the agreement; each problem an input error at its line.
#include "ledger_test_support.hpp"
#include "money_printer.hpp"

#include "readers/paid_reader.hpp"
#include "support/error.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace poolkit;
using poolkit::test::TempDir;

namespace {

// small_agreement(): partners ICB, BRISTOL. "where: what" of the error reading `text`, with the
// file's name in place of its path.
std::string paid_problem(const std::string& text) {
    TempDir dir;
    const std::string path = dir.file("paid.csv", text);
    InputFile record;
    try {
        read_paid(test::small_agreement(), path, record);
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::input);
        std::string where = e.where().str();
        CHECK(where.starts_with(dir.path() + "/"));
        return where.substr(dir.path().size() + 1) + ": " + e.what();
    }
    return "no error";
}

} // namespace

TEST_CASE("paid file: a total for each partner, in the agreement's order of partners") {
    TempDir dir;
    // A byte-order mark, CRLF line ends, blank lines, spaces around the fields, the partners in
    // another order, and a quoted amount with a thousands separator: "1,200.50" is 120,050p.
    const std::string text = "\xEF\xBB\xBFpartner,amount\r\n"
                             "\r\n"
                             " BRISTOL , 0 \r\n"
                             "ICB,\"1,200.50\"\r\n"
                             "\n";
    const std::string path = dir.file("paid.csv", text);
    InputFile record;
    std::vector<Money> paid = read_paid(test::small_agreement(), path, record);
    REQUIRE(paid.size() == 2);
    CHECK(paid[0] == Money::from_pence(120050)); // ICB, the first [[partner]]
    CHECK(paid[1] == Money::from_pence(0));      // BRISTOL
    CHECK(record.path == path);
    CHECK(record.bytes == text.size());
}

TEST_CASE("paid file: each problem at its line, saying what to write") {
    CHECK(paid_problem("id,amount\nICB,1.00\nBRISTOL,2.00\n") ==
          "paid.csv:1: the paid file needs the header `partner,amount`");
    // The header alone, without its amount column.
    CHECK(paid_problem("partner\n") ==
          "paid.csv:1: the paid file needs the header `partner,amount`");
    CHECK(paid_problem("partner,amount\nICB,1.00\nICB,2.00\nBRISTOL,3.00\n") ==
          "paid.csv:3: partner ICB is listed twice: give one total");
    CHECK(paid_problem("partner,amount\nICB,12.345\nBRISTOL,1.00\n") ==
          "paid.csv:2: bad amount `12.345`: more than two decimals (amounts are in pounds and "
          "pence, e.g. 12.35)");
    CHECK(paid_problem("partner,amount\nICB,\"1,20.00\"\nBRISTOL,1.00\n") ==
          "paid.csv:2: bad amount `1,20.00`: thousands separators in the wrong places (they mark "
          "off groups of three digits, e.g. 1,234,567.89)");
    // A line with no comma has an empty amount.
    CHECK(paid_problem("partner,amount\nICB,1.00\nBRISTOL\n") ==
          "paid.csv:3: bad amount ``: the amount is empty");
    // A partner left out: the file as a whole (no line), with the line to add.
    CHECK(paid_problem("partner,amount\nICB,1.00\n") ==
          "paid.csv: no amount paid for partner BRISTOL: add a line `BRISTOL,AMOUNT` (0 if it "
          "paid nothing)");
    // An empty file has no header, so every partner is missing; the first is named.
    CHECK(paid_problem("") == "paid.csv: no amount paid for partner ICB: add a line `ICB,AMOUNT` "
                              "(0 if it paid nothing)");
}
