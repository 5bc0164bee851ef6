#include "writers/table.hpp"

#include "support/error.hpp"
#include "support/visible_text.hpp"

namespace poolkit {

std::size_t display_width(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        n += (c & 0xC0) != 0x80;
    return n;
}

void Table::add_row(std::vector<Cell> cells) {
    if (cells.size() != columns_.size())
        throw Error(ErrorKind::invariant, "table row with the wrong number of cells");
    rows_.push_back(std::move(cells));
}

bool Table::rule_before(std::size_t r) const {
    for (std::size_t at : rules_)
        if (at == r) return true;
    return false;
}

void Table::mark_sum_of(std::size_t first) {
    if (rows_.empty() || first >= rows_.size())
        throw Error(ErrorKind::invariant, "a table's sum row marked before its rows");
    sums_.emplace_back(rows_.size() - 1, first);
}

std::vector<std::pair<std::size_t, std::size_t>> Table::sums() const {
    if (!sums_.empty()) return sums_;
    std::vector<std::pair<std::size_t, std::size_t>> out;
    std::size_t since = 0;
    for (std::size_t r = 0; r < rows_.size(); ++r) {
        if (!rule_before(r)) continue;
        if (r > since) out.emplace_back(r, since);
        since = r;
    }
    return out;
}

void Table::set_cell(std::size_t row, std::size_t column, Cell cell) {
    if (row >= rows_.size() || column >= columns_.size())
        throw Error(ErrorKind::invariant, "a table cell outside the table");
    rows_[row][column] = std::move(cell);
}

std::vector<Table::Column> FormTable::kept(bool display, const std::vector<Column>& columns) {
    std::vector<Table::Column> out;
    for (const Column& c : columns)
        if (const char* header = display ? c.display : c.data) out.push_back({header, c.numeric});
    return out;
}

FormTable::FormTable(bool display, const std::vector<Column>& columns)
    : display_(display), table_(kept(display, columns)) {
    for (const Column& c : columns)
        keep_.push_back((display ? c.display : c.data) != nullptr);
}

void FormTable::add_row(const std::vector<Cell>& cells) {
    if (cells.size() != keep_.size())
        throw Error(ErrorKind::invariant, "table row with the wrong number of cells");
    std::vector<Cell> row;
    for (std::size_t c = 0; c < cells.size(); ++c)
        if (keep_[c]) row.push_back(cells[c]);
    table_.add_row(std::move(row));
}

std::vector<FormTable::Column> AccountTable::columns(const char* title, const char* comparative) {
    std::vector<FormTable::Column> out{
        {title, nullptr}, {nullptr, "line"}, {nullptr, "item"}, {"Amount", "amount", true}};
    if (comparative) out.push_back({comparative, "previous_year", true});
    return out;
}

AccountTable::AccountTable(bool display, const char* title, const char* comparative)
    : table_(display, columns(title, comparative)), comparative_(comparative != nullptr) {}

void AccountTable::add(const std::string& line, const std::string& item, Money amount,
                       std::optional<Money> previous) {
    std::vector<Cell> row{text_cell(item.empty() ? line : "  " + item), text_cell(line),
                          text_cell(item), table_.money(amount)};
    if (comparative_) row.push_back(previous ? table_.money(*previous) : num_cell(""));
    table_.add_row(row);
}

void AccountTable::group(const std::string& line) {
    if (!table_.display()) return;
    std::vector<Cell> row{text_cell(line), {}, {}, text_cell("")};
    if (comparative_) row.push_back(text_cell(""));
    table_.add_row(row);
}

namespace {
void pad_to(std::string& out, std::size_t n) {
    out.append(n, ' ');
}
void trim_right(std::string& line) {
    while (!line.empty() && line.back() == ' ')
        line.pop_back();
}
} // namespace

std::string Table::text() const {
    // Cells as shown: control characters written out, so a cell cannot break its line (SPEC §8).
    std::vector<std::string> header;
    for (const auto& col : columns_)
        header.push_back(visible(col.header));
    std::vector<std::vector<std::string>> cells;
    for (const auto& r : rows_) {
        cells.emplace_back();
        for (const auto& cell : r)
            cells.back().push_back(visible(cell.text));
    }
    std::vector<std::size_t> width(columns_.size());
    for (std::size_t c = 0; c < columns_.size(); ++c) {
        width[c] = display_width(header[c]);
        for (const auto& r : cells)
            width[c] = std::max(width[c], display_width(r[c]));
    }
    auto render = [&](auto cell_at, auto numeric_at) {
        std::string line;
        for (std::size_t c = 0; c < columns_.size(); ++c) {
            if (c) line += "  ";
            const std::string& t = cell_at(c);
            std::size_t gap = width[c] - display_width(t);
            if (numeric_at(c)) {
                pad_to(line, gap);
                line += t;
            } else {
                line += t;
                pad_to(line, gap);
            }
        }
        trim_right(line);
        return line + "\n";
    };
    std::size_t total_width = 0;
    for (auto w : width)
        total_width += w;
    total_width += 2 * (columns_.empty() ? 0 : columns_.size() - 1);

    std::string out = render([&](std::size_t c) -> const std::string& { return header[c]; },
                             [&](std::size_t c) { return columns_[c].numeric; });
    std::size_t next_rule = 0;
    for (std::size_t r = 0; r < rows_.size(); ++r) {
        while (next_rule < rules_.size() && rules_[next_rule] == r) {
            out += std::string(total_width, '-') + "\n";
            ++next_rule;
        }
        out += render([&](std::size_t c) -> const std::string& { return cells[r][c]; },
                      [&](std::size_t c) { return rows_[r][c].numeric || columns_[c].numeric; });
    }
    return out;
}

std::string md_literal(const std::string& s, bool line_start) {
    std::string out;
    std::size_t digits = 0;     // digits since the start of the line
    bool at_start = line_start; // nothing but digits yet on this line
    for (char ch : s) {
        const bool digit = ch >= '0' && ch <= '9';
        if (ch == '|' || ch == '*' || ch == '_' || ch == '`' || ch == '[' || ch == ']' ||
            ch == '<' || ch == '>' || ch == '#')
            out += '\\';
        else if (at_start && digits == 0 && (ch == '-' || ch == '+'))
            out += '\\';
        else if (at_start && digits > 0 && (ch == '.' || ch == ')'))
            out += '\\';
        out += ch;
        if (ch == '\n') {
            at_start = line_start;
            digits = 0;
        } else if (at_start && digit) {
            ++digits;
        } else {
            at_start = false;
        }
    }
    return out;
}

std::string md_cell(const std::string& s) {
    return visible(md_literal(s, false));
}

std::string Table::markdown() const {
    std::string out = "|";
    for (const auto& col : columns_) {
        out += ' ';
        out += md_cell(col.header);
        out += " |";
    }
    out += "\n|";
    for (const auto& col : columns_)
        out += col.numeric ? " ---: |" : " --- |";
    out += "\n";
    for (const auto& r : rows_) {
        out += "|";
        for (const auto& cell : r) {
            out += ' ';
            out += md_cell(cell.text);
            out += " |";
        }
        out += "\n";
    }
    return out;
}

bool starts_like_formula(const std::string& s) {
    return !s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' ||
                          s[0] == '\t' || s[0] == '\r' || s[0] == '\n');
}

std::string csv_field(const std::string& s, bool numeric, char delimiter) {
    std::string v = s;
    if (!numeric && starts_like_formula(v)) v.insert(v.begin(), '\'');
    // A field with a control character is quoted: the data stays as it was, but inside quotes,
    // where a CSV reader takes it as part of the field.
    bool quote = find_control(v).has_value();
    for (char c : v)
        if (c == delimiter || c == '"') quote = true;
    if (!quote) return v;
    std::string out = "\"";
    for (char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string Table::csv() const {
    std::string out;
    for (std::size_t c = 0; c < columns_.size(); ++c) {
        if (c) out += ',';
        out += csv_field(columns_[c].header, false);
    }
    out += "\n";
    for (const auto& r : rows_) {
        for (std::size_t c = 0; c < r.size(); ++c) {
            if (c) out += ',';
            out += csv_field(r[c].text, r[c].numeric);
        }
        out += "\n";
    }
    return out;
}

} // namespace poolkit
