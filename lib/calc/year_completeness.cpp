#include "calc/year_completeness.hpp"

#include <algorithm>
#include <optional>

namespace poolkit {

YearCompleteness year_completeness(const Actuals& act) {
    YearCompleteness out;
    for (std::size_t p = 0; p < act.partners(); ++p) {
        // Lines, not amounts: a March line that nets to zero still shows the ledger reaches March.
        std::optional<Period> last;
        for (Period period : Period::all())
            for (std::size_t s = 0; s < act.schemes(); ++s)
                if (act.lines_at(PartnerIndex{p}, SchemeIndex{s}, period) > 0) {
                    last = period;
                    break;
                }
        if (!last || *last == Period::last()) continue; // no lines at all, or lines in P12
        out.complete = false;
        out.short_partners.push_back({PartnerIndex{p}, *last});
        out.last_period = std::min(out.last_period, *last);
    }
    return out;
}

const char* year_end_name(YearEnd y) {
    return year_ends.keyword(y).data();
}

YearEnd year_end(const YearCompleteness& c, bool provisional, bool asserted) {
    // --provisional marks even a complete year provisional: the officer says it is not final.
    if (provisional) return YearEnd::provisional;
    if (c.complete) return YearEnd::complete;
    return asserted ? YearEnd::asserted : YearEnd::incomplete;
}

} // namespace poolkit
