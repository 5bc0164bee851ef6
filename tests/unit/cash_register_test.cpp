// The cash register (SPEC §10): the period each row belongs to, every reason a row is rejected
// with its line and column, the header check, the control totals and the queries that month-end
// (§6) and year-end (§7) take from it. Figures are worked by hand in the comments.
#include "ledger_test_support.hpp"
#include "money_printer.hpp"
#include "settlement_fixture.hpp"
#include "test_period.hpp"

#include "model/cash_register.hpp"
#include "readers/cash_register_reader.hpp"
#include "readers/register_profile.hpp"
#include "support/error.hpp"

#include <doctest/doctest.h>

#include <limits>
#include <string>

using namespace poolkit;
using poolkit::test::TempDir;

namespace {

Money gbp(std::int64_t pence) {
    return Money::from_pence(pence);
}

// A pooled fund of 2025-26: ICB, BRISTOL (the host), NSOM, SGLOS.
Agreement pooled() {
    return test::make_agreement({"ICB", "BRISTOL", "NSOM", "SGLOS"},
                                {{"S01", {100, 100, 100, 100}}}, 1);
}

// A joint budget of 2025-26: HOST spends and invoices A and B.
Agreement joint() {
    return test::make_agreement({"HOST", "A", "B"}, {{"S01", {100, 100, 100}}}, 0,
                                AgreementKind::joint);
}

CashRegisterRead parse(const Agreement& a, const std::string& text) {
    return parse_cash_register(a, text, "cash.csv");
}

// The message of the Error(input) the text's header raises, with its place.
std::string header_error(const std::string& text) {
    try {
        parse(pooled(), text);
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::input);
        return e.where().str() + ": " + e.what();
    }
    FAIL("no error");
    return "";
}

} // namespace

TEST_CASE("cash register: one table of kinds, keyword and wording") {
    for (const auto& k : cash_kinds) {
        CHECK(parse_cash_kind(k.keyword) == k.kind);
        CHECK(cash_kind_keyword(k.kind) == std::string(k.keyword));
        CHECK(std::string(cash_kind_wording(k.kind)).size() > 0);
    }
    CHECK(cash_kind_info(CashKind::settlement).keyword == std::string("settlement"));
    CHECK_FALSE(parse_cash_kind("Contribution")); // keywords are written in lower case
    CHECK_FALSE(parse_cash_kind(""));
    CHECK(cash_kind_keywords().size() == cash_kind_count);
}

TEST_CASE("cash register: the period a row belongs to") {
    FinancialYear fy = FinancialYear::starting(2025); // P01 = 2025-04 .. P12 = 2026-03
    CHECK(cash_row_period(fy, 2025, 9, std::nullopt) == Period::nth(6)); // September: P06
    CHECK(cash_row_period(fy, 2025, 4, std::nullopt) == Period::nth(1));
    CHECK(cash_row_period(fy, 2026, 3, std::nullopt) == Period::nth(12));
    // The period column wins over the date, inside the year or not.
    CHECK(cash_row_period(fy, 2025, 9, Period::nth(3)) == Period::nth(3));
    CHECK(cash_row_period(fy, 2026, 4, Period::nth(1)) == Period::nth(1));
    // After 31 March: P12 (the year's reimbursements and settlements are paid after it).
    CHECK(cash_row_period(fy, 2026, 4, std::nullopt) == Period::nth(12));
    CHECK(cash_row_period(fy, 2027, 1, std::nullopt) == Period::nth(12));
    // Before 1 April 2025: none, unless a period puts the row inside the year.
    CHECK_FALSE(cash_row_period(fy, 2025, 3, std::nullopt));
    CHECK_FALSE(cash_row_period(fy, 2024, 12, std::nullopt));
    CHECK(cash_row_period(fy, 2025, 3, Period::nth(1)) == Period::nth(1));
}

