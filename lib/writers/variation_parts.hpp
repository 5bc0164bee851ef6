// What every statement says of an agreement's variations (SPEC §14): per scheme its original
// budget, the variations that changed it by the statement's period and its latest budget; then
// each variation with its reason and its changes in words. Nothing when the agreement has none.
#pragma once

#include "calc/scheme_term_spend.hpp"
#include "model/agreement.hpp"
#include "writers/document.hpp"
#include "writers/json.hpp"
#include "writers/table.hpp"

#include <string>
#include <vector>

namespace poolkit {

// One change in words: "S01's annual budget becomes 1,320,000.00", "25,000.00 moved from S04 to
// S02", ...
std::string change_words(const Agreement& a, const VariationChange& c);

// "V1 (from P07 October 2025): Cabinet 14 Oct 2025: two further placements." with its changes.
std::string variation_sentence(const Agreement& a, const Variation& v);

// The `variations` field of a statement's JSON (docs/schemas): the budgets by scheme and the
// variations applied. Writes nothing unless has_variations.
void write_variations_json(JsonWriter& json, const Agreement& a);

// The same for text and Markdown: the budgets by scheme (Scheme, Original budget, Variations,
// Latest budget), then one line a variation applied (variation_sentence) and a note of those not
// yet in effect. A statement shows them under variations_heading when the agreement has any
// [[variation]] in effect by its period (has_variations): a statement of a period before every
// variation is as it was before they were written.
inline bool has_variations(const Agreement& a) {
    return a.variations_applied > 0;
}
inline constexpr const char* variations_heading = "Budgets as agreed and as varied";
Table variation_budgets_table(const Agreement& a);
std::vector<std::string> variation_lines(const Agreement& a);

// The statement's part for people: under variations_heading, the budgets table and the list;
// nothing unless has_variations.
void add_variations(Document& d, const Agreement& a);

// Spending dated outside a scheme's life (SPEC §14), one sentence each: "S06 Short breaks:
// 1,234.00 in 3 lines dated P07 to P09, after the scheme closed from P07 October 2025".
std::vector<std::string> outside_term_lines(const Agreement& a,
                                            const std::vector<SpendOutsideTerm>& spend);
inline constexpr const char* outside_term_heading =
    "Spending outside a scheme's life (recode the lines, or vary the agreement)";
// Under outside_term_heading, the lines; nothing when there is no such spending.
void add_outside_term(Document& d, const Agreement& a, const std::vector<SpendOutsideTerm>& spend);
// The `outside_term` field of a statement's JSON: [{scheme, after_close, from, to, lines,
// amount}]; nothing when there is no such spending.
void write_outside_term_json(JsonWriter& json, const Agreement& a,
                             const std::vector<SpendOutsideTerm>& spend);

} // namespace poolkit
