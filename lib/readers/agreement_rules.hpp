// The rules of SPEC §3 that join the sections of an agreement (what each kind of agreement may
// hold, what its legal basis allows, how its risk share fits its schemes), as a list of named
// checks run in order over a draft the section readers have filled (agreement_sections.hpp), the
// way beancount lists its validations. Each reports at the value at fault and skips what an
// earlier error already makes meaningless. Internal to the agreement loader.
#pragma once

#include "readers/agreement_draft.hpp"

#include <span>
#include <string_view>

namespace poolkit {

struct AgreementRule {
    std::string_view name; // "host_required": stable, for tests and docs
    void (*check)(AgreementDraft& draft);
};

// Every rule, in the order the loader runs them (a later rule may rely on an earlier one: the
// aligned-budget rule drops the risk share the risk-share rules would otherwise check).
std::span<const AgreementRule> agreement_rules();

// The rule run first, on the file as written: no value or key is still a placeholder
// (model/placeholder.hpp). When one is, the loader reads no further, so that what a placeholder
// breaks (an id, an amount, a reference to a partner) is not reported as well.
const AgreementRule& placeholder_rule();

// After the agreement is resolved, the rules of its [[variation]] entries (SPEC §14), in order
// (agreement_variation_rules.cpp): a later one relies on the earlier having passed.
std::span<const AgreementRule> variation_rules();

// After the rules: each scheme's contributions resolved and its budget phased (SPEC §2, §3).
void resolve_agreement(AgreementDraft& draft);

} // namespace poolkit
