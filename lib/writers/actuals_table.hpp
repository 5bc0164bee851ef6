// pool-actuals' table of the accepted lines (SPEC §4, §5): a column for each dimension grouped by,
// then lines and amount; for people with a Total row (actuals_document), for data as it is (CSV).
#pragma once

#include "writers/actuals_statement.hpp"
#include "writers/table.hpp"

namespace poolkit {

Table actuals_table(const ActualsStatement& st, bool display);

} // namespace poolkit