TEST_CASE("cash register: a quarterly register read, its totals and the queries to P06") {
    // Columns in another order, a quoted amount with thousands separators, CRLF, a BOM, a blank
    // line (not counted) and no final newline.
    std::string text = "\xEF\xBB\xBF"
                       "kind,partner,amount,date,ref,period,note\r\n"
                       "contribution,ICB,\"150,000.00\",2025-04-03,C-ICB-Q1,,Q1 in advance\r\n"
                       "contribution,NSOM,50000,2025-03-28,C-NS-Q1,P01,paid early\r\n"
                       "contribution,SGLOS,75000.00,2025-04-15,C-SG-Q1,,\r\n"
                       "reimbursement,ICB,12345.67,2025-07-20,R-ICB-Q1,,Q1 direct spend\r\n"
                       "contribution,ICB,150000.00,2025-07-01,C-ICB-Q2,,\r\n"
                       "\r\n"
                       "contribution,SGLOS,75000.00,2025-07-01,C-SG-Q2,,\r\n"
                       "contribution,NSOM,50000.00,2025-10-03,C-NS-Q2,,late\r\n"
                       "reimbursement,SGLOS,2000.01,2025-10-15,R-SG-Q2,,\r\n"
                       "reimbursement,ICB,9876.54,2025-10-15,R-ICB-Q2,,\r\n"
                       "contribution,SGLOS,-1000.00,2025-09-30,C-SG-REF,,overpaid: refunded\r\n"
                       "reimbursement,SGLOS,4321.09,2026-04-20,R-SG-Q4,,after the year";
    CashRegisterRead r = parse(pooled(), text);
    CHECK(r.rejects.empty());
    const CashRegister& c = r.cash;
    REQUIRE(c.rows().size() == 11);
    CHECK(r.header ==
          std::vector<std::string>{"kind", "partner", "amount", "date", "ref", "period", "note"});

    // Periods: NSOM's early payment dated 28 March 2025 is P01 by its period; the late one of
    // 3 October is P07; the reimbursement of 20 April 2026 is P12.
    CHECK(c.rows()[1].period == Period::nth(1));
    CHECK(c.rows()[1].where.line == 3);
    CHECK(c.rows()[6].period == Period::nth(7));
    CHECK(c.rows()[6].where.line == 9); // after the blank line 7
    CHECK(c.rows()[10].period == Period::nth(12));
    CHECK(c.rows()[10].note == "after the year");
    CHECK(c.rows()[0].amount == gbp(15000000));

    // Received to P06 (contribution rows in P01..P06):
    //   ICB   150,000.00 (P01) + 150,000.00 (P04)                   = 300,000.00
    //   NSOM  50,000.00 (P01); its Q2 payment came in P07          =  50,000.00
    //   SGLOS 75,000.00 (P01) + 75,000.00 (P04) − 1,000.00 (P06)    = 149,000.00
    //   BRISTOL, the host: no rows, 0.00 here; the caller takes it as paid when due.
    CHECK(received_to(c, 0, Period::nth(6)) == gbp(30000000));
    CHECK(received_to(c, 2, Period::nth(6)) == gbp(5000000));
    CHECK(received_to(c, 3, Period::nth(6)) == gbp(14900000));
    CHECK(received_to(c, 1, Period::nth(6)) == gbp(0));
    CHECK_FALSE(c.has_rows(CashKind::contribution, 1));
    CHECK(c.has_rows(CashKind::contribution, 2));
    // NSOM to P07: 50,000.00 + 50,000.00 = 100,000.00.
    CHECK(received_to(c, 2, Period::nth(7)) == gbp(10000000));
    // SGLOS to P05: 150,000.00, the refund of P06 not yet.
    CHECK(received_to(c, 3, Period::nth(5)) == gbp(15000000));

    // Reimbursed to P06: ICB 12,345.67 (P04); SGLOS nothing yet (P07 and P12).
    CHECK(reimbursed_to(c, 0, Period::nth(6)) == gbp(1234567));
    CHECK(reimbursed_to(c, 3, Period::nth(6)) == gbp(0));
    // For the year: ICB 12,345.67 + 9,876.54 = 22,222.21; SGLOS 2,000.01 + 4,321.09 = 6,321.10.
    CHECK(reimbursed_to(c, 0, Period::nth(12)) == gbp(2222221));
    CHECK(reimbursed_to(c, 3, Period::nth(12)) == gbp(632110));
    CHECK(to_period_by_partner(c, CashKind::reimbursement, 12) ==
          std::vector<Money>{gbp(2222221), gbp(0), gbp(0), gbp(632110)});
    CHECK(c.to_period(CashKind::contribution, 0, 0) == gbp(0));

    // Control totals: 11 rows read (the blank line is not a row), all accepted.
    //   contributions 150,000 + 50,000 + 75,000 + 150,000 + 75,000 + 50,000 − 1,000 = 549,000.00
    //   reimbursements 12,345.67 + 2,000.01 + 9,876.54 + 4,321.09                  =  28,543.31
    //   total accepted 549,000.00 + 28,543.31                                      = 577,543.31
    const CashTotals& t = r.totals;
    CHECK(t.rows.lines_read == 11);
    CHECK(t.rows.lines_accepted == 11);
    CHECK(t.rows.lines_rejected == 0);
    CHECK(t.rows.total_read == gbp(57754331));
    CHECK(t.rows.total_accepted == gbp(57754331));
    CHECK(t.rows.total_rejected == gbp(0));
    auto k = [](CashKind x) { return static_cast<std::size_t>(x); };
    CHECK(t.accepted_by_kind[k(CashKind::contribution)] == gbp(54900000));
    CHECK(t.accepted_by_kind[k(CashKind::reimbursement)] == gbp(2854331));
    CHECK(t.accepted_rows_by_kind[k(CashKind::contribution)] == 7);
    CHECK(t.accepted_rows_by_kind[k(CashKind::reimbursement)] == 4);
    CHECK(t.accepted_by_kind[k(CashKind::settlement)] == gbp(0));
}

