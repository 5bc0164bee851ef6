// What pool-actuals reports (SPEC §4, §5): the accepted lines grouped, the control totals (in all,
// and by file), the rejected lines, and the inputs. Rendered as text, CSV or JSON; the rejected
// lines also go to their own CSV file (--rejects).
#pragma once

#include "writers/document.hpp"

#include "calc/aggregate.hpp"
#include "model/actuals.hpp"
#include "model/input_file.hpp"
#include "model/rejected_lines.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace poolkit {

class JsonWriter;

struct ActualsStatement {
    std::vector<ActualsRow> rows; // grouped by `by`
    Grouping by;
    ControlTotals control;
    std::vector<LedgerFileTotals> files;
    // The first rejected lines (all of them when few); control.lines_rejected counts them all.
    std::vector<RejectedLine> rejects;
    RunRecord run; // the tool, its arguments and inputs
    // The agreement checked against, if any.
    std::optional<std::string> agreement_id, agreement_title, financial_year;
    std::string rejects_path; // where --rejects wrote them; empty when not asked
};

// For people (text, Markdown): a table of the groups, then the control totals, a note of the
// first rejected lines and the inputs.
Document actuals_document(const ActualsStatement& st);
// `partner,scheme,period,lines,amount,income` (the chosen dimensions, then lines, amount and
// income, SPEC §5).
std::string actuals_csv(const ActualsStatement& st);
// One group's fields in an object: the dimensions grouped by, then lines and amount.
void write_actuals_row_fields(JsonWriter& json, const Grouping& by, const ActualsRow& r);
// JSON Lines: one object a group, {partner, scheme, period, cost_centre (the dimensions grouped
// by), lines, amount, income}; no header, no control totals (SPEC §5 `--format jsonl`).
std::string actuals_jsonl(const ActualsStatement& st);
// {"schema": "poolkit.actuals/1", inputs, by, actuals[], ledger{...}, files[], rejects[]};
// rejects[] lists st.rejects, and `rejects_omitted` (only when there are any) counts the
// rejected lines beyond them, which the rejects file lists.
std::string actuals_json(const ActualsStatement& st);
// The rejected lines: file,line,reason, then the line's fields under its file's header names
// (when every file has the same header; else field_1, field_2, ...), then more_fields (the
// fields beyond the header, joined by commas): the same header whatever the lines. Written in
// pieces through `put`, as they are read: there may be millions (SPEC §8).
void write_rejects_csv(const RejectedLines& rejects,
                       const std::vector<std::vector<std::string>>& headers,
                       const std::function<void(std::string_view)>& put);
// The rejected lines as JSON Lines: {file, line, code, reason, amount (null when unreadable),
// fields[] as in the file}, one a line, in pieces as write_rejects_csv.
void write_rejects_jsonl(const RejectedLines& rejects,
                         const std::function<void(std::string_view)>& put);
// The same as one string (a few lines).
std::string rejects_csv(const std::vector<RejectedLine>& rejects,
                        const std::vector<std::vector<std::string>>& headers);

} // namespace poolkit
