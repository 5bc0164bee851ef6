// The document model and its renderers (writers/document.hpp, document_render.hpp): the
// statement layout's blank lines in text and Markdown, typed cells reaching HTML, every text
// escaped, and ChartScale's exact coordinates.
#include "writers/chart.hpp"
#include "writers/chart_svg.hpp"
#include "writers/document_render.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace poolkit;

namespace {

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

Document sample() {
    Document d({"T (X)", "Statement", "X", "T", "P06"});
    d.title({"T (X)", "Second line"});
    d.warning({"WARNING: one"});
    d.heading("Schemes");
    Table t({{"Scheme", false}, {"Amount", true}, {"RAG", false}});
    t.add_row({text_cell("S01 <b>&"), money_cell(Money::from_pence(-123456), true),
               rag_cell(Rag::red, "red over")});
    t.add_rule();
    t.add_row({text_cell("Total"), money_cell(Money::from_pence(-123456), true),
               rag_cell(std::nullopt, "")});
    d.table(std::move(t));
    d.notes({"Note one.", "Note two."});
    d.paragraph("Para line 1.\nPara line 2.");
    d.footer({"Ledgers: 1 file"}, RunRecord{"pool-x", {"a"}, {}});
    return d;
}

} // namespace

TEST_CASE("document: the statement layout in text and Markdown") {
    const Document d = sample();
    // Columns: 8 ("S01 <b>&"), 10 ("(1,234.56)"), 8 ("red over"), two spaces apart: a rule of 30.
    const std::string text = render_text(d);
    CHECK(text.substr(0, text.find("Inputs:")) == "T (X)\n"
                                                  "Second line\n"
                                                  "\n"
                                                  "WARNING: one\n"
                                                  "\n"
                                                  "Schemes\n"
                                                  "Scheme        Amount  RAG\n"
                                                  "S01 <b>&  (1,234.56)  red over\n"
                                                  "------------------------------\n"
                                                  "Total     (1,234.56)\n"
                                                  "Note one.\n"
                                                  "Note two.\n"
                                                  "\n"
                                                  "Para line 1.\n"
                                                  "Para line 2.\n"
                                                  "\n"
                                                  "Ledgers: 1 file\n");
    CHECK(has(text, "\nRun: pool-x a\n"));
    const std::string md = render_markdown(d);
    CHECK(md.substr(0, md.find("| Scheme")) == "# T (X)\n"
                                               "\n"
                                               "Second line\n"
                                               "\n"
                                               "**WARNING: one**\n"
                                               "\n"
                                               "## Schemes\n"
                                               "\n");
    CHECK(has(md, "| S01 \\<b\\>& | (1,234.56) | red over |\n"));
    // Each note its own paragraph; a paragraph's lines joined by hard breaks.
    CHECK(
        has(md, "\nNote one.\n\nNote two.\n\nPara line 1.  \nPara line 2.\n\nLedgers: 1 file  \n"));
}

TEST_CASE("document: HTML keeps the cells' types and escapes every text") {
    const std::string html = render_html(sample());
    CHECK(html.rfind("<!DOCTYPE html>\n", 0) == 0);
    CHECK(has(html, "<title>Statement: T (X)</title>"));
    CHECK(has(html, "<meta name=\"poolkit-period\" content=\"P06\"/>"));
    CHECK(has(html, "<td>S01 &lt;b&gt;&amp;</td>"));
    // A negative amount in brackets, as in the text, marked negative; the RAG cell coloured.
    CHECK(has(html, "<td class=\"num neg\">(1,234.56)</td>"));
    CHECK(has(html, "<td class=\"rag rag-red\">red over</td>"));
    // The row after the rule is the total; a RAG cell with no rating is not coloured.
    CHECK(has(html, "<tr class=\"total\"><td>Total</td>"));
    CHECK(has(html, "<td></td></tr>"));
    CHECK(has(html, "<p>Para line 1.<br/>Para line 2.</p>"));
    CHECK(!has(html, "<script"));
    CHECK(html_escape("a<b>&\"'\x1b") == "a&lt;b&gt;&amp;&quot;&#39;\\x1b");
}

TEST_CASE("document: a block limited to some formats is in their bytes only") {
    Document d({"T (X)", "Statement", "X", "T", "P06"});
    d.title({"T (X)"});
    d.paragraph("Everywhere.");
    d.only_in({DocumentFormat::html, DocumentFormat::xlsx});
    d.heading("Figures");
    Table t({{"From", false}, {"Amount", true}});
    t.add_row({text_cell("ICB"), money_cell(Money::from_pence(150), true)});
    d.table(std::move(t), "Figures");
    d.notes({"A note of the figures."});
    d.in_every_format();
    d.paragraph("Everywhere again.");
    // Text and Markdown read as if the limited blocks were never added.
    CHECK(render_text(d) == render_text(d.in_format(DocumentFormat::text)));
    CHECK(render_text(d) == "T (X)\n\nEverywhere.\n\nEverywhere again.\n");
    CHECK(!has(render_markdown(d), "Figures"));
    const std::string html = render_html(d);
    CHECK(has(html, "<h2>Figures</h2>"));
    CHECK(has(html, "<td>ICB</td><td class=\"num\">1.50</td>"));
    CHECK(has(html, "A note of the figures."));
    CHECK(has(html, "Everywhere again."));
    CHECK(d.in_format(DocumentFormat::xlsx).blocks().size() == 6);
    CHECK(d.in_format(DocumentFormat::md).blocks().size() == 3);
}

