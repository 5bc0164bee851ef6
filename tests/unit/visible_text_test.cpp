// Text from the inputs shown safely (SPEC §3, §8): visible() writes every control character out
// (\n, \r, \t, \xNN for the other C0 controls, DEL and bytes that are not UTF-8, \uNNNN for C1
// controls and the line separators) and leaves everything else, a backslash included, as it is.
// The writers that show text (tables, the explain document, shell quoting, JSON, CSV) all go
// through it or its classification.
#include "support/visible_text.hpp"
#include "writers/document_render.hpp"
#include "writers/inputs.hpp"
#include "writers/json.hpp"
#include "writers/table.hpp"
#include "writers/verify_report.hpp"

#include <doctest/doctest.h>

using namespace poolkit;

TEST_CASE("visible: control characters are written out, one escape each") {
    CHECK(visible("a\nb") == "a\\nb");
    CHECK(visible("a\rb\tc") == "a\\rb\\tc");
    CHECK(visible("\x1b[2J") == "\\x1b[2J");             // ESC: clear the screen
    CHECK(visible(std::string("a\0b", 3)) == "a\\x00b"); // NUL
    CHECK(visible("\x7f") == "\\x7f");                   // DEL
    CHECK(visible("\x01\x1f") == "\\x01\\x1f");          // the ends of C0
    CHECK(visible("a\xC2\x9B"
                  "2J") == "a\\u009b2J");                   // C1 CSI (U+009B) in UTF-8
    CHECK(visible("\xC2\x80\xC2\x9F") == "\\u0080\\u009f"); // the ends of C1
    CHECK(visible("a\xE2\x80\xA8"
                  "b") == "a\\u2028b");          // LINE SEPARATOR
    CHECK(visible("\xE2\x80\xA9") == "\\u2029"); // PARAGRAPH SEPARATOR
    CHECK(visible("caf\xE9") == "caf\\xe9");     // Latin-1 é: not UTF-8
    CHECK(visible("\xC3") == "\\xc3");           // cut short
    CHECK(visible("\xC0\xAF") == "\\xc0\\xaf");  // overlong '/'
}

TEST_CASE("visible: plain text, UTF-8 and backslashes are shown as they are") {
    CHECK(visible("") == "");
    CHECK(visible("Bristol City Council") == "Bristol City Council");
    CHECK(visible("caf\xC3\xA9 \xC2\xA3 \xC5\xB5 \xE2\x80\x94 \xF0\x9F\x92\xB7") ==
          "caf\xC3\xA9 \xC2\xA3 \xC5\xB5 \xE2\x80\x94 \xF0\x9F\x92\xB7"); // é £ ŵ — 💷
    CHECK(visible("\xC2\xA0") == "\xC2\xA0"); // U+00A0, just past C1, is a space
    CHECK(visible("C:\\ledgers\\a.csv") == "C:\\ledgers\\a.csv");
    // Shown twice is shown once: a message already made visible passes through unchanged.
    std::string once = visible("a\n\x1b\xC2\x9B\xFF");
    CHECK(once == "a\\n\\x1b\\u009b\\xff");
    CHECK(visible(once) == once);
}

TEST_CASE("visible_lines: the lines stay lines, each shown visibly") {
    CHECK(visible_lines("a\x1b\nb\tc\n") == "a\\x1b\nb\\tc\n");
    CHECK(visible_lines("\n\n") == "\n\n");
    CHECK(visible_lines("a\r\nb") == "a\\r\nb");
    CHECK(visible_lines("") == "");
}

TEST_CASE("find_control: the first control character, by character position") {
    CHECK(!find_control("Bristol City Council"));
    CHECK(!find_control("caf\xC3\xA9 \xE2\x80\xA8")); // a line separator is not a control (Cc)
    auto c = find_control("caf\xC3\xA9\t!");          // é is one character: the tab is the 5th
    REQUIRE(c);
    CHECK(c->position == 5);
    CHECK(c->shown == "\\t");
    c = find_control("ab\xC2\x9B");
    REQUIRE(c);
    CHECK(c->position == 3);
    CHECK(c->shown == "\\u009b");
    CHECK(find_control("\x7f")->shown == "\\x7f");
}

