// The auditor's warnings on a valid agreement (SPEC §5 pool-check --explain):
// terms that break no rule of SPEC §3 but carry a risk the partners should take on purpose, such
// as an overspend with no cap, an overspend past the last tier left unallocated, a scheme without
// a lead commissioner, or a partner that puts in almost nothing. Each finding says what the term
// is, why it matters and what to consider. The rule breaches themselves are the loader's
// diagnostics (readers/agreement_loader.hpp), not findings.
#pragma once

#include "model/agreement.hpp"
#include "support/error.hpp"

#include <string>
#include <vector>

namespace poolkit {

struct Finding {
    std::string code;     // stable, for scripts: "no-cap", "last-tier-missing", ...
    SourceLocation where; // the term at issue; file empty when it is the whole agreement
    std::string what;     // the term, as a sentence
    std::string why;      // why it matters
    std::string consider; // what the partners might do about it
    // The loader warns about the same point at the same place in one line (the legal basis):
    // an explanation shows this finding instead.
    bool restates_loader_warning = false;
};

// A partner whose share of all the budgets is below this is flagged (SPEC §5 --explain): 1%.
inline constexpr int small_partner_percent = 1;

// The findings on a validated agreement, in a fixed order: risk share first, then partners,
// schemes and the opening balance. Pure: the same agreement gives the same findings.
std::vector<Finding> agreement_findings(const Agreement& agreement);

} // namespace poolkit
