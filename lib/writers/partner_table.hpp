// A statement's table of partners, one renderer for every kind and statement (SPEC §5-§7): a row
// per partner with its id (in text marked "(host)"), a figure a column, and in text a rule and a
// Total row; the same figures as JSON objects {id, ...}. The statement names its columns, each by
// its header for people, its key in CSV and JSON, and the partner's figure.
#pragma once

#include "model/agreement.hpp"
#include "writers/json.hpp"
#include "writers/table.hpp"

#include <string>
#include <vector>

namespace poolkit {

template <typename Row> struct PartnerColumn {
    // What the column holds beyond the partner's figure.
    enum Kind {
        plain,
        not_for_host, // the host's row leaves it empty, and its JSON object leaves it out: the
                      // host is not invoiced (SPEC §6, §7)
        not_totalled, // the Total row leaves it empty: a sum of balances in both directions
                      // means nothing
        json_only,    // in JSON only, not in the tables
    };
    const char* display; // the header in text and Markdown; nullptr: not in them
    const char* key;     // the header in CSV and the JSON key; nullptr: not in them
    Money Row::*figure = nullptr;
    Kind kind = plain;
    std::string (*words)(const Row&, bool host) = nullptr; // a column of words, not a figure
};

struct PartnerRows {
    bool mark_host = true; // "(host)" after the host's id in text and Markdown
    bool total = true;     // a Total row in text and Markdown
};

// `rows` holds a partner's figures in [[partner]] order.
template <typename Row>
Table partner_table(const Agreement& a, const std::vector<Row>& rows,
                    const std::vector<PartnerColumn<Row>>& columns, bool display,
                    PartnerRows how = {}) {
    using Column = PartnerColumn<Row>;
    std::vector<FormTable::Column> heads{{"Partner", "partner"}};
    for (const Column& c : columns)
        if (c.kind != Column::json_only) heads.push_back({c.display, c.key, c.figure != nullptr});
    FormTable t(display, heads);
    std::vector<Money> total(columns.size());
    for (std::size_t p = 0; p < a.partners.size(); ++p) {
        const bool host = a.is_host(PartnerIndex{p});
        std::vector<Cell> cells{
            text_cell(a.partners[p].id + (display && how.mark_host && host ? " (host)" : ""))};
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const Column& col = columns[c];
            if (col.kind == Column::json_only) continue;
            if (col.words)
                cells.push_back(text_cell(col.words(rows[p], host)));
            else if (host && col.kind == Column::not_for_host)
                cells.push_back(num_cell(""));
            else
                cells.push_back(t.money(rows[p].*col.figure));
            if (col.figure) total[c] += rows[p].*col.figure;
        }
        t.add_row(cells);
    }
    if (!display || !how.total) return t.table();
    t.add_rule();
    std::vector<Cell> cells{text_cell("Total")};
    for (std::size_t c = 0; c < columns.size(); ++c) {
        const Column& col = columns[c];
        if (col.kind == Column::json_only) continue;
        const bool summed = col.figure && !col.words && col.kind != Column::not_totalled;
        cells.push_back(summed ? t.money(total[c]) : text_cell(""));
    }
    t.add_row(cells);
    return t.table();
}

// `"key": [{id, key: figure, ...}]`, an object a row.
template <typename Row>
void write_partners_json(JsonWriter& json, std::string_view key, const Agreement& a,
                         const std::vector<Row>& rows,
                         const std::vector<PartnerColumn<Row>>& columns) {
    using Column = PartnerColumn<Row>;
    json.key(key).begin_array();
    for (std::size_t p = 0; p < a.partners.size(); ++p) {
        const bool host = a.is_host(PartnerIndex{p});
        json.begin_object();
        json.field("id", a.partners[p].id);
        for (const Column& col : columns)
            if (col.key && col.figure && !(host && col.kind == Column::not_for_host))
                json.field(col.key, rows[p].*col.figure);
        json.end_object();
    }
    json.end_array();
}

} // namespace poolkit