TEST_CASE("visible: JSON escapes every control character, DEL, C1 and the separators") {
    CHECK(json_quote("a\x7f"
                     "b") == "\"a\\u007fb\"");
    CHECK(json_quote("\xC2\x9B") == "\"\\u009b\"");
    CHECK(json_quote("\xE2\x80\xA8\xE2\x80\xA9") == "\"\\u2028\\u2029\"");
    CHECK(json_quote("\x1b\n\t\"\\") == "\"\\u001b\\n\\t\\\"\\\\\"");
    CHECK(json_quote("\xC2\xA3") == "\"\xC2\xA3\""); // £ as it is
}

TEST_CASE("visible: a table cell cannot break its line, nor a Markdown cell its row") {
    Table t({{"Code", false}, {"Amount", true}});
    t.add_row({text_cell("A\nB"), num_cell("1.00")});
    t.add_row({text_cell("C|D\x1b"), num_cell("2.00")});
    // Widths are those of the cells as shown: "C|D\x1b" is 7 characters.
    CHECK(t.text() == "Code     Amount\n"
                      "A\\nB       1.00\n"
                      "C|D\\x1b    2.00\n");
    CHECK(t.markdown() == "| Code | Amount |\n"
                          "| --- | ---: |\n"
                          "| A\\nB | 1.00 |\n"
                          "| C\\|D\\x1b | 2.00 |\n");
    CHECK(md_cell("a|b|\n") == "a\\|b\\|\\n");
    CHECK(md_cell("<img src=x>") == "\\<img src=x\\>");
    // Names as text in Markdown: emphasis, links, code and headings escaped; at a line's start a
    // list marker too, "- x" and "12. x" ("12.50" as well, harmless), but not in the middle.
    CHECK(md_literal("A|B *x* _y_ `z` [l] #1", false) ==
          "A\\|B \\*x\\* \\_y\\_ \\`z\\` \\[l\\] \\#1");
    CHECK(md_literal("- a\n+ b\n12. c\nd - 1. e", true) == "\\- a\n\\+ b\n12\\. c\nd - 1. e");
    CHECK(md_literal("- a", false) == "- a");
    // CSV keeps the data, each field with a control character inside quotes.
    CHECK(t.csv() == "Code,Amount\n\"A\nB\",1.00\n\"C|D\x1b\",2.00\n");
    CHECK(csv_field("G\xC2\x9BH", false) == "\"G\xC2\x9BH\"");
}

TEST_CASE("visible: the explain document shows every block visibly, its lines kept") {
    Document d({}, DocumentLayout::prose);
    d.title({"T\x1b[2J"});
    d.heading("H\r");
    d.paragraph("P\x07");
    d.bullets({"one\x1b\nsecond line"});
    d.verbatim("V\t\n");
    CHECK(render_text(d) == "T\\x1b[2J\n"
                            "\n"
                            "H\\r\n"
                            "---\n"
                            "P\\x07\n"
                            "\n"
                            "- one\\x1b\n"
                            "  second line\n"
                            "\n"
                            "V\\t\n");
    CHECK(render_markdown(d) == "# T\\\\x1b\\[2J\n"
                                "\n"
                                "## H\\\\r\n"
                                "\n"
                                "P\\\\x07\n"
                                "\n"
                                "- one\\\\x1b  \n"
                                "  second line\n"
                                "\n"
                                "V\\\\t\n");
}

TEST_CASE("visible: an argument with a control character is quoted as bash's $'...'") {
    CHECK(shell_quote("l.csv") == "l.csv");
    CHECK(shell_quote("my ledger.csv") == "'my ledger.csv'");
    CHECK(shell_quote("a\x1b[2J\nb.csv") == "$'a\\x1b[2J\\nb.csv'");
    // Inside $'...' a backslash and a quote are escaped too, and UTF-8 stays as it is.
    CHECK(shell_quote("it's\t\\ caf\xC3\xA9") == "$'it\\'s\\t\\\\ caf\xC3\xA9'");
}

TEST_CASE("visible: pool-verify's report shows a crafted statement's text visibly") {
    FigureComparison cmp;
    cmp.compared = 2;
    cmp.differences.push_back({"partners[0].id", std::string("ICB\x1b[2J"), std::string("ICB")});
    cmp.differences.push_back({"a\nb", std::nullopt, std::string("1")});
    CHECK(verify_report("s\r.json", cmp, 1, "pool-settle\n 0.1.0") ==
          "partners[0].id: statement ICB\\x1b[2J, recomputed ICB\n"
          "a\\nb: not in the statement, recomputed 1\n"
          "pool-verify: s\\r.json does not match its recomputation: 2 differences in 2 figures "
          "(pool-settle\\n 0.1.0)\n");
}
