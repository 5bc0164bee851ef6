// How an agreement shares its over- and underspends, in plain English (SPEC §7 --explain): the
// basis, the rules tier by tier, the caps and what happens past them, each scheme's own rules;
// for a joint budget its recharges and caps (SPEC §6).
#include "writers/explain_parts.hpp"

#include "support/text.hpp"

#include <fmt/format.h>

namespace poolkit::explain_parts {

namespace {

// "ICB 45.81%, BRISTOL 26.45%, ...": each partner's share of all the budgets (the weights of a
// `contributions` rule with basis pool, and of the cap excess; SPEC §7).
std::string pool_weights(const Agreement& a) {
    const auto totals = a.partner_contributions();
    const Money total = a.total_budget();
    std::vector<std::string> parts;
    for (std::size_t p = 0; p < a.partners.size(); ++p)
        parts.push_back(fmt::format("{} {}", a.partners[p].id, percent(totals[p], total)));
    return and_list(parts);
}

std::string split_list(const Agreement& a, const ShareRule& r) {
    std::vector<std::string> parts;
    for (const auto& [p, f] : r.split)
        parts.push_back(fmt::format("{} {}", a.partner(p).id, format_percent(f, 4)));
    return and_list(parts);
}

// Who bears (an overspend) or gets (an underspend) by `rule`, as the end of a sentence: the
// rule's words (model/agreement.hpp), with the host or the split they name.
// `per_scheme`: the rule shares one scheme's variance (basis scheme or offset, or an override).
std::string rule_phrase(const Agreement& a, const ShareRule& r, bool underspend, bool per_scheme) {
    if (r.kind == RuleKind::contributions) {
        if (per_scheme)
            return underspend
                       ? "returned to the partners in proportion to their contributions to "
                         "that scheme"
                       : "shared in proportion to the partners' contributions to that scheme";
        return fmt::format("{} in proportion to {} contributions to the fund ({})",
                           underspend ? "returned to the partners" : "shared",
                           underspend ? "their" : "the partners'", pool_weights(a));
    }
    const std::string words(rule_entry(r.kind, underspend).words);
    if (r.kind == RuleKind::host)
        return fmt::format("{}, {}", words,
                           a.host ? partner_label(a.partner(*a.host)) : std::string("(none)"));
    if (r.kind == RuleKind::split) return fmt::format("{} {}", words, split_list(a, r));
    return words;
}

// The tiers, one item each with its £ bounds, and what happens past the last (SPEC §7).
std::vector<std::string> tier_items(const Agreement& a, const RiskShare& rs, bool per_scheme) {
    std::vector<std::string> items;
    Money from;
    for (std::size_t i = 0; i < rs.overspend_tiers.size(); ++i) {
        const Tier& t = rs.overspend_tiers[i];
        std::string range = !t.upto
                                ? (i == 0 ? std::string("Any overspend")
                                          : fmt::format("Above {}, without limit", pounds(from)))
                            : i == 0 ? fmt::format("The first {} ({} to {})", pounds(*t.upto),
                                                   pounds(from), pounds(*t.upto))
                                     : fmt::format("The next {} ({} to {})", pounds(*t.upto - from),
                                                   pounds(from), pounds(*t.upto));
        items.push_back(fmt::format("{}: {}.", range, rule_phrase(a, t.rule, false, per_scheme)));
        if (t.upto) from = *t.upto;
    }
    if (!rs.overspend_tiers.empty() && rs.overspend_tiers.back().upto)
        items.push_back(fmt::format("Above {}: no tier takes it; it is unallocated, for the "
                                    "partners to agree.",
                                    pounds(from)));
    return items;
}

void caps(Document& d, const Agreement& a, const RiskShare& rs) {
    const std::size_t n = a.partners.size();
    const auto weights = a.partner_contributions();
    std::vector<std::string> capped;
    bool takers = false; // an uncapped partner with a contribution can take any excess
    BigInt cap_pence = 0;
    for (std::size_t p = 0; p < n; ++p) {
        if (p < rs.caps.size() && rs.caps[p]) {
            capped.push_back(fmt::format("{} bears at most {}", partner_label(a.partners[p]),
                                         pounds(*rs.caps[p])));
            cap_pence += rs.caps[p]->pence();
        } else if (weights[p].is_positive()) {
            takers = true;
        }
    }
    if (capped.empty()) {
        d.paragraph("No partner's share of an overspend is capped.");
        return;
    }
    std::string s = fmt::format(
        "Caps: {} as its net risk share for the year (its shares of overspends less its shares "
        "of underspends, counted after all the tiers{}; a deficit brought forward is recovered "
        "outside the caps). What is above a cap goes to the partners not yet capped, in "
        "proportion to their contributions to the fund, repeated until no cap is exceeded.",
        and_list(capped), rs.basis == RiskBasis::pool ? "" : " and all the schemes");
    if (!takers)
        s += cap_pence > INT64_MAX
                 ? std::string(" What no partner can take is unallocated, for the partners to "
                               "agree.")
                 : fmt::format(" Every partner that contributes is capped, so the partners bear "
                               "at most {} of overspend together: anything above that is "
                               "unallocated, for the partners to agree.",
                               pounds(Money::from_pence(static_cast<std::int64_t>(cap_pence))));
    d.paragraph(s);
}

} // namespace

void risk_share(Document& d, const Agreement& a) {
    d.heading("Overspends and underspends");
    if (a.kind == AgreementKind::aligned) {
        d.paragraph("There is no risk share: each partner bears the over- or underspend on its "
                    "own part of each scheme's budget. Nothing is shared and no money moves.");
        return;
    }
    if (a.kind == AgreementKind::joint) {
        // SPEC §3, §6: no risk share; each scheme's recharge, and the caps on a partner's charge.
        d.paragraph("There is no risk share. Each partner bears its agreed share of each scheme's "
                    "actual spending: the host recharges the others their share of the actuals, "
                    "cumulatively each month, so an over- or underspend on a scheme falls on the "
                    "partners in proportion to their shares of that scheme.");
        std::vector<std::string> fixed;
        for (const auto& s : a.schemes) {
            if (s.recharge != Recharge::fixed) continue;
            std::vector<std::string> amounts;
            std::string rest;
            for (const auto& t : s.contribution_terms)
                if (t.form == ContributionTerm::Form::rest)
                    rest = partner_label(a.partner(t.partner));
                else
                    amounts.push_back(
                        fmt::format("{} {}", a.partner(t.partner).id, pounds(t.amount)));
            fixed.push_back(fmt::format("{} {}: {} a year, phased by its profile whatever is "
                                        "spent; {} bears the difference.",
                                        s.id, s.name, and_list(amounts), rest));
        }
        if (!fixed.empty()) {
            d.paragraph(fixed.size() == 1
                            ? "One scheme charges fixed amounts instead (recharge \"fixed\"):"
                            : "These schemes charge fixed amounts instead (recharge \"fixed\"):");
            d.bullets(std::move(fixed));
        }
        std::vector<std::string> capped;
        const auto totals = a.partner_contributions();
        if (a.risk_share)
            for (std::size_t p = 0; p < a.risk_share->caps.size() && p < a.partners.size(); ++p)
                if (a.risk_share->caps[p])
                    capped.push_back(fmt::format("{} is charged at most {} above its "
                                                 "contribution of {}",
                                                 a.partners[p].id, pounds(*a.risk_share->caps[p]),
                                                 pounds(totals[p])));
        d.paragraph(capped.empty()
                        ? "No partner's charge is capped."
                        : fmt::format("Caps: {}. A charge above that is unallocated: no other "
                                      "partner is charged it, and the partners must agree how to "
                                      "meet it.",
                                      and_list(capped)));
        return;
    }
    if (risk_share_is_default(a))
        d.paragraph("The agreement states no [risk_share], so the default applies (SPEC section "
                    "7), the same in every tool:");
    const RiskShare rs = *effective_risk_share(a);
    const bool per_scheme = rs.basis != RiskBasis::pool;
    d.paragraph(std::string(risk_bases.words(rs.basis)));
    if (rs.overspend.kind == RuleKind::tiers) {
        d.paragraph(fmt::format("An overspend{} is shared in tiers, each slice by its own rule:",
                                per_scheme ? " (of each scheme, separately)" : ""));
        d.numbered(tier_items(a, rs, per_scheme));
    } else {
        d.paragraph(
            fmt::format("An overspend is {}.", rule_phrase(a, rs.overspend, false, per_scheme)));
    }
    caps(d, a, rs);
    d.paragraph(
        fmt::format("An underspend is {}.", rule_phrase(a, rs.underspend, true, per_scheme)));
    std::vector<std::string> overrides;
    for (const auto& s : a.schemes) {
        std::vector<std::string> parts;
        auto lead_of = [&](const ShareRule& r) {
            return r.kind == RuleKind::lead && s.lead
                       ? fmt::format(", {}", partner_label(a.partner(*s.lead)))
                       : std::string();
        };
        if (s.overspend)
            parts.push_back(fmt::format("its overspend is {}{}",
                                        rule_phrase(a, *s.overspend, false, true),
                                        lead_of(*s.overspend)));
        if (s.underspend)
            parts.push_back(fmt::format("its underspend is {}{}",
                                        rule_phrase(a, *s.underspend, true, true),
                                        lead_of(*s.underspend)));
        if (!parts.empty())
            overrides.push_back(fmt::format("{} {}: {}.", s.id, s.name, and_list(parts)));
    }
    if (!overrides.empty()) {
        d.paragraph(overrides.size() == 1
                        ? std::string("One scheme has its own rule:")
                        : fmt::format("{} schemes have their own rules:", overrides.size()));
        d.bullets(std::move(overrides));
    }
}

} // namespace poolkit::explain_parts
