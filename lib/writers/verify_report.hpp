// What pool-verify prints (SPEC §5): one line per figure that differs between a statement and its
// recomputation, then the verdict; or the one-line confirmation when they are identical.
#pragma once

#include "calc/compare_figures.hpp"
#include "model/input_file.hpp"
#include "writers/document.hpp"

#include <cstddef>
#include <string>

namespace poolkit {

// "schemes[0].actual_ytd: statement 1234.56, recomputed 1234.57"; a path only in one of them says
// so: "rejects[0].line: not in the statement, recomputed 17".
std::string describe_difference(const FigureDifference& d);

// `made_by` names the tool and version ("pool-settle 0.1.0"). Identical:
// "pool-verify: s.json verified: 412 figures from 5 inputs match (pool-settle 0.1.0)\n"; else each
// difference on its line, then "pool-verify: s.json does not match its recomputation: 1 of 412
// figures differs (pool-settle 0.1.0)\n".
std::string verify_report(const std::string& statement, const FigureComparison& comparison,
                          std::size_t inputs, const std::string& made_by);

// What pool-verify checked, for its JSON report.
struct VerifiedStatement {
    std::string name;       // the statement as given ("<stdin>" for "-")
    std::string schema;     // its schema ("poolkit.recon/2")
    std::string tool;       // the tool that made it, which was run again
    std::string version;    // the poolkit version that made it
    std::size_t inputs = 0; // its recorded inputs, each found as recorded
};

// pool-verify --format json: the poolkit.verify/1 document (docs/schemas/verify.schema.json):
// this run's record (`run`: pool-verify, its arguments, the statement as its input), the statement
// and what made it, whether the recomputation is identical, how many figures were compared (and
// not compared, for an earlier schema version), and each difference as {path, statement,
// recomputed}, null for a side that does not have the figure.
std::string verify_json(const VerifiedStatement& statement, const FigureComparison& comparison,
                        const RunRecord& run);

// The report for people (text, Markdown, HTML, a workbook: writers/document_render.hpp). Its
// text is verify_report(); the other formats give the same verdict under a title, the
// differences as a table (Figure, Statement, Recomputed) and this run's record (`run`).
Document verify_document(const VerifiedStatement& statement, const FigureComparison& comparison,
                         const RunRecord& run);

// For a statement of an earlier schema version (SPEC §5), checked on the figures both versions
// carry: "pool-verify: note: s.json is a poolkit.settle/1 statement; this poolkit writes
// poolkit.settle/2: the 40 figures both carry are compared, 3 that only one of them has are not\n".
std::string older_schema_note(const std::string& statement, const std::string& schema,
                              const std::string& schema_now, const FigureComparison& comparison);

} // namespace poolkit
