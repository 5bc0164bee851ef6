// pool-check --explain (SPEC §5): an agreement's terms in plain English for an
// auditor or a panel member (who the partners are and what each puts in, who hosts and manages
// the fund, what the legal basis allows, how over- and underspends are shared tier by tier with
// the caps and what happens past them, the payment schedule, the monitoring thresholds), then the
// findings: the loader's errors and warnings, and the terms that are lawful but risky
// (calc/findings.hpp), each with why it matters and what to consider.
//
// An agreement with errors is not explained: the loader gives no Agreement for it, and an
// account of terms that break SPEC §3's rules would mislead. Its explanation is the errors.
#pragma once

#include "calc/findings.hpp"
#include "model/agreement.hpp"
#include "model/diagnostic.hpp"
#include "model/input_file.hpp"
#include "writers/document.hpp"
#include "writers/json.hpp"

#include <string>
#include <vector>

namespace poolkit {

struct Explanation {
    const Agreement* agreement = nullptr; // null when the agreement is not valid
    std::string path;                     // the agreement as given ("-": standard input)
    Diagnostics diagnostics;              // the loader's, in file order
    std::vector<Finding> findings;        // agreement_findings(*agreement); empty when invalid
    RunRecord run;                        // the tool, its arguments and the agreement's record
};

// The explanation of a load: findings computed when the agreement is valid.
Explanation make_explanation(const Agreement* agreement, std::string path, Diagnostics diagnostics,
                             RunRecord run);

// The loader's diagnostics the explanation shows: all errors, and the warnings that no finding
// restates at the same place (a finding gives the same point with its reasons).
std::vector<Diagnostic> shown_diagnostics(const Explanation& explanation);

// What plain pool-check reports on stderr, one line each: the loader's diagnostics (a warning says
// what to do in its line), then each finding that does not restate one of them, as a warning at
// its term. As many warnings as --explain shows, so every form counts the same.
Diagnostics checked_diagnostics(const Explanation& explanation);

// The explanation as a Document in the prose layout, for any format's renderer.
Document explain_document(const Explanation& explanation);

// "findings": [{code, file, line, column, severity, message, why, consider}, ...]: the findings as
// a field of pool-check's poolkit.check/1 document.
void write_findings_json(JsonWriter& json, const std::vector<Finding>& findings);

} // namespace poolkit