TEST_CASE("cash register: the host's own contribution rows") {
    CashRegisterRead r = parse(pooled(), "date,ref,partner,kind,amount\n"
                                         "2025-04-01,H1,BRISTOL,contribution,100000.00\n"
                                         "2025-05-01,H2,BRISTOL,contribution,0.01\n");
    CHECK(r.rejects.empty());
    // The host has rows: they say what it paid, 100,000.00 + 0.01 to P02, 100,000.00 to P01.
    CHECK(r.cash.has_rows(CashKind::contribution, 1));
    CHECK(received_to(r.cash, 1, Period::nth(1)) == gbp(10000000));
    CHECK(received_to(r.cash, 1, Period::nth(2)) == gbp(10000001));
}

TEST_CASE("cash register: every reason a row is rejected, with its line and column") {
    // Columns: 1 date, 2 ref, 3 partner, 4 kind, 5 amount, 6 period, 7 note.
    std::string text = "date,ref,partner,kind,amount,period,note\n"
                       "2025-05-01,R1,ICB,contribution,12.345,,\n"         // 2
                       "2025-02-30,R2,ICB,contribution,10.00,,\n"          // 3
                       "2025-05-01,R3,ICX,contribution,10.00,,\n"          // 4
                       "2025-05-01,R4,ICB,contributon,10.00,,\n"           // 5
                       "2025-05-01,R5,ICB,contribution,10.00,P13,\n"       // 6
                       "2025-03-31,R6,ICB,contribution,10.00,,\n"          // 7
                       "2025-05-01,R7,ICB,contribution,10.00,2026-04,\n"   // 8
                       "2025-05-01,R1,NSOM,contribution,10.00,,\n"         // 9
                       "2025-05-01,R8,ICB,invoice,10.00,,\n"               // 10
                       "2025-05-01,R9,BRISTOL,reimbursement,10.00,,\n"     // 11
                       "2025-05-01,R10,ICB,reimbursement,-10.00,,\n"       // 12
                       "2025-05-01,,ICB,contribution,10.00,,\n"            // 13
                       "2025-05-01,R11,ICB,contribution,10.00\n"           // 14
                       "2025-05-01,R12,ICB,contribution,25.50,,accepted\n" // 15
                       "2025-05-01,R12,SGLOS,contribution,1.00,,\n"        // 16
                       "2025-05-01,R\"13,ICB,contribution,1.00,,\n";       // 17
    CashRegisterRead r = parse(pooled(), text);
    REQUIRE(r.rejects.size() == 15);
    struct Want {
        long line, column;
        std::string reason;
    };
    std::vector<Want> want = {
        {2, 5,
         "bad amount \"12.345\": more than two decimals (amounts are in pounds and pence, e.g. "
         "12.35)"},
        {3, 1, "bad date \"2025-02-30\" (expected YYYY-MM-DD, a real day)"},
        {4, 3,
         "unknown partner \"ICX\"; the agreement's partners are ICB, BRISTOL, NSOM and SGLOS; did "
         "you mean 'ICB'?"},
        {5, 4,
         "unknown kind \"contributon\" (the kinds: contribution, reimbursement, invoice, payment "
         "and settlement); did you mean 'contribution'?"},
        {6, 6,
         "period \"P13\" is not a period of the financial year 2025-26 (P01 to P12, or 2025-04 "
         "to 2026-03)"},
        {7, 1,
         "date 2025-03-31 is before the financial year 2025-26 (from 1 April 2025): give the row "
         "a period that puts it inside the year"},
        {8, 6,
         "period \"2026-04\" is not a period of the financial year 2025-26 (P01 to P12, or "
         "2025-04 to 2026-03)"},
        {9, 2, "duplicate ref \"R1\": first used on line 2 (itself rejected)"},
        {10, 4,
         "kind invoice has no place in a pooled fund's register: its rows are contribution, "
         "reimbursement and settlement"},
        {11, 3,
         "a reimbursement row names the host BRISTOL: a row's partner is the one on the other "
         "side from the host (only the host's own contribution may be recorded)"},
        {12, 5, "a reimbursement is a positive amount, not -10.00 (SPEC §10)"},
        {13, 2, "empty ref: every row needs a ref of its own"},
        {14, 0, "wrong number of fields: 5, the header has 7"},
        {16, 2, "duplicate ref \"R12\": first used on line 15"},
        {17, 0,
         "bad quoting: a field's quotes do not open and close around it (quote a whole field, "
         "and write a quote inside it as \"\")"},
    };
    for (std::size_t i = 0; i < want.size(); ++i) {
        CAPTURE(i);
        CHECK(r.rejects[i].file == "cash.csv");
        CHECK(r.rejects[i].line == static_cast<std::uint64_t>(want[i].line));
        CHECK(r.rejects[i].column == want[i].column);
        CHECK(r.rejects[i].reason == want[i].reason);
        CHECK(r.rejects[i].where().str() ==
              "cash.csv:" + std::to_string(want[i].line) +
                  (want[i].column ? ":" + std::to_string(want[i].column) : ""));
    }
    // The fields as they were, for the rejects file; the amount when it could be read.
    CHECK(r.rejects[0].fields ==
          std::vector<std::string>{"2025-05-01", "R1", "ICB", "contribution", "12.345", "", ""});
    CHECK_FALSE(r.rejects[0].amount);
    CHECK(r.rejects[1].amount == gbp(1000));

    // One row accepted: R12, 25.50 for ICB in P02.
    REQUIRE(r.cash.rows().size() == 1);
    CHECK(r.cash.rows()[0].ref == "R12");
    CHECK(r.cash.rows()[0].period == Period::nth(2));
    CHECK(received_to(r.cash, 0, Period::nth(12)) == gbp(2550));

    // Control totals: 16 rows read (lines 2..17), 1 accepted, 15 rejected. Amounts read: 10.00
    // on each of lines 3 to 11 and 13 (ten rows: 100.00), −10.00 (line 12), 25.50 (line 15),
    // 1.00 (line 16); none on 2 (bad), 14 (fields) or 17 (quoting).
    //   rejected 100.00 − 10.00 + 1.00 = 91.00; read 91.00 + 25.50 = 116.50.
    CHECK(r.totals.rows.lines_read == 16);
    CHECK(r.totals.rows.lines_accepted == 1);
    CHECK(r.totals.rows.lines_rejected == 15);
    CHECK(r.totals.rows.total_rejected == gbp(9100));
    CHECK(r.totals.rows.total_accepted == gbp(2550));
    CHECK(r.totals.rows.total_read == gbp(11650));
}

