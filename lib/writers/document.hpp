// A statement for people, built once and rendered to each format people read (SPEC §5, §9): a
// title, headings, paragraphs, notes, lists, warnings, key-value lists, tables of typed cells,
// charts and the inputs footer. The renderers (document_render.hpp) turn any Document into text,
// Markdown, HTML or a workbook; JSON and CSV stay per statement, as data contracts.
#pragma once

#include "model/input_file.hpp"
#include "writers/chart.hpp"
#include "writers/table.hpp"

#include <ctime>
#include <initializer_list>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace poolkit {

// The formats a Document is rendered to (SPEC §5 --format), one renderer each
// (document_render.hpp).
enum class DocumentFormat { text, md, html, xlsx };

// What the document is about, for a format's document properties (HTML <title> and <meta>, a
// workbook's properties): all empty for a document about no agreement.
struct DocumentMeta {
    std::string title;          // "Bristol children's pooled fund (BNSSG-CHILDREN)"
    std::string statement;      // "Month-end reconciliation"
    std::string agreement_id;   // "BNSSG-CHILDREN"
    std::string agreement_name; // the agreement's title
    std::string period;         // "P06 2025/26 (September 2025)", "2025/26"
};

// How the text and Markdown forms are laid out. A statement: compact, headings on their own line
// with a blank line above, text written as the statement gives it. Prose (pool-check --explain):
// a blank line between blocks, headings underlined, paragraphs wrapped, Markdown escaped.
enum class DocumentLayout { statement, prose };

namespace block {
// The first line is the document's title; the others stand under it (what, when, who).
struct Title {
    std::vector<std::string> lines;
};
// `aside` is said in the text form's heading line, "Heading (aside)"; `explanation` is the same
// said as a sentence under the heading in the Markdown and HTML forms.
struct Heading {
    std::string text;
    std::string aside;
    std::string explanation;
};
// Lines that belong together ("\n" between them): in Markdown one paragraph with hard breaks.
struct Paragraph {
    std::string text;
};
// Lines that explain the block above (under a table): each its own paragraph in Markdown.
struct Notes {
    std::vector<std::string> lines;
};
// A list; in a statement's text each item is indented by `indent` spaces.
struct List {
    std::vector<std::string> items;
    bool numbered = false;
    std::size_t indent = 2;
};
// What a reader must not miss (rejected lines, a provisional year): bold in Markdown.
struct Warning {
    std::vector<std::string> lines;
};
// Labels and values, one a line ("Carried forward: 1,234.56").
struct KeyValues {
    std::vector<std::pair<std::string, Cell>> items;
};
struct TableBlock {
    Table table;
    std::string caption; // the sheet's or figure's name in formats that name tables; may be empty
};
// A chart: drawn in HTML; text and Markdown show the table it was drawn from instead (or nothing).
struct ChartBlock {
    Chart chart;
};
// Lines kept as they are (a footer): in Markdown each ends in a hard break.
struct Verbatim {
    std::string text;
};
// The last lines (ledger control totals) then the inputs with their hashes and the command run.
// `attached`: in text, straight under the block above, with no blank line (pool-actuals).
struct Footer {
    std::vector<std::string> lines;
    RunRecord run;
    bool attached = false;
};
} // namespace block

using Block = std::variant<block::Title, block::Heading, block::Paragraph, block::Notes,
                           block::List, block::Warning, block::KeyValues, block::TableBlock,
                           block::ChartBlock, block::Verbatim, block::Footer>;

class Document {
  public:
    explicit Document(DocumentMeta meta, DocumentLayout layout = DocumentLayout::statement)
        : meta_(std::move(meta)), layout_(layout) {}

