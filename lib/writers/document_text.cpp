// The text and Markdown renderers of a Document (document_render.hpp), in both layouts.
#include "writers/document_render.hpp"

#include "support/visible_text.hpp"
#include "writers/inputs.hpp"

#include <fmt/format.h>

namespace poolkit {

std::string wrap_text(const std::string& text, std::size_t width, std::size_t indent,
                      std::size_t first) {
    std::string out;
    std::size_t col = first;
    bool line_empty = true;
    const std::string pad(indent, ' ');
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == '\n') {
            out += '\n';
            out += pad;
            col = indent;
            line_empty = true;
            ++i;
            continue;
        }
        if (text[i] == ' ') {
            ++i;
            continue;
        }
        std::size_t end = text.find_first_of(" \n", i);
        if (end == std::string::npos) end = text.size();
        std::string word = text.substr(i, end - i);
        std::size_t w = display_width(word);
        if (!line_empty && col + 1 + w > width) {
            out += '\n';
            out += pad;
            col = indent;
            line_empty = true;
        }
        if (!line_empty) {
            out += ' ';
            ++col;
        }
        out += word;
        col += w;
        line_empty = false;
        i = end;
    }
    return out;
}

std::string md_prose(const std::string& text) {
    std::string out;
    bool in_code = false;
    for (char c : text) {
        if (c == '`')
            in_code = !in_code;
        else if (!in_code && (c == '\\' || c == '*' || c == '_' || c == '[' || c == ']' ||
                              c == '<' || c == '>' || c == '#' || c == '|'))
            out += '\\';
        out += c == '\n' ? ' ' : c;
    }
    return out;
}

namespace {

template <class... F> struct overloaded : F... { using F::operator()...; };
template <class... F> overloaded(F...) -> overloaded<F...>;

std::string joined(const std::vector<std::string>& lines, const char* between) {
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i)
        out += (i ? between : "") + lines[i];
    return out;
}

std::string key_value_line(const std::pair<std::string, Cell>& kv) {
    return kv.first + ": " + kv.second.text;
}

// A statement (recon, settle, shares, cases): each block says where its blank lines go, so the
// text reads as the statements always have.
std::string statement_text(const Document& d) {
    std::string out;
    bool after_heading = false;
    auto para = [&](const std::string& s) {
        return d.wrap() ? wrap_text(s, d.wrap()) + "\n" : s + "\n";
    };
    auto gap = [&] { return after_heading ? "" : "\n"; };
    for (const Block& b : d.blocks()) {
        out += std::visit(
            overloaded{
                [&](const block::Title& t) {
                    std::string s;
                    for (const auto& l : t.lines)
                        s += para(l);
                    return s;
                },
                [&](const block::Heading& h) {
                    return "\n" + h.text + (h.aside.empty() ? "" : " (" + h.aside + ")") + "\n";
                },
                [&](const block::Paragraph& p) { return gap() + para(p.text); },
                [&](const block::Notes& n) {
                    std::string s;
                    for (const auto& l : n.lines)
                        s += l + "\n";
                    return s;
                },
                [&](const block::List& l) {
                    std::string s;
                    // Indented under the block above, with no blank line.
                    for (std::size_t i = 0; i < l.items.size(); ++i)
                        s += std::string(l.indent, ' ') +
                             (l.numbered ? fmt::format("{}. ", i + 1) : "") + l.items[i] + "\n";
                    return s;
                },
                [&](const block::Warning& w) { return "\n" + joined(w.lines, "\n") + "\n"; },
                [&](const block::KeyValues& kv) {
                    std::string s = gap();
                    for (const auto& item : kv.items)
                        s += key_value_line(item) + "\n";
                    return s;
                },
                [&](const block::TableBlock& t) { return gap() + t.table.text(); },
                [&](const block::ChartBlock&) { return std::string(); },
                [&](const block::Verbatim& v) {
                    return v.text.empty() || v.text.back() == '\n' ? v.text : v.text + "\n";
                },
                [&](const block::Footer& f) {
                    std::string s = f.attached ? "" : "\n";
                    for (const auto& l : f.lines)
                        s += l + "\n";
                    return s + run_footer(f.run);
                },
            },
            b);
        if (!std::holds_alternative<block::ChartBlock>(b))
            after_heading = std::holds_alternative<block::Heading>(b);
    }
    // SPEC §8: no control character of the inputs reaches the reader.
    return visible_lines(out);
}

