// What poolkit says about an agreement's legal basis that is a warning, not an error (SPEC §3:
// the legal basis is free text): one it does not know, one that is repealed, and one for NHS
// bodies only with a partner of another sector. The loader warns with each concern's one line;
// pool-check --explain gives the same concern as a finding with its reasons (calc/findings.hpp).
// Both read this list, so the two never disagree.
#pragma once

#include "model/agreement.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace poolkit {

struct LegalBasisConcern {
    std::string code;     // the finding's code: "unknown-legal-basis", ...
    std::string warning;  // the loader's warning, one line
    std::string what;     // the finding: the term, as a sentence
    std::string why;      // why it matters
    std::string consider; // what the partners might do about it
};

// The concerns about `legal_basis` with these partners, in a fixed order; none for empty text.
std::vector<LegalBasisConcern> legal_basis_concerns(std::string_view legal_basis,
                                                    const std::vector<Partner>& partners);

} // namespace poolkit
