// The amounts of a statement's rows as a list of columns, each named once by its header for people,
// its key in CSV and JSON, and the member of the row it shows (SPEC §5): the table's headers, each
// row's cells, a sum of rows and the JSON fields all walk the one list, so they cannot disagree.
#pragma once

#include "money/money.hpp"
#include "writers/json.hpp"
#include "writers/table.hpp"

#include <vector>

namespace poolkit {

template <typename Row> struct FigureColumn {
    const char* display; // the header in text and Markdown; nullptr: not in them
    const char* key;     // the header in CSV and the JSON key
    Money Row::*figure;
};

// The headers of `figures` after `heads`, each a numeric column.
template <typename Figures>
void add_figure_columns(std::vector<FormTable::Column>& heads, const Figures& figures) {
    for (const auto& c : figures)
        heads.push_back({c.display, c.key, true});
}

// The amounts of `row`, one cell a column of `figures`, as `t` shows amounts.
template <typename Row, typename Figures>
void add_figure_cells(std::vector<Cell>& cells, const FormTable& t, const Row& row,
                      const Figures& figures) {
    for (const auto& c : figures)
        cells.push_back(t.money(row.*c.figure));
}

// Each of `figures` of `from` added to `to`'s.
template <typename Row, typename Figures>
void add_figures(Row& to, const Row& from, const Figures& figures) {
    for (const auto& c : figures)
        to.*c.figure += from.*c.figure;
}

// `"key": amount` of each of `figures` of `row`.
template <typename Row, typename Figures>
void write_figure_fields(JsonWriter& json, const Row& row, const Figures& figures) {
    for (const auto& c : figures)
        json.field(c.key, row.*c.figure);
}

} // namespace poolkit
