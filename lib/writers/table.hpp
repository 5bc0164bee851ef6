// A table of cells that renders as aligned text, Markdown or CSV: the shape shared by every
// statement's writers. Numeric cells are right-aligned in text and never neutralised in CSV.
// Each cell keeps its value as well as its text (money in pence, an exact fraction, a count, a
// RAG rating), so a format that stores numbers (HTML, a spreadsheet) writes the value, not words.
#pragma once

#include "calc/rag.hpp"
#include "money/money.hpp"
#include "money/rational.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace poolkit {

// What a cell holds: its text is how people read it; the value is for formats that keep numbers.
enum class CellType { text, money, percent, count, date, rag };

struct Cell {
    std::string text;
    bool numeric = false;
    CellType type = CellType::text;
    Money money{};                    // CellType::money: the amount
    std::optional<Rational> fraction; // CellType::percent: 1/4 is 25%; none: no share ("-")
    std::uint64_t count = 0;          // CellType::count
    std::optional<Rag> rag;           // CellType::rag: none when there is no rating
};

inline Cell text_cell(std::string s) {
    Cell c;
    c.text = std::move(s);
    return c;
}
inline Cell num_cell(std::string s) {
    Cell c;
    c.text = std::move(s);
    c.numeric = true;
    return c;
}
// An amount for people ("1,234.56", text and Markdown) or for data ("1234.56", CSV) (SPEC §9).
inline Cell money_cell(Money m, bool display) {
    Cell c = num_cell(display ? format_display(m) : format_plain(m));
    c.type = CellType::money;
    c.money = m;
    return c;
}
// A share shown as `text` ("25%", "33.33%", "-"), with its exact fraction.
inline Cell percent_cell(std::optional<Rational> fraction, std::string text) {
    Cell c = num_cell(std::move(text));
    c.type = CellType::percent;
    c.fraction = std::move(fraction);
    return c;
}
// A count of things (cases, lines), shown as `text` ("12", "12,345").
inline Cell count_cell(std::uint64_t n, std::string text) {
    Cell c = num_cell(std::move(text));
    c.type = CellType::count;
    c.count = n;
    return c;
}
inline Cell count_cell(std::uint64_t n) {
    return count_cell(n, std::to_string(n));
}
// A date as ISO 8601 text ("2025-09-30").
inline Cell date_cell(std::string iso) {
    Cell c = text_cell(std::move(iso));
    c.type = CellType::date;
    return c;
}
// A RAG status in words ("amber (over)"), with its rating for colouring.
inline Cell rag_cell(std::optional<Rag> rating, std::string text) {
    Cell c = text_cell(std::move(text));
    c.type = CellType::rag;
    c.rag = rating;
    return c;
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
    // The last row added holds the sums of rows first.. up to it: a total with no rule above it
    // (each month's in the monthly table), for a form that restates the figures (£000, SPEC §5).
    void mark_sum_of(std::size_t first);
    // The rows that hold sums, each with the first row it sums (row, first), in order: those
    // marked; with none marked, each row after a rule, as the sum of the rows since the rule
    // before it (or the first row).
    std::vector<std::pair<std::size_t, std::size_t>> sums() const;
    // Replaces one cell (a restated figure).
    void set_cell(std::size_t row, std::size_t column, Cell cell);

    const std::vector<Column>& columns() const { return columns_; }
    const std::vector<std::vector<Cell>>& rows() const { return rows_; }
    // Whether a rule stands above row `r`: the row after a rule is a total (emphasised).
    bool rule_before(std::size_t r) const;

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
    std::vector<std::pair<std::size_t, std::size_t>> sums_; // marked: (row, first)
};

// A statement's table in one of its two forms (SPEC §5, §9): for people (text and Markdown) or for
// data (CSV). Each column names its header in both forms, nullptr where it is not in that form;
// each row gives a cell for every column, and the table keeps those of the columns in its form.
class FormTable {
  public:
    struct Column {
        const char* display; // header in text and Markdown; nullptr: not in them
        const char* data;    // header in CSV; nullptr: not in it
        bool numeric = false;
    };

    FormTable(bool display, const std::vector<Column>& columns);

    bool display() const { return display_; }
    Cell money(Money m) const { return money_cell(m, display_); }
    void add_row(const std::vector<Cell>& cells);
    void add_rule() { table_.add_rule(); }
    bool empty() const { return table_.empty(); }
    std::size_t size() const { return table_.rows().size(); }
    void mark_sum_of(std::size_t first) { table_.mark_sum_of(first); }
    const Table& table() const { return table_; }

  private:
    static std::vector<Table::Column> kept(bool display, const std::vector<Column>& columns);
    bool display_;
    std::vector<bool> keep_;
    Table table_;
};

// An account as (line, item, amount) rows, in the order it is presented (the memorandum account,
// the recharge statement; SPEC §7). For data each row as it is; for people one column of words,
// headed `title`, where an item stands indented under its group's heading row.
class AccountTable {
  public:
    // With `comparative` (last year's label, SPEC §14), a column of last year's amounts after it.
    AccountTable(bool display, const char* title, const char* comparative = nullptr);

    void add(const std::string& line, const std::string& item, Money amount,
             std::optional<Money> previous = std::nullopt);
    void group(const std::string& line); // a heading row, for people only
    const Table& table() const { return table_.table(); }

  private:
    static std::vector<FormTable::Column> columns(const char* title, const char* comparative);
    FormTable table_;
    bool comparative_;
};

// One Markdown table cell: control characters shown visibly and md_literal() (inline), so a name
// can neither end the row nor add a cell, nor be read as emphasis, a link or HTML.
std::string md_cell(const std::string& s);

// Text taken from the inputs (a scheme's name, a description) made literal in Markdown: a backslash
// before each of | * _ ` [ ] < > #, and with `line_start` before a leading - or + or the dot of a
// leading number ("1."), so that it reads as text, never as markup (SPEC §8). A backslash stays
// as it is: text often holds visible() escapes already ("\x1b"), which must not be doubled.
std::string md_literal(const std::string& s, bool line_start);

// A text that a spreadsheet would take for a formula: it starts with '=', '+', '-', '@', tab, CR
// or LF (SPEC §8).
bool starts_like_formula(const std::string& s);

// One CSV field: quoted when it holds a delimiter, a quote or any control character. A text cell
// that starts with '=', '+', '-', '@', tab, CR or LF is prefixed with a single quote so a
// spreadsheet shows it as text (SPEC §8); numeric cells are written as they are.
std::string csv_field(const std::string& s, bool numeric, char delimiter = ',');

// The display width of a UTF-8 string (code points; enough for names and the £ sign).
std::size_t display_width(const std::string& s);

} // namespace poolkit
