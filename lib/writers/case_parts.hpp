// A case of the commitments register as the statements name it (SPEC §12): its reference, the
// partner that referred it and its scheme, the first columns of a table of cases (pool-cases',
// pool-recon's `--table cases`) and the first fields of a case's JSON object.
#pragma once

#include "model/agreement.hpp"
#include "writers/json.hpp"
#include "writers/table.hpp"

#include <initializer_list>
#include <vector>

namespace poolkit {

// Case, Referred by and Scheme (for data: case, partner, scheme), then `more`.
inline std::vector<FormTable::Column> case_columns(std::initializer_list<FormTable::Column> more) {
    std::vector<FormTable::Column> columns{
        {"Case", "case"}, {"Referred by", "partner"}, {"Scheme", "scheme"}};
    columns.insert(columns.end(), more);
    return columns;
}

// A row of those columns: the case's three, then `more`.
template <typename Case>
std::vector<Cell> case_cells(const Agreement& a, const Case& c, std::initializer_list<Cell> more) {
    std::vector<Cell> cells{text_cell(c.case_ref), text_cell(a.partner(c.partner).id),
                            text_cell(a.scheme(c.scheme).id)};
    cells.insert(cells.end(), more);
    return cells;
}

// `"case", "partner", "scheme"` of the case's object.
template <typename Case>
void write_case_fields(JsonWriter& json, const Agreement& a, const Case& c) {
    json.field("case", c.case_ref);
    json.field("partner", a.partner(c.partner).id);
    json.field("scheme", a.scheme(c.scheme).id);
}

} // namespace poolkit