TEST_CASE("cash register: a partner that is not an id is told why") {
    CashRegisterRead r = parse(pooled(), "date,ref,partner,kind,amount\n"
                                         "2025-05-01,R1,ICB ,contribution,1.00\n"
                                         "2025-05-01,R2,\"\x1b[31m\",contribution,1.00\n");
    REQUIRE(r.rejects.size() == 2);
    CHECK(r.rejects[0].reason ==
          "unknown partner \"ICB \": it holds a space (character 4); the agreement's partners are "
          "ICB, BRISTOL, NSOM and SGLOS; did you mean 'ICB'?");
    CashRegisterRead e = parse(pooled(), "date,ref,partner,kind,amount\n"
                                         "2025-05-01,R1,,contribution,1.00\n"
                                         "2025-05-01,R2,ICB,,1.00\n");
    REQUIRE(e.rejects.size() == 2);
    CHECK(e.rejects[0].reason == "unknown partner (empty); the agreement's partners are ICB, "
                                 "BRISTOL, NSOM and SGLOS");
    CHECK(e.rejects[1].reason == "unknown kind (empty) (the kinds: contribution, "
                                 "reimbursement, invoice, payment and settlement)");
    // A control character is written out, never sent to the terminal (visible_text.hpp).
    CHECK(r.rejects[1].reason.find('\x1b') == std::string::npos);
    CHECK(r.rejects[1].reason.starts_with("unknown partner \"\\x1b[31m\": it holds \\x1b"));
}

