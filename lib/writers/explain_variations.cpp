// The deeds of variation in plain English (SPEC §5 --explain, §14): each with its effective period,
// its reason and its changes, then the budgets as agreed and as varied by all of them.
#include "writers/explain_parts.hpp"
#include "writers/variation_parts.hpp"

#include "model/varied_agreement.hpp"

#include <fmt/format.h>

namespace poolkit::explain_parts {

void variations(Document& d, const Agreement& a) {
    if (a.variations.empty()) return;
    d.heading("Variations");
    d.paragraph(fmt::format(
        "The agreement has been varied {} by deed{} of variation. Each changes the terms from its "
        "effective period on: a scheme's budget to date before it is never restated, and what is "
        "left of a new annual budget is phased over the remaining months by the scheme's profile. "
        "A virement moves each partner's contribution with the budget, in proportion to its share "
        "of the scheme it comes from; a partner's changed contribution falls on its remaining "
        "instalments. Each statement shows the variations in effect by its period.",
        a.variations.size() == 1 ? std::string("once")
                                 : fmt::format("{} times", a.variations.size()),
        a.variations.size() == 1 ? "" : "s"));
    const Agreement varied = as_varied(a, Period::last());
    std::vector<std::string> items;
    for (const Variation& v : varied.variations)
        items.push_back(variation_sentence(varied, v));
    d.numbered(std::move(items));
    d.table(variation_budgets_table(varied));
}

} // namespace poolkit::explain_parts
