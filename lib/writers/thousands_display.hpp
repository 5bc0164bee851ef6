// Amounts in £000 for board papers (SPEC §5 `--thousands`, §2), for people: a table's money
// columns restated in £000, each sum row's figure rounded half away from zero and allocated over
// the rows it sums by their exact values (money/thousands.hpp), so the rows shown still add up to
// the total shown; an amount in a sentence as "£1,235k".
#pragma once

#include "money/money.hpp"
#include "writers/document.hpp"
#include "writers/table.hpp"

#include <cstdint>
#include <string>

namespace poolkit {

// A count of £000 as people read it: "1,235", "(1,235)", "0".
std::string thousands_display(std::int64_t thousands);

// One amount in a sentence: "£1,234.56" and "(£1,234.56)", or with `thousands` rounded half away
// from zero: "£1,235k" and "(£1,235k)".
std::string amount_words(Money m, bool thousands);

// The money cells of `table` in £000. Each sum row (Table::sums()) whose figure in a column is the
// exact sum of the money cells above it in that column is rounded and allocated over them; any
// other money cell is rounded on its own. A restated cell keeps CellType::money, its amount the
// pounds it shows (£1,235k: 1,235,000.00).
Table table_in_thousands(const Table& table);

// Every table and key-value list of `document` in £000, as table_in_thousands(); sentences are as
// they were written (a statement that shows £000 says so in them).
Document document_in_thousands(const Document& document);

// The note a statement in £000 carries under its title: a partner's pack, whose sentences say
// their amounts in £000 too (amount_words), and a whole statement, whose sentences keep pounds.
inline constexpr const char* thousands_note =
    "Amounts in £000: each total rounded, its rows allocated to add up.";
inline constexpr const char* thousands_tables_note =
    "Tables in £000: each total rounded, its rows allocated to add up; amounts in sentences in "
    "pounds.";

} // namespace poolkit
