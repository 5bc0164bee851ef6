#include "writers/thousands_display.hpp"

#include "money/thousands.hpp"

#include <variant>
#include <vector>

namespace poolkit {

namespace {

Cell thousands_cell(std::int64_t k) {
    Cell c = money_cell(Money::from_pence(k * 100'000), true);
    c.text = thousands_display(k);
    return c;
}

} // namespace

std::string thousands_display(std::int64_t k) {
    std::string s = format_display(Money::from_pence(k * 100));
    s.erase(s.find('.'), 3);
    return s;
}

std::string amount_words(Money m, bool thousands) {
    const bool negative = m.is_negative();
    const Money size = negative ? -m : m;
    const std::string shown =
        thousands ? thousands_display(round_thousands(size)) + "k" : format_display(size);
    return negative ? "(£" + shown + ")" : "£" + shown;
}

Table table_in_thousands(const Table& table) {
    Table out = table;
    const auto& rows = table.rows();
    const std::size_t columns = table.columns().size();
    std::vector<std::vector<bool>> done(rows.size(), std::vector<bool>(columns, false));
    const auto is_money = [&](std::size_t r, std::size_t c) {
        return rows[r][c].type == CellType::money;
    };
    for (const auto& [sum_row, first] : table.sums()) {
        for (std::size_t c = 0; c < columns; ++c) {
            if (!is_money(sum_row, c) || done[sum_row][c]) continue;
            std::vector<std::size_t> members;
            std::vector<Money> values;
            Money sum;
            for (std::size_t r = first; r < sum_row; ++r) {
                if (!is_money(r, c) || done[r][c]) continue;
                members.push_back(r);
                values.push_back(rows[r][c].money);
                sum += rows[r][c].money;
            }
            // Not a sum of the rows above it in this column (a balance, a count): rounded alone.
            if (members.empty() || sum != rows[sum_row][c].money) continue;
            const ThousandsColumn k = in_thousands(values);
            for (std::size_t i = 0; i < members.size(); ++i) {
                out.set_cell(members[i], c, thousands_cell(k.rows[i]));
                done[members[i]][c] = true;
            }
            out.set_cell(sum_row, c, thousands_cell(k.total));
            done[sum_row][c] = true;
        }
    }
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (std::size_t c = 0; c < columns; ++c)
            if (is_money(r, c) && !done[r][c])
                out.set_cell(r, c, thousands_cell(round_thousands(rows[r][c].money)));
    return out;
}

Document document_in_thousands(const Document& document) {
    Document out = document;
    for (Block& b : out.mutable_blocks()) {
        if (auto* t = std::get_if<block::TableBlock>(&b)) {
            t->table = table_in_thousands(t->table);
        } else if (auto* kv = std::get_if<block::KeyValues>(&b)) {
            for (auto& [key, cell] : kv->items)
                if (cell.type == CellType::money)
                    cell = thousands_cell(round_thousands(cell.money));
        }
    }
    return out;
}

} // namespace poolkit
