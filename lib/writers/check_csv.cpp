#include "writers/check_csv.hpp"

#include "writers/table.hpp"

#include <string>

namespace poolkit {

namespace {

// A place's line or column, empty when the diagnostic is about the whole agreement.
Cell place_cell(const SourceLocation& where, long n) {
    return num_cell(where.file.empty() || n <= 0 ? std::string() : std::to_string(n));
}

} // namespace

std::string check_csv(const Explanation& e) {
    Table t({{"severity"},
             {"code"},
             {"file"},
             {"line", true},
             {"column", true},
             {"message"},
             {"why"},
             {"consider"}});
    for (const auto& d : shown_diagnostics(e))
        t.add_row({text_cell(severity_name(d.severity)), text_cell(""), text_cell(d.where.file),
                   place_cell(d.where, d.where.line), place_cell(d.where, d.where.column),
                   text_cell(d.message), text_cell(""), text_cell("")});
    for (const auto& f : e.findings)
        t.add_row({text_cell("warning"), text_cell(f.code), text_cell(f.where.file),
                   place_cell(f.where, f.where.line), place_cell(f.where, f.where.column),
                   text_cell(f.what), text_cell(f.why), text_cell(f.consider)});
    return t.csv();
}

} // namespace poolkit
