#include "calc/scheme_term_spend.hpp"

#include <optional>

namespace poolkit {

namespace {

// The lines and amount of scheme `s` dated in from..to (all partners), if any, with the first
// and last periods they are dated in.
void add_if_spent(std::vector<SpendOutsideTerm>& out, const Actuals& act, SchemeIndex s,
                  bool after_close, Period from, Period to) {
    SpendOutsideTerm t{s, after_close, from, to, 0, Money{}};
    std::optional<Period> first, last;
    for (Period m : Period::through(to)) {
        if (m < from) continue;
        std::uint64_t lines = 0;
        for (std::size_t p = 0; p < act.partners(); ++p) {
            lines += act.lines_at(PartnerIndex{p}, s, m);
            t.amount += act.at(PartnerIndex{p}, s, m);
        }
        if (lines == 0) continue;
        t.lines += lines;
        if (!first) first = m;
        last = m;
    }
    if (!first) return;
    t.from = *first;
    t.to = *last;
    out.push_back(t);
}

} // namespace

std::vector<SpendOutsideTerm> spend_outside_term(const Agreement& a, const Actuals& act,
                                                 Period through) {
    std::vector<SpendOutsideTerm> out;
    for (std::size_t s = 0; s < a.schemes.size(); ++s) {
        const Scheme& scheme = a.schemes[s];
        if (scheme.closed_from && !(through < *scheme.closed_from))
            add_if_spent(out, act, SchemeIndex{s}, true, *scheme.closed_from, through);
        if (scheme.added_from)
            if (const auto before = scheme.added_from->previous())
                add_if_spent(out, act, SchemeIndex{s}, false, Period::first(),
                             through < *before ? through : *before);
    }
    return out;
}

} // namespace poolkit