TEST_CASE("cash register: a joint budget's invoices, payments and settlements") {
    std::string text = "date,ref,partner,kind,amount,period\n"
                       "2025-05-05,INV-A-01,A,invoice,1000.00,P01\n"    // 2: billed P01
                       "2025-06-05,INV-A-02,A,invoice,1200.00,P02\n"    // 3
                       "2025-07-05,INV-A-03,A,invoice,-200.00,P03\n"    // 4: a credit note
                       "2025-06-20,PAY-A-01,A,payment,1000.00,\n"       // 5: June, P03
                       "2025-05-05,INV-B-01,B,invoice,333.33,2025-04\n" // 6
                       "2026-04-10,SET-A,A,settlement,-150.25,\n"       // 7: P12, the host pays A
                       "2025-04-01,C1,A,contribution,5.00,\n"           // 8: not in a joint budget
                       "2025-04-01,INV-H,HOST,invoice,5.00,\n";         // 9: the host is not billed
    CashRegisterRead r = parse(joint(), text);
    REQUIRE(r.rejects.size() == 2);
    CHECK(r.rejects[0].line == 8);
    CHECK(r.rejects[0].column == 4);
    CHECK(r.rejects[0].reason == "kind contribution has no place in a joint budget's "
                                 "register: its rows are invoice, payment and settlement");
    CHECK(r.rejects[1].line == 9);
    CHECK(r.rejects[1].column == 3);
    const CashRegister& c = r.cash;
    // invoiced_before P03: 1,000.00 + 1,200.00 = 2,200.00; through P03: 2,200.00 − 200.00.
    CHECK(invoiced_before(c, 1, Period::nth(3)) == gbp(220000));
    CHECK(invoiced_through(c, 1, Period::nth(3)) == gbp(200000));
    CHECK(invoiced_before(c, 1, Period::nth(1)) == gbp(0));
    CHECK(invoiced_through(c, 1, Period::nth(1)) == gbp(100000));
    CHECK(to_period_by_partner(c, CashKind::invoice, 3) ==
          std::vector<Money>{gbp(0), gbp(200000), gbp(33333)});
    // The payment of 20 June is in P03: nothing paid to P02, 1,000.00 to P03.
    CHECK(payments_to(c, 1, Period::nth(2)) == gbp(0));
    CHECK(payments_to(c, 1, Period::nth(3)) == gbp(100000));
    CHECK(settled(c, 1) == gbp(-15025));
    CHECK(settled(c, 2) == gbp(0));
    // Totals by kind: invoices 1,000.00 + 1,200.00 − 200.00 + 333.33 = 2,333.33; payments
    // 1,000.00; settlements −150.25; accepted 2,333.33 + 1,000.00 − 150.25 = 3,183.08; rejected
    // 5.00 + 5.00 = 10.00.
    auto k = [](CashKind x) { return static_cast<std::size_t>(x); };
    CHECK(r.totals.accepted_by_kind[k(CashKind::invoice)] == gbp(233333));
    CHECK(r.totals.accepted_by_kind[k(CashKind::payment)] == gbp(100000));
    CHECK(r.totals.accepted_by_kind[k(CashKind::settlement)] == gbp(-15025));
    CHECK(r.totals.rows.total_accepted == gbp(318308));
    CHECK(r.totals.rows.total_rejected == gbp(1000));
}