std::string statement_markdown(const Document& d) {
    // The statement's words are plain text, names from the inputs among them (SPEC §8).
    const auto lit = [](const std::string& s) { return md_literal(s, true); };
    std::string out;
    bool after_heading = false;
    auto gap = [&] { return after_heading ? "" : "\n"; };
    for (const Block& b : d.blocks()) {
        out += std::visit(
            overloaded{
                [&](const block::Title& t) {
                    std::string s = "# " + (t.lines.empty() ? "" : lit(t.lines[0])) + "\n";
                    if (t.lines.size() > 1)
                        s +=
                            "\n" +
                            lit(joined(std::vector<std::string>(t.lines.begin() + 1, t.lines.end()),
                                       "  \n")) +
                            "\n";
                    return s;
                },
                [&](const block::Heading& h) {
                    std::string s = "\n## " + lit(h.text) + "\n\n";
                    if (!h.explanation.empty()) s += lit(h.explanation) + "\n\n";
                    return s;
                },
                [&](const block::Paragraph& p) {
                    std::string s = gap();
                    for (char c : lit(p.text))
                        s += c == '\n' ? std::string("  \n") : std::string(1, c);
                    return s + "\n";
                },
                [&](const block::Notes& n) {
                    std::string s;
                    for (std::size_t i = 0; i < n.lines.size(); ++i)
                        s += (i ? "\n" : gap()) + lit(n.lines[i]) + "\n";
                    return s;
                },
                [&](const block::List& l) {
                    std::string s;
                    for (std::size_t i = 0; i < l.items.size(); ++i)
                        s += (l.numbered ? fmt::format("{}. ", i + 1) : "- ") + lit(l.items[i]) +
                             "\n";
                    return (l.items.empty() ? "" : gap()) + s;
                },
                [&](const block::Warning& w) {
                    return "\n**" + lit(joined(w.lines, "\n")) + "**\n";
                },
                [&](const block::KeyValues& kv) {
                    std::vector<std::string> lines;
                    for (const auto& item : kv.items)
                        lines.push_back(lit(key_value_line(item)));
                    return gap() + joined(lines, "  \n") + "\n";
                },
                [&](const block::TableBlock& t) { return gap() + t.table.markdown(); },
                [&](const block::ChartBlock&) { return std::string(); },
                [&](const block::Verbatim& v) {
                    std::string s;
                    for (char c : lit(v.text))
                        s += c == '\n' ? std::string("  \n") : std::string(1, c);
                    return s;
                },
                [&](const block::Footer& f) {
                    std::string s = "\n";
                    for (const auto& l : f.lines)
                        s += lit(l) + "  \n";
                    return s + run_footer(f.run, true);
                },
            },
            b);
        if (!std::holds_alternative<block::ChartBlock>(b))
            after_heading = std::holds_alternative<block::Heading>(b);
    }
    return visible_lines(out);
}

// A list item in Markdown: its lines joined by hard breaks, continuation lines indented under it.
std::string md_item(const std::string& item, std::size_t indent) {
    std::string out;
    std::size_t start = 0;
    while (true) {
        std::size_t end = item.find('\n', start);
        out += md_prose(item.substr(start, end == std::string::npos ? end : end - start));
        if (end == std::string::npos) break;
        out += "  \n" + std::string(indent, ' ');
        start = end + 1;
    }
    return out;
}

// The words of a block of prose: a paragraph's text, the lines of notes or a warning, the
// "label: value" lines of a key-value list.
template <class B> std::string prose_of(const B& b) {
    if constexpr (requires { b.text; })
        return b.text;
    else if constexpr (requires { b.lines; })
        return joined(b.lines, "\n");
    else if constexpr (requires { b.items; }) {
        std::vector<std::string> lines;
        for (const auto& item : b.items)
            lines.push_back(key_value_line(item));
        return joined(lines, "\n");
    } else
        return {};
}

// A footer as lines of text: the statement's last lines, the inputs and the command run.
std::string footer_lines(const block::Footer& f) {
    std::string s;
    for (const auto& l : f.lines)
        s += l + "\n";
    return s + run_footer(f.run);
}

std::string prose_verbatim_text(const std::string& text) {
    std::string s = visible_lines(text);
    if (!s.empty() && s.back() == '\n') s.pop_back();
    return s;
}

