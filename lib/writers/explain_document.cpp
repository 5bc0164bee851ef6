#include "writers/explain_document.hpp"

#include "support/visible_text.hpp"

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

} // namespace

// The document quotes the agreement and the messages about it: every block is shown through
// visible_lines(), so no name or message can send a terminal escape (SPEC §8).
std::string ExplainDocument::text(std::size_t width) const {
    std::string out = wrap_text(visible_lines(title_), width) + "\n";
    bool after_heading = false;
    for (const auto& b : blocks_) {
        // A blank line between blocks; a heading and its first block stay together.
        if (!after_heading) out += "\n";
        after_heading = b.kind == Kind::heading;
        switch (b.kind) {
        case Kind::heading: {
            std::string h = visible_lines(b.text);
            out += h + "\n" + std::string(display_width(h), '-');
            break;
        }
        case Kind::paragraph:
            out += wrap_text(visible_lines(b.text), width);
            break;
        case Kind::bullets:
            for (std::size_t i = 0; i < b.items.size(); ++i) {
                out += "- " + wrap_text(visible_lines(b.items[i]), width, 2, 2);
                if (i + 1 < b.items.size()) out += "\n";
            }
            break;
        case Kind::numbered:
            for (std::size_t i = 0; i < b.items.size(); ++i) {
                std::string mark = fmt::format("{}. ", i + 1);
                out += mark + wrap_text(visible_lines(b.items[i]), width, mark.size(), mark.size());
                if (i + 1 < b.items.size()) out += "\n";
            }
            break;
        case Kind::table:
            out += b.table->text();
            out.pop_back(); // Table::text() ends its last row with a newline
            break;
        case Kind::verbatim:
            out += visible_lines(b.text);
            if (!out.empty() && out.back() == '\n') out.pop_back();
            break;
        }
        out += "\n";
    }
    return out;
}

std::string ExplainDocument::markdown() const {
    std::string out = "# " + md_prose(visible_lines(title_)) + "\n";
    for (const auto& b : blocks_) {
        out += "\n";
        switch (b.kind) {
        case Kind::heading:
            out += "## " + md_prose(visible_lines(b.text)) + "\n";
            break;
        case Kind::paragraph:
            out += md_prose(visible_lines(b.text)) + "\n";
            break;
        case Kind::bullets:
            for (const auto& item : b.items)
                out += "- " + md_item(visible_lines(item), 2) + "\n";
            break;
        case Kind::numbered:
            for (std::size_t i = 0; i < b.items.size(); ++i) {
                std::string mark = fmt::format("{}. ", i + 1);
                out += mark + md_item(visible_lines(b.items[i]), mark.size()) + "\n";
            }
            break;
        case Kind::table:
            out += b.table->markdown();
            break;
        case Kind::verbatim: {
            std::string t = visible_lines(b.text);
            if (!t.empty() && t.back() == '\n') t.pop_back();
            std::size_t start = 0;
            while (start <= t.size()) {
                std::size_t end = t.find('\n', start);
                if (end == std::string::npos) end = t.size();
                out += md_prose(t.substr(start, end - start));
                out += end < t.size() ? "  \n" : "\n";
                start = end + 1;
            }
            break;
        }
        }
    }
    return out;
}

} // namespace poolkit
