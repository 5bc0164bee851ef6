// Formula injection (SPEC §8): a CSV cell that a spreadsheet would run as a formula — text that
// starts with '=', '+', '-', '@', a tab, a carriage return or a line feed — is written with a
// leading single quote so it shows as text; numbers (negative amounts too) are written exactly as
// they are.
#include "model/actuals.hpp"
#include "writers/actuals_statement.hpp"
#include "writers/table.hpp"

#include <doctest/doctest.h>

using namespace poolkit;

TEST_CASE("hardening: every formula trigger in a text cell is neutralised") {
    CHECK(csv_field("=1+1", false) == "'=1+1");
    CHECK(csv_field("+44 helpline", false) == "'+44 helpline");
    CHECK(csv_field("-2+3", false) == "'-2+3");
    CHECK(csv_field("@SUM(A1:A9)", false) == "'@SUM(A1:A9)");
    // A tab, a CR or a LF both triggers the guard and, as a control character, is quoted.
    CHECK(csv_field("\tcmd", false) == "\"'\tcmd\"");
    CHECK(csv_field("\ncmd", false) == "\"'\ncmd\"");
    CHECK(csv_field("\rcmd", false) == "\"'\rcmd\"");
    // The classic payload: quoted for its commas and quotes, and neutralised inside the quotes.
    CHECK(csv_field("=HYPERLINK(\"http://a.test/\",\"Click\")", false) ==
          "\"'=HYPERLINK(\"\"http://a.test/\"\",\"\"Click\"\")\"");
    // A lone sign is text too.
    CHECK(csv_field("-", false) == "'-");
}

TEST_CASE("hardening: numbers and harmless text are written as they are") {
    CHECK(csv_field("-12.50", true) == "-12.50");
    CHECK(csv_field("-1234567.89", true) == "-1234567.89");
    CHECK(csv_field("+7", true) == "+7");
    CHECK(csv_field("Bristol City Council", false) == "Bristol City Council");
    CHECK(csv_field("S01 =not at the start", false) == "S01 =not at the start");
    CHECK(csv_field("", false) == "");
    CHECK(csv_field("a,b", false) == "\"a,b\"");
    CHECK(csv_field("a;b", false, ';') == "\"a;b\"");
}

TEST_CASE("hardening: a table's header and text columns are guarded, its numbers are not") {
    Table t({{"=header"}, {"amount", true}});
    t.add_row({text_cell("@cmd"), num_cell("-12.50")});
    t.add_row({text_cell("-x"), num_cell("0.00")});
    CHECK(t.csv() == "'=header,amount\n'@cmd,-12.50\n'-x,0.00\n");
}

TEST_CASE("hardening: rejected lines echo the ledger's fields, with amounts left as numbers") {
    // The rejects file (pool-actuals --rejects) repeats what the ledger held, so an attacker's
    // cell would reach a spreadsheet through it: text is guarded, a field that reads as an amount
    // ("-12.50", "-1,234.56") is a number and stays as it was.
    RejectedLine r;
    r.file = "l.csv";
    r.line = 2;
    r.reason = "unknown partner \"=HYPERLINK(1)\"";
    r.fields = {"=HYPERLINK(1)", "+S02", "-12.50", "-1,234.56", "@x"};
    std::string csv = rejects_csv({r}, {{"partner", "scheme", "amount", "debit", "=cmd"}});
    CHECK(csv == "file,line,reason,partner,scheme,amount,debit,'=cmd,more_fields\n"
                 "l.csv,2,\"unknown partner \"\"=HYPERLINK(1)\"\"\",'=HYPERLINK(1),'+S02,-12.50,"
                 "\"-1,234.56\",'@x,\n");
}

TEST_CASE("hardening: a rejected amount that is still a number is not prefixed") {
    // Rejected for three decimals or for being out of range, these are numbers all the same: a
    // spreadsheet must show them as numbers. Text that merely starts like one is guarded.
    RejectedLine r;
    r.file = "l.csv";
    r.line = 3;
    r.reason = "bad amount";
    r.fields = {"-12.345", "-92233720368547758.09", "+1,234.5", "-12.5x", "-", "-1+2", "-,5"};
    std::string csv = rejects_csv({r}, {{"a", "b", "c", "d", "e", "f", "g"}});
    CHECK(csv == "file,line,reason,a,b,c,d,e,f,g,more_fields\n"
                 "l.csv,3,bad amount,-12.345,-92233720368547758.09,\"+1,234.5\",'-12.5x,'-,'-1+2,"
                 "\"'-,5\",\n");
}
