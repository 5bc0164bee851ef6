// A statement as a spreadsheet sees it (SPEC §5 `--format xlsx`): a workbook of named tables of
// typed cells, so that an amount reaches the sheet as a number of pounds, not as text. Made from
// a statement's tables in their data form (the CSV columns), whose numeric cells are exact plain
// amounts or counts; the document model can feed it directly instead.
#pragma once

#include "calc/rag.hpp"
#include "money/money.hpp"
#include "writers/table.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace poolkit {

struct SheetCell {
    enum class Kind { text, money, count };
    Kind kind = Kind::text;
    std::string text;       // text
    Money money;            // money: exact pence
    std::int64_t count = 0; // count: lines, bytes
    std::optional<Rag> rag; // a RAG rating's cell, filled in its colour

    static SheetCell of_text(std::string s) {
        SheetCell c;
        c.text = std::move(s);
        return c;
    }
    static SheetCell of_count(std::int64_t n) {
        SheetCell c;
        c.kind = Kind::count;
        c.count = n;
        return c;
    }
};

struct Sheet {
    std::string name; // at most 31 characters, none of []:*?/\ (Excel's rules)
    std::vector<std::string> headers;
    std::vector<std::vector<SheetCell>> rows;
};

struct Workbook {
    std::string title, subject, company; // the document properties
    std::vector<Sheet> sheets;
};

// The sheet of a table in its data form: a numeric cell "-1234.56" is money, "255" a count, ""
// an empty text; a text cell of a column headed "rag" that is a rating keyword carries it.
Sheet sheet_of(std::string name, const Table& data_table);

// The sheet of a CSV table as a statement writes it (RFC 4180, a header row): a field that is an
// exact plain amount ("-1234.56") is money, any other a text (a step number, an id).
Sheet sheet_of_csv(std::string name, std::string_view csv);

// A sheet of (item, value) rows: the statement's heading facts.
Sheet facts_sheet(std::string name, const std::vector<std::pair<std::string, std::string>>& facts);

} // namespace poolkit