TEST_CASE("chart: amounts become coordinates exactly") {
    // Amounts -£100.00 and £350.00 with zero: span 45,000p over 5 ticks wants 9,000p, so the
    // step is 10,000p (£100); the axis runs from -£100 to £400 (50,000p) over 200 px.
    const ChartScale s({Money::from_pence(-10000), Money::from_pence(35000)}, 200);
    CHECK(s.step() == Money::from_pence(10000));
    CHECK(s.lo() == Money::from_pence(-10000));
    CHECK(s.hi() == Money::from_pence(40000));
    // y = 200 × (40,000 − m) / 50,000 px: £400 at 0, zero at 160, -£100 at 200.
    CHECK(s.at(Money::from_pence(40000)) == "0");
    CHECK(s.at(Money{}) == "160");
    CHECK(s.at(Money::from_pence(-10000)) == "200");
    // £123.45: 200 × 27,655 / 50,000 = 110.62 px, written in tenths rounded half up: 110.6.
    CHECK(s.tenths(Money::from_pence(12345)) == 1106);
    // 1p: 200 × 39,999 / 50,000 = 159.996 px: 1599.96 tenths, rounded to 1600, "160".
    CHECK(s.at(Money::from_pence(1)) == "160");
    CHECK(svg_tenths(-5) == "-0.5");
    CHECK(svg_tenths(1234) == "123.4");
    // Nothing to show: an axis of one pound from zero.
    const ChartScale flat({}, 100);
    CHECK(flat.lo() == Money{});
    CHECK(flat.hi() == Money::from_pence(100));
}

TEST_CASE("document: key-value lines and verbatim text in every format") {
    Document d({"T (X)", "Statement", "X", "T", "P06"});
    d.title({"T (X)"});
    d.key_values({{"Period end", date_cell("2025-09-30")}, {"Pool <all>", text_cell("1,200.50")}});
    d.verbatim("line one\nline *two*");
    // Text: a blank line, then "label: value" lines; the verbatim text as it stands.
    const std::string text = render_text(d);
    CHECK(has(text, "T (X)\n\nPeriod end: 2025-09-30\nPool <all>: 1,200.50\n"));
    CHECK(has(text, "line one\nline *two*"));
    // Markdown: the lines joined by hard breaks, Markdown's characters escaped.
    const std::string md = render_markdown(d);
    CHECK(has(md, "Period end: 2025-09-30  \nPool \\<all\\>: 1,200.50\n"));
    CHECK(has(md, "line one  \nline \\*two\\*"));
    // HTML: a definition list, escaped; the verbatim lines broken with <br/>.
    const std::string html = render_html(d);
    CHECK(has(html, "<dl>\n<dt>Period end</dt><dd>2025-09-30</dd>\n<dt>Pool &lt;all&gt;</dt>"
                    "<dd>1,200.50</dd>\n</dl>\n"));
    CHECK(has(html, "<p>line one<br/>line *two*</p>"));
    // The workbook (a zip file) holds them on its Summary sheet.
    const std::string xlsx = render_xlsx(d);
    CHECK(xlsx.rfind("PK", 0) == 0);
}

TEST_CASE("document: prose (pool-check --explain) shows notes, warnings and key-value lines") {
    Document d({"T (X)", "Explanation", "X", "T", ""}, DocumentLayout::prose);
    d.title({"T (X)"});
    d.heading("Terms");
    d.notes({"Note one.", "Note two."});
    d.warning({"WARNING: check"});
    d.key_values({{"Host", text_cell("ICB")}});
    // Text: the title, then each block after a blank line; a heading underlined and kept with
    // its first block.
    CHECK(render_text(d) == "T (X)\n"
                            "\n"
                            "Terms\n"
                            "-----\n"
                            "Note one.\nNote two.\n"
                            "\n"
                            "WARNING: check\n"
                            "\n"
                            "Host: ICB\n");
    // Markdown: each block a paragraph, its lines joined (notes are one paragraph).
    CHECK(render_markdown(d) == "# T (X)\n"
                                "\n"
                                "## Terms\n"
                                "\n"
                                "Note one. Note two.\n"
                                "\n"
                                "WARNING: check\n"
                                "\n"
                                "Host: ICB\n");
}
