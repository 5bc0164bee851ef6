// A deed of variation (SPEC §14): from its `effective` period on, the agreement's budgets,
// contributions and schemes change; the periods before it are never restated. The loader reads
// `[[variation]]` entries, in date order, into Agreement::variations; model/varied_agreement.hpp
// applies them.
#pragma once

#include "model/period.hpp"
#include "money/money.hpp"
#include "support/error.hpp"
#include "support/keyword_table.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace poolkit {

struct ContributionTerm; // model/agreement.hpp, which includes this file and completes it

// What one entry of a variation's `changes` does (SPEC §14). `words` starts a sentence of
// --explain and a statement's list of variations.
enum class ChangeKind { budget, contributions, virement, add_scheme, close_scheme };
inline constexpr KeywordTable<ChangeKind, 5> change_kinds{{{
    {.value = ChangeKind::budget, .keyword = "budget", .words = "a new annual budget"},
    {.value = ChangeKind::contributions, .keyword = "contributions", .words = "new contributions"},
    {.value = ChangeKind::virement, .keyword = "virement", .words = "a virement"},
    {.value = ChangeKind::add_scheme, .keyword = "add_scheme", .words = "a new scheme"},
    {.value = ChangeKind::close_scheme, .keyword = "close_scheme", .words = "the scheme closed"},
}}};

struct VariationChange {
    ChangeKind kind = ChangeKind::budget;
    std::size_t scheme = 0; // index into Agreement::schemes: changed, added, closed, or `from`
    std::size_t to = 0;     // a virement's `to`
    Money amount;           // budget, add_scheme: the new annual budget; virement: the amount
    // contributions, add_scheme: the scheme's new terms (add_scheme: empty for the pool's split)
    std::vector<ContributionTerm> terms;
    std::string scheme_id, to_id; // as written, for messages
    SourceLocation where;
};

struct Variation {
    std::string id;
    Period effective = Period::first();
    std::string reason;
    std::vector<VariationChange> changes; // in the order written
    SourceLocation where;
};

} // namespace poolkit
