#include "writers/rag_parts.hpp"

namespace poolkit {

void write_rag_json(JsonWriter& json, const RagStatus& rag) {
    if (rag.rating) json.field("rag", rag_keyword(*rag.rating));
    if (rag.direction) json.field("rag_direction", direction_keyword(*rag.direction));
}

std::vector<FormTable::Column> with_rag_columns(std::vector<FormTable::Column> columns) {
    columns.push_back({"RAG", nullptr});
    columns.push_back({nullptr, "rag"});
    columns.push_back({nullptr, "rag_direction"});
    return columns;
}

void add_rag_cells(std::vector<Cell>& cells, const RagStatus& rag, bool rated) {
    cells.push_back(rated ? rag_cell(rag.rating, rag_wording(rag)) : text_cell(""));
    cells.push_back(text_cell(rag.rating ? rag_keyword(*rag.rating) : ""));
    cells.push_back(text_cell(rag.direction ? direction_keyword(*rag.direction) : ""));
}

} // namespace poolkit
