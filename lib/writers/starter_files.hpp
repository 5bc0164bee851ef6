// The starter files `poolkit init` writes (SPEC §5): a commented agreement.toml of one kind
// (SPEC §3) and a pool.toml workspace that names it and a ledger for each partner (SPEC §13).
// Every value a person must supply is a placeholder (model/placeholder.hpp), so the agreement is
// refused until it is filled in, and accepted once it is.
#pragma once

#include "model/agreement.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace poolkit {

struct StarterTerms {
    AgreementKind kind = AgreementKind::pooled;
    // The partners' ids; empty: two placeholders, <PARTNER-1> and <PARTNER-2>.
    std::vector<std::string> partners;
    // The full commented template of this kind, named in the starter's opening comment.
    std::string template_path;
};

std::string starter_agreement(const StarterTerms& terms);
std::string starter_workspace(const StarterTerms& terms);

} // namespace poolkit
