// A scheme's RAG status as the statements write it (SPEC §3, §5, §9), so that the schemes, each
// month's rows and a partner's schemes say it alike.
#pragma once

#include "calc/rag.hpp"
#include "writers/json.hpp"
#include "writers/table.hpp"

#include <vector>

namespace poolkit {

// "rag" and "rag_direction", each only when there is one: no rating for a zero budget, no
// direction when the forecast is the budget (SPEC §3, §5).
void write_rag_json(JsonWriter& json, const RagStatus& rag);

// `columns`, then the three of a RAG status: "RAG" in words for people, "rag" and "rag_direction"
// (the keywords) for data.
std::vector<FormTable::Column> with_rag_columns(std::vector<FormTable::Column> columns);

// The cells of those three columns: the status in words with its rating (its colour in HTML, its
// fill in a workbook), an empty cell instead when not `rated`; then the two keywords.
void add_rag_cells(std::vector<Cell>& cells, const RagStatus& rag, bool rated = true);

} // namespace poolkit
