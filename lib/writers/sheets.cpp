#include "writers/sheets.hpp"

#include "support/error.hpp"

#include <charconv>

namespace poolkit {

namespace {

SheetCell cell_of(const Cell& c, bool rag_column) {
    SheetCell out;
    out.text = c.text;
    // A typed cell (the document model's) says what it is; an untyped one is read back.
    if (c.type == CellType::money) {
        out.kind = SheetCell::Kind::money;
        out.money = c.money;
    } else if (c.type == CellType::count) {
        out.kind = SheetCell::Kind::count;
        out.count = static_cast<std::int64_t>(c.count);
    } else if (c.type == CellType::rag) {
        out.rag = c.rag;
    } else if (c.numeric && !c.text.empty()) {
        if (c.text.find('.') != std::string::npos) {
            const MoneyParse m = parse_money(c.text);
            if (!m) throw Error(ErrorKind::invariant, "a table's amount is not plain: " + c.text);
            out.kind = SheetCell::Kind::money;
            out.money = m.value;
        } else {
            const char* end = c.text.data() + c.text.size();
            if (std::from_chars(c.text.data(), end, out.count).ptr != end)
                throw Error(ErrorKind::invariant, "a table's count is not a number: " + c.text);
            out.kind = SheetCell::Kind::count;
        }
    } else if (rag_column) {
        out.rag = rag_ratings.parse(c.text);
    }
    return out;
}

// The fields of each CSV record; a quoted field may hold the delimiter, quotes and newlines.
std::vector<std::vector<std::string>> csv_records(std::string_view csv) {
    std::vector<std::vector<std::string>> records;
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < csv.size(); ++i) {
        const char c = csv[i];
        if (quoted) {
            if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.push_back(std::move(field));
            field.clear();
        } else if (c == '\n') {
            fields.push_back(std::move(field));
            field.clear();
            records.push_back(std::move(fields));
            fields.clear();
        } else {
            field += c;
        }
    }
    if (!field.empty() || !fields.empty()) {
        fields.push_back(std::move(field));
        records.push_back(std::move(fields));
    }
    return records;
}

// "-1234.56": what format_plain writes, and nothing else.
bool plain_amount(const std::string& s) {
    std::size_t i = s.size() > 0 && s[0] == '-' ? 1 : 0;
    const std::size_t dot = s.find('.');
    if (dot == std::string::npos || dot == i || s.size() != dot + 3) return false;
    for (std::size_t k = i; k < s.size(); ++k)
        if (k != dot && (s[k] < '0' || s[k] > '9')) return false;
    return true;
}

} // namespace

Sheet sheet_of_csv(std::string name, std::string_view csv) {
    Sheet sheet{std::move(name), {}, {}};
    auto records = csv_records(csv);
    if (records.empty()) return sheet;
    sheet.headers = records.front();
    for (std::size_t r = 1; r < records.size(); ++r) {
        std::vector<SheetCell> cells;
        for (std::string& f : records[r]) {
            if (plain_amount(f)) {
                SheetCell c;
                c.kind = SheetCell::Kind::money;
                c.money = parse_money(f).value;
                c.text = std::move(f);
                cells.push_back(std::move(c));
            } else {
                // csv_field quoted a text that starts like a formula; the workbook quotes it again.
                if (f.size() > 1 && f[0] == '\'' && starts_like_formula(f.substr(1))) f.erase(0, 1);
                cells.push_back(SheetCell::of_text(std::move(f)));
            }
        }
        sheet.rows.push_back(std::move(cells));
    }
    return sheet;
}

Sheet sheet_of(std::string name, const Table& data_table) {
    Sheet sheet{std::move(name), {}, {}};
    std::vector<bool> rag_column;
    for (const auto& col : data_table.columns()) {
        sheet.headers.push_back(col.header);
        rag_column.push_back(col.header == "rag");
    }
    for (const auto& row : data_table.rows()) {
        std::vector<SheetCell> cells;
        for (std::size_t c = 0; c < row.size(); ++c)
            cells.push_back(cell_of(row[c], c < rag_column.size() && rag_column[c]));
        sheet.rows.push_back(std::move(cells));
    }
    return sheet;
}

Sheet facts_sheet(std::string name, const std::vector<std::pair<std::string, std::string>>& facts) {
    Sheet sheet{std::move(name), {"item", "value"}, {}};
    for (const auto& [item, value] : facts)
        sheet.rows.push_back({SheetCell::of_text(item), SheetCell::of_text(value)});
    return sheet;
}

} // namespace poolkit