// Lines kept as lines in Markdown: each but the last ends in a hard break.
std::string prose_verbatim_markdown(const std::string& text) {
    std::string t = visible_lines(text), s;
    if (!t.empty() && t.back() == '\n') t.pop_back();
    std::size_t start = 0;
    while (start <= t.size()) {
        std::size_t end = t.find('\n', start);
        if (end == std::string::npos) end = t.size();
        s += md_prose(t.substr(start, end - start));
        s += end < t.size() ? "  \n" : "\n";
        start = end + 1;
    }
    return s;
}

std::string title_of(const Document& d) {
    for (const Block& b : d.blocks())
        if (const auto* t = std::get_if<block::Title>(&b); t && !t->lines.empty())
            return t->lines[0];
    return d.meta().title;
}

// Prose (pool-check --explain): the document quotes the agreement and the messages about it, so
// every block is shown through visible_lines() and no name can send a terminal escape (SPEC §8).
std::string prose_text(const Document& d) {
    const std::size_t width = d.wrap() ? d.wrap() : 100;
    std::string out = wrap_text(visible_lines(title_of(d)), width) + "\n";
    bool after_heading = false;
    for (const Block& b : d.blocks()) {
        if (std::holds_alternative<block::Title>(b) || std::holds_alternative<block::ChartBlock>(b))
            continue;
        // A blank line between blocks; a heading and its first block stay together.
        if (!after_heading) out += "\n";
        after_heading = std::holds_alternative<block::Heading>(b);
        out += std::visit(
            overloaded{
                [&](const block::Heading& h) {
                    std::string t = visible_lines(h.text);
                    return t + "\n" + std::string(display_width(t), '-');
                },
                [&](const block::List& l) {
                    std::string s;
                    for (std::size_t i = 0; i < l.items.size(); ++i) {
                        std::string mark = l.numbered ? fmt::format("{}. ", i + 1) : "- ";
                        s += mark +
                             wrap_text(visible_lines(l.items[i]), width, mark.size(), mark.size());
                        if (i + 1 < l.items.size()) s += "\n";
                    }
                    return s;
                },
                [&](const block::TableBlock& t) {
                    std::string s = t.table.text();
                    s.pop_back(); // Table::text() ends its last row with a newline
                    return s;
                },
                [&](const block::Verbatim& v) { return prose_verbatim_text(v.text); },
                [&](const block::Footer& f) { return prose_verbatim_text(footer_lines(f)); },
                [&](const auto& other) {
                    // Paragraph, notes, warning and key-value lines: wrapped prose.
                    return wrap_text(visible_lines(prose_of(other)), width);
                },
            },
            b);
        out += "\n";
    }
    return out;
}

std::string prose_markdown(const Document& d) {
    std::string out = "# " + md_prose(visible_lines(title_of(d))) + "\n";
    for (const Block& b : d.blocks()) {
        if (std::holds_alternative<block::Title>(b) || std::holds_alternative<block::ChartBlock>(b))
            continue;
        out += "\n";
        out += std::visit(
            overloaded{
                [&](const block::Heading& h) {
                    return "## " + md_prose(visible_lines(h.text)) + "\n";
                },
                [&](const block::List& l) {
                    std::string s;
                    for (std::size_t i = 0; i < l.items.size(); ++i) {
                        std::string mark = l.numbered ? fmt::format("{}. ", i + 1) : "- ";
                        s += mark + md_item(visible_lines(l.items[i]), mark.size()) + "\n";
                    }
                    return s;
                },
                [&](const block::TableBlock& t) { return t.table.markdown(); },
                [&](const block::Verbatim& v) { return prose_verbatim_markdown(v.text); },
                [&](const block::Footer& f) { return prose_verbatim_markdown(footer_lines(f)); },
                [&](const auto& other) { return md_prose(visible_lines(prose_of(other))) + "\n"; },
            },
            b);
    }
    return out;
}

} // namespace

std::string render_text(const Document& document) {
    const Document d = document.in_format(DocumentFormat::text);
    return d.layout() == DocumentLayout::prose ? prose_text(d) : statement_text(d);
}

std::string render_markdown(const Document& document) {
    const Document d = document.in_format(DocumentFormat::md);
    return d.layout() == DocumentLayout::prose ? prose_markdown(d) : statement_markdown(d);
}

} // namespace poolkit