TEST_CASE("cash register: an aligned budget moves no money") {
    Agreement a = pooled();
    a.kind = AgreementKind::aligned;
    a.host.reset();
    CashRegisterRead r = parse(a, "date,ref,partner,kind,amount\n"
                                  "2025-05-01,R1,ICB,contribution,1.00\n");
    REQUIRE(r.rejects.size() == 1);
    CHECK(r.rejects[0].reason == "kind contribution: an aligned budget moves no money between "
                                 "the partners (SPEC §1), so it has no cash register");
}

TEST_CASE("cash register: the header is checked, with its place") {
    // Names without case and surrounding blanks count; the optional columns may be left out.
    CHECK(parse(pooled(), " Date ,REF,Partner,Kind,Amount\n2025-05-01,R1,ICB,contribution,1\n")
              .cash.rows()
              .size() == 1);
    CHECK(header_error("date,ref,partner,amount\n") ==
          "cash.csv:1: no column \"kind\" (the header has: \"date\", \"ref\", \"partner\", "
          "\"amount\"); the cash register's columns are date,ref,partner,kind,amount (and "
          "optionally period,note)");
    CHECK(header_error("date,ref,partner,kind,amount,perod\n") ==
          "cash.csv:1:6: unknown column \"perod\": the cash register's columns are "
          "date,ref,partner,kind,amount (and optionally period,note); did you mean 'period'?");
    CHECK(header_error("date,ref,partner,kind,amount,\n") ==
          "cash.csv:1:6: column 6 of the header has no name (a comma too many?): the cash "
          "register's columns are date,ref,partner,kind,amount (and optionally period,note)");
    CHECK(header_error("date,ref,partner,kind,amount,Amount\n") ==
          "cash.csv:1:6: the header names the column \"amount\" twice (columns 5 and 6): remove "
          "one, so that it is clear which is meant");
    CHECK(header_error("") == "cash.csv:1: no header row: the cash register starts with the row "
                              "of its column names, date,ref,partner,kind,amount (and optionally "
                              "period,note)");
    CHECK(header_error("date,ref,partner,kind,amount\r2025-05-01,R1,ICB,contribution,1\r")
              .starts_with("cash.csv:1: the header row holds a carriage return (CR)"));
}

