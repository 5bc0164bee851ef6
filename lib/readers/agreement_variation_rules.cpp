// The rules of SPEC §14 over the [[variation]] entries, once the agreed schemes are resolved: ids
// unique, effective periods in date order, every scheme named known (an added one from its
// variation on), then every change applied in date order (model/varied_agreement.hpp), which
// reports a budget below its budget to date, contributions that do not sum and a change to a
// closed scheme at the change.
#include "readers/agreement_rules.hpp"

#include "model/varied_agreement.hpp"
#include "support/text.hpp"

#include <fmt/format.h>

#include <map>

namespace poolkit {

namespace {

void variation_ids_unique(AgreementDraft& d) {
    std::map<std::string, long> seen;
    for (const Variation& v : d.a.variations) {
        if (auto it = seen.find(v.id); it != seen.end())
            d.r.diags().error(v.where, fmt::format("duplicate variation id '{}' (first used on "
                                                   "line {}): variation ids must be unique",
                                                   v.id, it->second));
        else
            seen[v.id] = v.where.line;
    }
}

void variations_in_date_order(AgreementDraft& d) {
    for (std::size_t i = 1; i < d.a.variations.size(); ++i) {
        const Variation &before = d.a.variations[i - 1], &v = d.a.variations[i];
        if (v.effective < before.effective)
            d.r.diags().error(v.where,
                              fmt::format("variation {} is effective from {}, before variation {} "
                                          "above it ({}): write the variations in date order",
                                          v.id, v.effective.label(), before.id,
                                          before.effective.label()));
    }
}

// Appends the added schemes to the agreement (an id of its own each) and resolves every id a
// change names, reporting an unknown one with a hint.
void variation_schemes_known(AgreementDraft& d) {
    for (Scheme& s : d.a.schemes)
        s.original_budget = s.budget;
    std::vector<std::size_t> added_index(d.added_schemes.size());
    for (Variation& v : d.a.variations)
        for (VariationChange& c : v.changes) {
            if (c.kind != ChangeKind::add_scheme) continue;
            if (auto s = d.a.scheme_index(c.scheme_id)) {
                d.r.diags().error(c.where,
                                  fmt::format("variation {} adds scheme {}, which already exists "
                                              "(line {}): a scheme id must be unique",
                                              v.id, c.scheme_id, d.a.scheme(*s).where.line));
                continue;
            }
            added_index[c.scheme] = d.a.schemes.size();
            Scheme s = d.added_schemes[c.scheme];
            s.contributions.assign(d.a.partners.size(), Money());
            d.a.schemes.push_back(std::move(s));
            c.scheme = added_index[c.scheme];
        }
    auto resolve = [&](const Variation& v, const VariationChange& c, const std::string& id,
                       std::size_t& out) {
        if (auto s = d.a.scheme_index(id)) {
            out = to_size(*s);
            return;
        }
        std::vector<std::string_view> ids;
        for (const Scheme& s : d.a.schemes)
            ids.push_back(s.id);
        std::string hint = did_you_mean(id, ids);
        d.r.diags().error(
            c.where, fmt::format("variation {} names the unknown scheme '{}'{}", v.id, id, hint));
    };
    for (Variation& v : d.a.variations)
        for (VariationChange& c : v.changes) {
            if (c.kind == ChangeKind::add_scheme) continue;
            resolve(v, c, c.scheme_id, c.scheme);
            if (c.kind == ChangeKind::virement) resolve(v, c, c.to_id, c.to);
        }
}

// Every variation applied in date order to a copy: what it would make of the agreement is checked
// where it arises.
void variations_apply(AgreementDraft& d) {
    Agreement copy = d.a;
    apply_variations(copy, Period::last(), d.r.diags());
}

constexpr AgreementRule rules[] = {
    {"variation_ids_unique", variation_ids_unique},
    {"variations_in_date_order", variations_in_date_order},
    {"variation_schemes_known", variation_schemes_known},
    {"variations_apply", variations_apply},
};

} // namespace

std::span<const AgreementRule> variation_rules() {
    return rules;
}

} // namespace poolkit
