#include "writers/sheets.hpp"

#include "support/error.hpp"

#include <charconv>

namespace poolkit {

namespace {

SheetCell cell_of(const Cell& c, bool rag_column) {
    SheetCell out;
    out.text = c.text;
    if (c.numeric && !c.text.empty()) {
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

} // namespace

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