TEST_CASE("cash register: a total beyond int64 pence is an error at its row, never a wrap") {
    // 92,233,720,368,547,758.07 is the largest amount; two of them overflow the total read.
    std::string text = "date,ref,partner,kind,amount\n"
                       "2025-05-01,R1,ICB,contribution,92233720368547758.07\n"
                       "2025-05-01,R2,NSOM,contribution,0.01\n";
    try {
        parse(pooled(), text);
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::arithmetic);
        CHECK(e.where().str() == "cash.csv:3:5");
    }
    // In the register itself: ICB's P06 total stays at the largest amount when a row in P12 would
    // take its year's total past it.
    CashRegister c(2);
    CashRow big{"2025-09-01",
                "R1",
                0,
                CashKind::contribution,
                Money::from_pence(std::numeric_limits<std::int64_t>::max()),
                Period::nth(6),
                "",
                {}};
    c.add(big);
    CashRow one{"2026-03-01", "R2",           0, CashKind::contribution, gbp(1), Period::nth(12),
                "",           {"x.csv", 3, 0}};
    try {
        c.add(one);
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::arithmetic);
        CHECK(e.where().str() == "x.csv:3");
    }
    CHECK(c.rows().size() == 1);
    CHECK(received_to(c, 0, Period::nth(12)).pence() == std::numeric_limits<std::int64_t>::max());
}

TEST_CASE("cash register: read from a file, recorded among the inputs") {
    TempDir dir;
    // "date,ref,partner,kind,amount\n": 29 bytes; its SHA-256 by `sha256sum`.
    std::string path = dir.file("cash.csv", "date,ref,partner,kind,amount\n");
    CashRegisterRead r = read_cash_register(pooled(), path);
    CHECK(r.input.role == "cash");
    CHECK(r.input.path == path);
    CHECK(r.input.bytes == 29);
    CHECK(r.input.sha256 == "07cabcc8cb63c5bdf3b15568f8a9cd1a0d4e9515b7ce0997102d70cd8bb9e298");
    CHECK(r.totals.rows.lines_read == 0);
    try {
        read_cash_register(pooled(), dir.path() + "/missing.csv");
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::input);
        CHECK(std::string(e.what()).starts_with("cannot open the cash register file"));
    }
}

TEST_CASE("cash register: another export's layout read through a profile (SPEC §10, §11)") {
    // A finance system's bank report: a title line, semicolons, UK dates, its own column names
    // and columns the register does not need.
    const std::string profile_text = "[profile]\n"
                                     "name = \"bank-report\"\n"
                                     "delimiter = \";\"\n"
                                     "date_format = \"%d/%m/%Y\"\n"
                                     "skip_lines = 1\n"
                                     "[columns]\n"
                                     "date = \"Value Date\"\n"
                                     "ref = \"Bank Ref\"\n"
                                     "partner = \"Counterparty\"\n"
                                     "kind = \"Type\"\n"
                                     "amount = \"GBP\"\n";
    RegisterProfile profile =
        parse_register_profile(profile_text, "bank.toml", cash_register_layout());
    CHECK(profile.layout.delimiter == ';');
    const std::string text = "Receipts and payments, pooled fund, 2025-26\n"
                             "Value Date;Bank Ref;Counterparty;Type;GBP;Operator\n"
                             "01/04/2025;B-1;ICB;contribution;150000.00;jk\n"
                             "15/10/2025;B-2;SGLOS;reimbursement;4321.09;jk\n"
                             "31/09/2025;B-3;NSOM;contribution;10.00;jk\n";
    CashRegisterRead r = parse_cash_register(pooled(), text, "bank.csv", &profile);
    REQUIRE(r.cash.rows().size() == 2);
    CHECK(r.cash.rows()[0].where.line == 3); // the title line and the header above it
    CHECK(r.cash.rows()[0].amount == gbp(15000000));
    CHECK(r.cash.rows()[1].period == Period::nth(7)); // 15 October 2025
    CHECK(received_to(r.cash, 0, Period::nth(1)) == gbp(15000000));
    // 31 September is no day: rejected at its line and the profile's date column, in its format.
    REQUIRE(r.rejects.size() == 1);
    CHECK(r.rejects[0].line == 5);
    CHECK(r.rejects[0].column == 1);
    CHECK(r.rejects[0].reason == "bad date \"31/09/2025\" (expected DD/MM/YYYY, a real day)");
    // Lines read 3 = accepted 2 + rejected 1; 150,000.00 + 4,321.09 + 10.00 = 154,331.09 read.
    CHECK(r.totals.rows.lines_read == 3);
    CHECK(r.totals.rows.total_read == gbp(15433109));

    // A column the profile names that the export lacks, at the header's line.
    try {
        parse_cash_register(pooled(), "title\nValue Date;Bank Ref;Counterparty;GBP\n", "bank.csv",
                            &profile);
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.where().str() == "bank.csv:2");
        CHECK(std::string(e.what()).find("no column \"Type\"") != std::string::npos);
    }
    // The profile's own mistakes are located, with a hint.
    try {
        parse_register_profile("[profile]\nname = \"x\"\n[columns]\nknd = \"Type\"\n", "bad.toml",
                               cash_register_layout());
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.where().str() == "bad.toml:4:1");
        CHECK(std::string(e.what()).find("unknown key 'knd' in [columns]; did you mean 'kind'?") ==
              0);
    }
}

