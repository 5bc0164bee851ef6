// The HTML renderer of a Document (SPEC §5, §9): one self-contained file, well-formed as XML too
// (so any XML parser reads it), with inline CSS and a print stylesheet for A4 landscape, inline
// SVG charts, no script and no reference outside the file. Every text is escaped (html_escape).
#include "writers/chart_svg.hpp"
#include "writers/document_render.hpp"
#include "writers/inputs.hpp"

#include "support/version.hpp"

#include <fmt/format.h>

namespace poolkit {

namespace {

template <class... F> struct overloaded : F... { using F::operator()...; };
template <class... F> overloaded(F...) -> overloaded<F...>;

constexpr const char* stylesheet = R"(
body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 10.5pt;
       color: #1a1a1a; margin: 1.5em 2em; max-width: 1400px; }
h1 { font-size: 16pt; margin: 0 0 .2em; color: #12355b; }
h2 { font-size: 12.5pt; margin: 1.4em 0 .4em; color: #12355b; border-bottom: 1px solid #c8d3e0; }
p { margin: .35em 0; }
.sub { color: #333; margin: .1em 0; }
.warning { background: #fdecea; border-left: 5px solid #c62828; padding: .4em .7em;
           font-weight: bold; }
table { border-collapse: collapse; margin: .3em 0 .6em; font-size: 9.5pt; }
th, td { padding: .2em .55em; border-bottom: 1px solid #e2e6ea; text-align: left;
         vertical-align: top; }
th { background: #eef2f6; border-bottom: 2px solid #9fb0c2; }
th.num, td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: bold; border-top: 2px solid #5c6f82; }
td.neg { color: #b00020; }
td.rag { font-weight: bold; white-space: nowrap; }
td.rag-green { background: #dcefdc; color: #1b5e20; }
td.rag-amber { background: #ffe9b3; color: #7a4d00; }
td.rag-red { background: #f8c9c9; color: #8e0000; }
dl { display: grid; grid-template-columns: max-content auto; gap: .15em 1em; }
dt { font-weight: bold; }
dd { margin: 0; }
.charts { display: flex; flex-wrap: wrap; gap: .6em 1.2em; }
figure { margin: .3em 0; width: 31em; break-inside: avoid; }
figure.wide { width: 40em; }
svg.chart { width: 100%; height: auto; }
svg .grid { stroke: #e3e3e3; stroke-width: 1; }
svg .zero { stroke: #444; stroke-width: 1.2; }
svg .link { stroke: #888; stroke-dasharray: 3 3; }
svg text { font-family: inherit; font-size: 11px; fill: #222; }
svg text.title { font-size: 13px; font-weight: bold; }
svg text.axis { font-size: 10px; fill: #555; }
svg text.value { font-size: 10px; }
footer { margin-top: 2em; border-top: 1px solid #9fb0c2; padding-top: .5em; font-size: 8.5pt;
         color: #444; }
footer table { font-size: 8.5pt; }
code { font-family: "Liberation Mono", monospace; font-size: 8.5pt; word-break: break-all; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { margin: 0; font-size: 9pt; max-width: none; }
  h2 { break-after: avoid; }
  table, figure, .warning { break-inside: avoid; }
  th { background: #eef2f6 !important; }
  td.rag-green, td.rag-amber, td.rag-red, .warning { print-color-adjust: exact;
    -webkit-print-color-adjust: exact; }
}
)";

// Each line a paragraph of the class `cls` (a note, a warning).
std::string class_paragraphs(const std::vector<std::string>& lines, const char* cls) {
    std::string s;
    for (const auto& l : lines)
        s += fmt::format("<p class=\"{}\">", cls) + html_escape(l) + "</p>\n";
    return s;
}

std::string lines_html(const std::string& text) {
    std::string out, line;
    for (char c : text + "\n") {
        if (c != '\n') {
            line += c;
            continue;
        }
        out += (out.empty() ? "" : "<br/>") + html_escape(line);
        line.clear();
    }
    return out;
}

std::string cell_class(const Cell& cell, bool numeric_column) {
    std::string cls;
    if (cell.numeric || numeric_column) cls = "num";
    if (cell.type == CellType::money && cell.money.is_negative()) cls += " neg";
    if (cell.type == CellType::rag && cell.rag)
        cls += fmt::format("{}rag rag-{}", cls.empty() ? "" : " ", rag_keyword(*cell.rag));
    return cls.empty() ? "" : fmt::format(" class=\"{}\"", cls);
}

std::string table_html(const Table& table, const std::string& caption) {
    std::string out = "<table>\n";
    if (!caption.empty())
        out += "<caption hidden=\"hidden\">" + html_escape(caption) + "</caption>\n";
    out += "<thead><tr>";
    for (const auto& col : table.columns())
        out += fmt::format("<th{}>{}</th>", col.numeric ? " class=\"num\"" : "",
                           html_escape(col.header));
    out += "</tr></thead>\n<tbody>\n";
    // The rows that hold sums are the totals (each month's Total in the monthly table, not the
    // row after the rule between two months).
    std::vector<bool> total(table.rows().size(), false);
    for (const auto& [row, first] : table.sums())
        total[row] = true;
    for (std::size_t r = 0; r < table.rows().size(); ++r) {
        out += total[r] ? "<tr class=\"total\">" : "<tr>";
        const auto& row = table.rows()[r];
        for (std::size_t c = 0; c < row.size(); ++c)
            out += fmt::format("<td{}>{}</td>", cell_class(row[c], table.columns()[c].numeric),
                               html_escape(row[c].text));
        out += "</tr>\n";
    }
    return out + "</tbody>\n</table>\n";
}

std::string footer_html(const block::Footer& f) {
    std::string out = "<footer>\n";
    for (const auto& l : f.lines)
        out += "<p>" + html_escape(l) + "</p>\n";
    out += "<table>\n<thead><tr><th>Input</th><th>File</th><th>SHA-256</th><th "
           "class=\"num\">Bytes</th></tr></thead>\n<tbody>\n";
    for (const InputFile& in : f.run.inputs)
        out += fmt::format("<tr><td>{}</td><td>{}</td><td><code>{}</code></td><td "
                           "class=\"num\">{}</td></tr>\n",
                           html_escape(in.role), html_escape(in.path), html_escape(in.sha256),
                           in.bytes);
    out += "</tbody>\n</table>\n";
    std::string run = run_footer(f.run);
    run = run.substr(run.find("Run: "));
    if (!run.empty() && run.back() == '\n') run.pop_back();
    out += fmt::format("<p>poolkit {}. <code>{}</code></p>\n", poolkit_version, html_escape(run));
    return out + "</footer>\n";
}

} // namespace

std::string render_html(const Document& document) {
    const Document d = document.in_format(DocumentFormat::html);
    const DocumentMeta& m = d.meta();
    std::string out = "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" "
                      "lang=\"en-GB\" xml:lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\"/>\n";
    out += "<title>" + html_escape(m.statement.empty() ? m.title : m.statement + ": " + m.title) +
           "</title>\n";
    out += "<meta name=\"generator\" content=\"poolkit " + html_escape(poolkit_version) + "\"/>\n";
    for (const auto& [name, value] :
         {std::pair<const char*, const std::string&>{"poolkit-statement", m.statement},
          {"poolkit-agreement", m.agreement_id},
          {"poolkit-agreement-name", m.agreement_name},
          {"poolkit-period", m.period}})
        if (!value.empty())
            out += fmt::format("<meta name=\"{}\" content=\"{}\"/>\n", name, html_escape(value));
    out += fmt::format("<style>{}</style>\n</head>\n<body>\n", stylesheet);
    bool in_charts = false; // consecutive charts share one flowing row
    for (const Block& b : d.blocks()) {
        const bool chart = std::holds_alternative<block::ChartBlock>(b);
        if (chart && !in_charts) out += "<div class=\"charts\">\n";
        if (!chart && in_charts) out += "</div>\n";
        in_charts = chart;
        out += std::visit(
            overloaded{
                [&](const block::Title& t) {
                    std::string s = "<header>\n";
                    for (std::size_t i = 0; i < t.lines.size(); ++i)
                        s += i == 0 ? "<h1>" + html_escape(t.lines[i]) + "</h1>\n"
                                    : "<p class=\"sub\">" + html_escape(t.lines[i]) + "</p>\n";
                    return s + "</header>\n";
                },
                [&](const block::Heading& h) {
                    std::string s = "<h2>" + html_escape(h.text) + "</h2>\n";
                    if (!h.explanation.empty()) s += "<p>" + html_escape(h.explanation) + "</p>\n";
                    return s;
                },
                [&](const block::Paragraph& p) { return "<p>" + lines_html(p.text) + "</p>\n"; },
                [&](const block::Notes& n) { return class_paragraphs(n.lines, "note"); },
                [&](const block::List& l) {
                    std::string s = l.numbered ? "<ol>\n" : "<ul>\n";
                    for (const auto& item : l.items)
                        s += "<li>" + lines_html(item) + "</li>\n";
                    return s + (l.numbered ? "</ol>\n" : "</ul>\n");
                },
                [&](const block::Warning& w) { return class_paragraphs(w.lines, "warning"); },
                [&](const block::KeyValues& kv) {
                    std::string s = "<dl>\n";
                    for (const auto& [k, v] : kv.items)
                        s +=
                            "<dt>" + html_escape(k) + "</dt><dd>" + html_escape(v.text) + "</dd>\n";
                    return s + "</dl>\n";
                },
                [&](const block::TableBlock& t) { return table_html(t.table, t.caption); },
                [&](const block::ChartBlock& c) {
                    return std::string(c.chart.kind == ChartKind::line
                                           ? "<figure>\n"
                                           : "<figure class=\"wide\">\n") +
                           chart_svg(c.chart) + "</figure>\n";
                },
                [&](const block::Verbatim& v) { return "<p>" + lines_html(v.text) + "</p>\n"; },
                [&](const block::Footer& f) { return footer_html(f); },
            },
            b);
    }
    if (in_charts) out += "</div>\n";
    return out + "</body>\n</html>\n";
}

} // namespace poolkit
