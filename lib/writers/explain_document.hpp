// A small prose document (headings, paragraphs, lists, tables) that renders as wrapped text or as
// Markdown, so pool-check --explain says the same thing in both formats (SPEC §5). Text in `code
// spans` keeps its backticks in both; Markdown escapes the rest of the prose.
#pragma once

#include "writers/table.hpp"

#include <optional>
#include <string>
#include <vector>

namespace poolkit {

class ExplainDocument {
  public:
    explicit ExplainDocument(std::string title) : title_(std::move(title)) {}

    void heading(std::string text) { blocks_.push_back({Kind::heading, std::move(text), {}, {}}); }
    void paragraph(std::string text) {
        blocks_.push_back({Kind::paragraph, std::move(text), {}, {}});
    }
    void bullets(std::vector<std::string> items) {
        blocks_.push_back({Kind::bullets, {}, std::move(items), {}});
    }
    void numbered(std::vector<std::string> items) {
        blocks_.push_back({Kind::numbered, {}, std::move(items), {}});
    }
    void table(Table t) { blocks_.push_back({Kind::table, {}, {}, std::move(t)}); }
    // Lines kept as they are (a footer), in Markdown as lines ending in a hard break.
    void verbatim(std::string text) {
        blocks_.push_back({Kind::verbatim, std::move(text), {}, {}});
    }

    // Paragraphs wrapped at `width` columns; list items with a hanging indent; a blank line
    // between blocks; headings underlined.
    std::string text(std::size_t width = 100) const;
    std::string markdown() const;

  private:
    enum class Kind { heading, paragraph, bullets, numbered, table, verbatim };
    struct Block {
        Kind kind;
        std::string text;
        std::vector<std::string> items;
        std::optional<Table> table;
    };
    std::string title_;
    std::vector<Block> blocks_;
};

// `text` wrapped at `width` columns (words never split); continuation lines start with `indent`
// spaces; the first line starts after `first` (already written) columns. Keeps explicit newlines.
std::string wrap_text(const std::string& text, std::size_t width, std::size_t indent = 0,
                      std::size_t first = 0);

// Markdown for a line of prose: characters Markdown would read as markup are escaped, except
// inside `code spans`.
std::string md_prose(const std::string& text);

} // namespace poolkit