TEST_CASE("cash register: a profile's missing tables, misplaced keys and bad columns (SPEC §11)") {
    // Each problem of a register profile is located (file:line:column) and says what to write.
    auto problem = [](const std::string& text) {
        try {
            parse_register_profile(text, "bank.toml", cash_register_layout());
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::input);
            return e.where().str() + ": " + e.what();
        }
        return std::string("no error");
    };
    // No [profile] table, or no [columns] table: at the top of the file.
    CHECK(problem("[columns]\nkind = \"Type\"\n") ==
          "bank.toml:1:1: a profile for the cash register needs a [profile] table (name, "
          "delimiter, date_format, skip_lines)");
    CHECK(problem("[profile]\nname = \"x\"\n") ==
          "bank.toml:1:1: a profile for the cash register needs a [columns] table naming the "
          "export's column for each of its columns (date,ref,partner,kind,amount (and optionally "
          "period,note))");
    // A reader key above [profile] (top level) or after [columns] belongs under [profile].
    CHECK(problem("delimiter = \";\"\n[profile]\nname = \"x\"\n[columns]\n") ==
          "bank.toml:1:1: 'delimiter' belongs under [profile]: move it to the lines after the "
          "[profile] line");
    CHECK(problem("[profile]\nname = \"x\"\n[columns]\nkind = \"Type\"\nskip_lines = 1\n") ==
          "bank.toml:5:1: 'skip_lines' belongs under [profile], not [columns]: move it to the "
          "lines after the [profile] line (in TOML a key belongs to the last [table] above it)");
    // A column named by an empty string, or by a number, names no column of the export: at the
    // value (line 4, column 8, after `kind = `).
    CHECK(problem("[profile]\nname = \"x\"\n[columns]\nkind = \"\"\n") ==
          "bank.toml:4:8: 'kind' must name a column of the export");
    CHECK(problem("[profile]\nname = \"x\"\n[columns]\nkind = 4\n") ==
          "bank.toml:4:8: 'kind' must name a column of the export");
    // A column the profile leaves out keeps the register's own name ("" in headers).
    RegisterProfile p = parse_register_profile("[profile]\n[columns]\nkind = \"Type\"\n",
                                               "bank.toml", cash_register_layout());
    CHECK(p.file == "bank.toml");
    CHECK(p.headers == std::vector<std::string>{"", "", "", "Type", "", "", ""});
    CHECK(p.layout.delimiter == ',');
}

TEST_CASE("cash register: a profile read from its file is recorded as the run's profile") {
    TempDir dir;
    const std::string text = "[profile]\nname = \"bank\"\n[columns]\nref = \"Bank Ref\"\n";
    const std::string path = dir.file("bank.toml", text);
    InputFile record;
    RegisterProfile p = load_register_profile(path, cash_register_layout(), record);
    CHECK(p.layout.name == "bank");
    CHECK(p.headers[1] == "Bank Ref");
    CHECK(record.role == "profile");
    CHECK(record.bytes == text.size());
    // A profile that is not there is an input error naming it.
    try {
        load_register_profile(dir.path() + "/none.toml", cash_register_layout(), record);
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::input);
        CHECK(std::string(e.what()).starts_with("cannot open the profile file"));
    }
}