    void title(std::vector<std::string> lines) { add(block::Title{std::move(lines)}); }
    void heading(std::string text, std::string aside = {}, std::string explanation = {}) {
        add(block::Heading{std::move(text), std::move(aside), std::move(explanation)});
    }
    void paragraph(std::string text) { add(block::Paragraph{std::move(text)}); }
    void notes(std::vector<std::string> lines) { add(block::Notes{std::move(lines)}); }
    void bullets(std::vector<std::string> items, std::size_t indent = 2) {
        add(block::List{std::move(items), false, indent});
    }
    void numbered(std::vector<std::string> items, std::size_t indent = 2) {
        add(block::List{std::move(items), true, indent});
    }
    void warning(std::vector<std::string> lines) { add(block::Warning{std::move(lines)}); }
    void key_values(std::vector<std::pair<std::string, Cell>> items) {
        add(block::KeyValues{std::move(items)});
    }
    void table(Table t, std::string caption = {}) {
        add(block::TableBlock{std::move(t), std::move(caption)});
    }
    void chart(Chart c) { add(block::ChartBlock{std::move(c)}); }
    void verbatim(std::string text) { add(block::Verbatim{std::move(text)}); }
    void footer(std::vector<std::string> lines, RunRecord run, bool attached = false) {
        add(block::Footer{std::move(lines), std::move(run), attached});
    }

    // The blocks added from now on are shown only in `formats`, until in_every_format(): a table
    // of figures that the text and Markdown forms say in words already (the transfers), or that
    // only a format a reader sorts and filters can hold (the rejected lines).
    void only_in(std::initializer_list<DocumentFormat> formats) {
        shown_now_ = 0;
        for (DocumentFormat f : formats)
            shown_now_ |= bit(f);
    }
    void in_every_format() { shown_now_ = every_format; }
    // The document as `format` shows it: only the blocks shown in that format. Each renderer
    // reads this, so a block limited by only_in() is left out of the other formats' bytes.
    Document in_format(DocumentFormat format) const {
        Document out(meta_, layout_);
        out.wrap_ = wrap_;
        out.created_ = created_;
        for (std::size_t i = 0; i < blocks_.size(); ++i)
            if (i >= shown_.size() || (shown_[i] & bit(format))) out.add(blocks_[i]);
        return out;
    }

    const DocumentMeta& meta() const { return meta_; }
    DocumentLayout layout() const { return layout_; }
    // Text paragraphs wrapped at this many columns; 0: lines as they are given.
    std::size_t wrap() const { return wrap_; }
    void set_wrap(std::size_t columns) { wrap_ = columns; }
    // The time a format that stores one (a workbook's creation time) records: a date the
    // statement is about, never the clock, so that the same statement gives the same bytes
    // (SPEC §5). 0: none given (the renderer's fixed date).
    std::time_t created() const { return created_; }
    void set_created(std::time_t t) { created_ = t; }
    const std::vector<Block>& blocks() const { return blocks_; }
    // The blocks to change in place (a statement restated in £000: thousands_display.hpp).
    std::vector<Block>& mutable_blocks() { return blocks_; }

  private:
    static constexpr unsigned every_format = ~0u;
    static constexpr unsigned bit(DocumentFormat f) { return 1u << static_cast<unsigned>(f); }
    void add(Block b) {
        blocks_.push_back(std::move(b));
        shown_.push_back(shown_now_);
    }
    DocumentMeta meta_;
    DocumentLayout layout_;
    std::size_t wrap_ = 0;
    std::time_t created_ = 0;
    std::vector<Block> blocks_;
    std::vector<unsigned> shown_; // per block: a bit per DocumentFormat it is shown in
    unsigned shown_now_ = every_format;
};

// `text` wrapped at `width` columns (words never split); continuation lines start with `indent`
// spaces; the first line starts after `first` (already written) columns. Keeps explicit newlines.
std::string wrap_text(const std::string& text, std::size_t width, std::size_t indent = 0,
                      std::size_t first = 0);

// Markdown for a line of prose: characters Markdown would read as markup are escaped, except
// inside `code spans`.
std::string md_prose(const std::string& text);

} // namespace poolkit
