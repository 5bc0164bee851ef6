// A table of cells that renders as aligned text, Markdown or CSV: the shape shared by every
// statement's writers. Numeric cells are right-aligned in text and never neutralised in CSV.
#pragma once

#include <string>
#include <vector>

namespace poolkit {

struct Cell {
    std::string text;
    bool numeric = false;
};

inline Cell text_cell(std::string s) {
    return {std::move(s), false};
}
inline Cell num_cell(std::string s) {
    return {std::move(s), true};
}

class Table {
  public:
    struct Column {
        std::string header;
        bool numeric = false; // right-aligned in text and Markdown
    };

    explicit Table(std::vector<Column> columns) : columns_(std::move(columns)) {}

    void add_row(std::vector<Cell> cells);
    // A separator line before the next row in text output (e.g. above a Total row).
    void add_rule() { rules_.push_back(rows_.size()); }
    bool empty() const { return rows_.empty(); }

    // Columns padded to their widest cell, two spaces apart, no trailing spaces; header then rows.
    // Cells are shown through visible() (support/visible_text.hpp).
    std::string text() const;
    // A GitHub-flavoured Markdown table, each cell as md_cell() gives it.
    std::string markdown() const;
    // RFC 4180 CSV with a header row; text cells guarded against formula injection (SPEC §8).
    std::string csv() const;

  private:
    std::vector<Column> columns_;
    std::vector<std::vector<Cell>> rows_;
    std::vector<std::size_t> rules_;
};

// One Markdown table cell: control characters shown visibly and '|' escaped, so a name can
// neither end the row nor add a cell; '<' and '>' escaped, so it cannot be read as HTML.
std::string md_cell(const std::string& s);

// One CSV field: quoted when it holds a delimiter, a quote or any control character. A text cell
// that starts with '=', '+', '-', '@', tab, CR or LF is prefixed with a single quote so a
// spreadsheet shows it as text (SPEC §8); numeric cells are written as they are.
std::string csv_field(const std::string& s, bool numeric, char delimiter = ',');

// The display width of a UTF-8 string (code points; enough for names and the £ sign).
std::size_t display_width(const std::string& s);

} // namespace poolkit
