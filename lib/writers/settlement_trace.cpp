// The working of a risk share in words (SPEC §7): how each partner's risk share was reached, step
// by step, tier by tier and cap by cap; and the agreement's risk-share terms in one line.
#include "writers/settlement_statement.hpp"

#include <fmt/format.h>

namespace poolkit {

namespace {

std::string parts(const Agreement& a, const std::vector<Money>& shares) {
    std::string out;
    for (std::size_t p = 0; p < shares.size() && p < a.partners.size(); ++p) {
        if (shares[p].is_zero()) continue;
        if (!out.empty()) out += ", ";
        out += fmt::format("{} {}", a.partners[p].id, format_display(shares[p]));
    }
    return out.empty() ? "nobody" : out;
}

// The rule's brief words (model/agreement.hpp); a `contributions` rule names its weights.
std::string rule_phrase(const Agreement& a, const RiskStep& s) {
    if (s.rule == RuleKind::contributions) {
        std::string whose = s.weights == WeightBasis::scheme && s.scheme
                                ? "contributions to " + a.schemes[*s.scheme].id
                                : std::string("pool contributions");
        return (s.underspend ? "returned pro rata to " : "pro rata to ") + whose;
    }
    return std::string(rule_entry(s.rule, s.underspend).brief);
}

std::string share_rule_phrase(const ShareRule& r, bool underspend, const Agreement& a) {
    std::string out = rule_name(r.kind, underspend);
    if (r.kind == RuleKind::split) {
        out += " (";
        for (std::size_t i = 0; i < r.split.size(); ++i) {
            if (i) out += ", ";
            out += a.partner(r.split[i].first).id + " " + format_percent(r.split[i].second);
        }
        out += ")";
    }
    return out;
}

} // namespace

std::string describe_step(const Agreement& a, const RiskStep& s) {
    std::string where = s.scheme ? a.schemes[*s.scheme].id + ": " : std::string();
    switch (s.kind) {
    case RiskStepKind::deficit_recovery:
        return fmt::format("deficit brought forward {} recovered first, pro rata to pool "
                           "contributions (outside the caps): {}",
                           format_display(s.amount), parts(a, s.shares));
    case RiskStepKind::opening_balance:
        if (s.scheme)
            return fmt::format("{}surplus brought forward {} applied against its overspend, before "
                               "its own rule",
                               where, format_display(s.amount));
        return fmt::format("surplus brought forward {} applied first against the net overspend",
                           format_display(s.amount));
    case RiskStepKind::offset:
        return s.amount.is_positive()
                   ? fmt::format("{}overspend {} offset by the underspends", where,
                                 format_display(s.amount))
                   : fmt::format("{}underspend {} used to offset the overspends (taken pro rata to "
                                 "the underspends; what is left follows its own rule)",
                                 where, format_display(-s.amount));
    case RiskStepKind::share: {
        std::string tier;
        if (s.tier)
            tier = fmt::format("tier {} ({} to {}): ", *s.tier + 1, format_display(s.tier_from),
                               format_display(s.tier_to));
        return fmt::format("{}{}{} {} {}: {}", where, tier,
                           s.underspend ? "underspend" : "overspend",
                           format_display(s.underspend ? -s.amount : s.amount), rule_phrase(a, s),
                           parts(a, s.shares));
    }
    case RiskStepKind::carry_forward:
        return fmt::format("{}underspend {} carried forward in the pool", where,
                           format_display(-s.amount));
    case RiskStepKind::unallocated:
        if (s.deficit)
            return fmt::format("deficit brought forward {}: no partner contributes to the pool, so "
                               "nobody can be charged it: unallocated",
                               format_display(s.amount));
        if (s.round > 0)
            return fmt::format("cap round {}: {} that no partner not yet capped can take: "
                               "unallocated",
                               s.round, format_display(s.amount));
        return fmt::format("{}overspend {} that no tier or partner covers: unallocated", where,
                           format_display(s.amount));
    case RiskStepKind::cap:
        return fmt::format("cap round {}: {}'s net risk share {} is over its cap {}: {} to "
                           "re-allocate",
                           s.round, a.partners[*s.partner].id, format_display(s.before),
                           format_display(s.limit), format_display(s.amount));
    case RiskStepKind::reallocate:
        return fmt::format("cap round {}: {} re-allocated pro rata to pool contributions of the "
                           "partners not yet capped: {}",
                           s.round, format_display(s.amount), parts(a, s.shares));
    }
    return "?";
}

std::string describe_terms(const Agreement& a) {
    if (a.kind == AgreementKind::aligned)
        return "aligned budget: each partner bears its own variance";
    if (a.kind == AgreementKind::joint) {
        // SPEC §3, §6: no risk share; how each scheme is recharged, and the caps.
        std::string fixed;
        for (const Scheme& sc : a.schemes)
            if (sc.recharge == Recharge::fixed) fixed += (fixed.empty() ? "" : ", ") + sc.id;
        std::string out = "each partner is charged its share of each scheme's actual spending "
                          "by the contributions";
        if (!fixed.empty())
            out += "; fixed amounts, the rest partner bearing the difference: " + fixed;
        std::string caps;
        if (a.risk_share)
            for (std::size_t p = 0; p < a.risk_share->caps.size() && p < a.partners.size(); ++p)
                if (a.risk_share->caps[p])
                    caps += fmt::format("{}{} {}", caps.empty() ? "" : ", ", a.partners[p].id,
                                        format_display(*a.risk_share->caps[p]));
        if (!caps.empty()) out += "; caps above the contribution: " + caps;
        return out;
    }
    const RiskShare rs = *effective_risk_share(a);
    std::string over = share_rule_phrase(rs.overspend, false, a);
    if (rs.overspend.kind == RuleKind::tiers) {
        over += " (";
        for (std::size_t i = 0; i < rs.overspend_tiers.size(); ++i) {
            const Tier& t = rs.overspend_tiers[i];
            if (i) over += "; ";
            over += t.upto ? fmt::format("up to {}: ", format_display(*t.upto))
                           : std::string("the rest: ");
            over += share_rule_phrase(t.rule, false, a);
        }
        over += ")";
    }
    std::string out = fmt::format("basis {}; overspend: {}; underspend: {}", basis_name(rs.basis),
                                  over, share_rule_phrase(rs.underspend, true, a));
    if (rs.basis != RiskBasis::pool)
        for (const Scheme& sc : a.schemes) {
            if (sc.overspend)
                out += fmt::format("; {} overspend: {}", sc.id,
                                   share_rule_phrase(*sc.overspend, false, a));
            if (sc.underspend)
                out += fmt::format("; {} underspend: {}", sc.id,
                                   share_rule_phrase(*sc.underspend, true, a));
        }
    std::string caps;
    for (std::size_t p = 0; p < rs.caps.size() && p < a.partners.size(); ++p)
        if (rs.caps[p])
            caps += fmt::format("{}{} {}", caps.empty() ? "" : ", ", a.partners[p].id,
                                format_display(*rs.caps[p]));
    if (!caps.empty()) out += "; caps on net risk shares: " + caps;
    if (risk_share_is_default(a)) out += " (the default: the agreement states no risk share)";
    return out;
}

} // namespace poolkit
