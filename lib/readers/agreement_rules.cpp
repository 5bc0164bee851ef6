#include "readers/agreement_rules.hpp"

#include "model/contributions.hpp"
#include "model/legal_basis.hpp"
#include "model/legal_basis_concerns.hpp"
#include "model/profile.hpp"

#include <fmt/format.h>

namespace poolkit {

namespace {

// ---- what each kind of agreement holds (SPEC §3) ----

// Only a pooled fund holds a balance from one year to the next.
void opening_balance_pooled_only(AgreementDraft& d) {
    if (!d.kind_ok || !d.opening_node || d.a.kind == AgreementKind::pooled) return;
    d.r.error(*d.opening_node,
              fmt::format("{} holds no balance from one year to the next, so it has no opening "
                          "balance (only a pooled fund does): remove 'opening_balance'",
                          d.a.kind == AgreementKind::aligned
                              ? "an aligned budget (each partner keeps its own budget)"
                              : "a joint budget (the host recharges actual spending)"));
    d.a.opening_balance = Money{};
}

void recharge_joint_only(AgreementDraft& d) {
    if (!d.kind_ok || d.a.kind == AgreementKind::joint) return;
    for (std::size_t s = 0; s < d.schemes.size(); ++s)
        if (d.schemes[s].recharge)
            d.r.error(*d.schemes[s].recharge,
                      fmt::format("'recharge' is for the schemes of a joint budget, whose host "
                                  "recharges the partners (SPEC §3); {}: remove 'recharge' from "
                                  "scheme {}",
                                  d.a.kind == AgreementKind::pooled
                                      ? "a pooled fund's variance is shared by its risk share"
                                      : "in an aligned budget each partner spends its own budget",
                                  d.a.schemes[s].id));
}

// SPEC §3, §6: a joint budget shares actual spending by contributions (or charges fixed amounts),
// so its [risk_share] may only cap what a partner is charged above its contribution.
void joint_risk_share_caps_only(AgreementDraft& d) {
    if (!d.is(AgreementKind::joint)) return;
    const char* why = "a joint budget shares actual spending by contributions (SPEC §6)";
    if (d.risk_table)
        for (auto [k, v] : in_file_order(*d.risk_table))
            if (k->str() != "cap")
                d.r.diags().error(d.r.at(*k),
                                  fmt::format("a joint budget's [risk_share] may hold only 'cap': "
                                              "{}, so '{}' does not apply: remove it",
                                              why, k->str()));
    for (std::size_t s = 0; s < d.schemes.size(); ++s)
        if (d.schemes[s].risk)
            d.r.error(*d.schemes[s].risk,
                      fmt::format("scheme {} has its own risk_share, but {}: remove it (recharge "
                                  "= \"fixed\" charges stated amounts instead)",
                                  d.a.schemes[s].id, why));
}

// A fixed recharge needs the amounts it charges and a partner to bear the difference (SPEC §3).
void fixed_recharge_terms(AgreementDraft& d) {
    if (!d.is(AgreementKind::joint)) return;
    for (std::size_t s = 0; s < d.schemes.size(); ++s) {
        const Scheme& sc = d.a.schemes[s];
        if (!d.schemes[s].recharge || sc.recharge != Recharge::fixed) continue;
        bool rest = false, amount = false, percent = false;
        for (const auto& t : sc.contribution_terms) {
            rest = rest || t.form == ContributionTerm::Form::rest;
            amount = amount || t.form == ContributionTerm::Form::amount;
            percent = percent || t.form == ContributionTerm::Form::percent;
        }
        std::string lack = sc.contribution_terms.empty() ? "it has no contributions of its own"
                           : percent                     ? "its contributions are percentages"
                           : !amount                     ? "its contributions state no amount"
                           : !rest                       ? "no partner's contribution is \"rest\""
                                                         : "";
        if (!lack.empty())
            d.r.error(*d.schemes[s].recharge,
                      fmt::format("scheme {} has recharge = \"fixed\", but {}: a fixed recharge "
                                  "charges each partner its stated amount and the \"rest\" "
                                  "partner the difference, so it needs contributions such as {{ "
                                  "ICB = \"130000.00\", LA = \"rest\" }} (SPEC §3)",
                                  sc.id, lack));
    }
}

// An aligned budget has no host and no risk share: each partner keeps its own budget. The risk
// share is dropped, so the risk-share rules below do not check it again.
void aligned_no_host_or_risk_share(AgreementDraft& d) {
    if (!d.is(AgreementKind::aligned)) return;
    if (d.host_given)
        d.r.error(*d.host_node, "an aligned budget has no host (each partner keeps and spends its "
                                "own budget): remove 'host'");
    if (d.risk_table)
        d.r.error(*d.risk_table, "an aligned budget has no risk share (each partner bears its own "
                                 "variance): remove [risk_share]");
    for (std::size_t s = 0; s < d.schemes.size(); ++s)
        if (d.schemes[s].risk)
            d.r.error(*d.schemes[s].risk,
                      fmt::format("an aligned budget has no risk share (each partner bears its "
                                  "own variance): remove 'risk_share' from scheme {}",
                                  d.a.schemes[s].id));
    d.a.risk_share.reset();
}

void host_required(AgreementDraft& d) {
    if (!d.kind_ok || d.a.kind == AgreementKind::aligned || d.host_given) return;
    d.r.error(*d.agreement_table,
              d.a.kind == AgreementKind::pooled
                  ? "a pooled fund needs a host: add host = \"PARTNER\" to [agreement], naming the "
                    "partner that holds the fund"
                  : "a joint budget needs a host: add host = \"PARTNER\" to [agreement], naming "
                    "the partner that spends and invoices the others");
}

// ---- the legal basis (SPEC §3) ----

std::optional<LegalBasis> stated_legal_basis(const AgreementDraft& d) {
    if (!d.legal_node || d.a.legal_basis.empty()) return std::nullopt;
    return recognise_legal_basis(d.a.legal_basis);
}

// Unknown, repealed, or for NHS bodies only with another partner: warnings, stated once in
// model/legal_basis_concerns.hpp (pool-check --explain gives them as findings).
void legal_basis_concerns_warned(AgreementDraft& d) {
    if (!d.legal_node) return;
    for (const auto& c : legal_basis_concerns(d.a.legal_basis, d.a.partners))
        d.r.warning(*d.legal_node, c.warning);
}

void legal_basis_allows_pool(AgreementDraft& d) {
    auto lb = stated_legal_basis(d);
    if (!lb || !d.is(AgreementKind::pooled) || lb->allows_pool) return;
    d.r.error(*d.legal_node,
              fmt::format("{} is a power to make one-way payments, not to pool funds: a pooled "
                          "fund needs NHS Act 2006 s75 (or Children Act 2004 s10)",
                          lb->name));
}

void legal_basis_partner_sectors(AgreementDraft& d) {
    auto lb = stated_legal_basis(d);
    if (!lb || !lb->needs_nhs_and_la || !d.partners_complete || d.a.partners.empty()) return;
    bool nhs = false, la = false;
    for (const auto& p : d.a.partners) {
        nhs = nhs || p.sector == Sector::nhs;
        la = la || p.sector == Sector::local_authority;
    }
    if (!nhs || !la)
        d.r.error(*d.legal_node,
                  fmt::format("{} arrangements are between NHS bodies and local authorities: the "
                              "agreement needs at least one partner with sector \"{}\" and one "
                              "with sector \"{}\" (it has no \"{}\" partner)",
                              lb->name, sector_name(Sector::nhs),
                              sector_name(Sector::local_authority),
                              sector_name(nhs ? Sector::local_authority : Sector::nhs)));
}

void excluded_nhs_functions_absent(AgreementDraft& d) {
    auto lb = stated_legal_basis(d);
    if (!lb || !lb->excludes_nhs_functions) return;
    for (std::size_t s = 0; s < d.a.schemes.size(); ++s) {
        const auto& f = d.a.schemes[s].function;
        if (!f) continue;
        if (auto ex = excluded_nhs_function(*f))
            d.r.error(*d.schemes[s].function,
                      fmt::format("scheme {}: \"{}\" is {}, an NHS function excluded from "
                                  "partnership arrangements under {}: it cannot be part of this "
                                  "agreement",
                                  d.a.schemes[s].id, *f, *ex, lb->name));
    }
}

// ---- the risk share (SPEC §3, §7) ----
// A joint budget's [risk_share] holds only caps (joint_risk_share_caps_only): no rules to check.

// A scheme's own rule applies only with basis scheme or offset: with basis pool, stated or the
// default of a pooled fund with no [risk_share], it would be silently ignored.
void scheme_rule_needs_basis(AgreementDraft& d) {
    if (d.is(AgreementKind::joint)) return;
    std::string_view why;
    if (!d.a.risk_share) {
        if (!d.is(AgreementKind::pooled)) return;
        why = "the agreement has no [risk_share], so the default basis \"pool\" applies and the "
              "net variance of all schemes is shared once: add [risk_share] with basis "
              "\"scheme\" or \"offset\", or remove it";
    } else if (d.a.risk_share->basis == RiskBasis::pool) {
        why = "with basis \"pool\" the net variance of all schemes is shared once by the pool's "
              "rules: use basis \"scheme\" or \"offset\", or remove it";
    } else {
        return;
    }
    for (std::size_t s = 0; s < d.a.schemes.size(); ++s)
        if (d.schemes[s].risk)
            d.r.error(*d.schemes[s].risk, fmt::format("scheme {} has its own risk_share, but {}",
                                                      d.a.schemes[s].id, why));
}

bool uses_tiers(const AgreementDraft& d) {
    const RiskShare& rs = *d.a.risk_share;
    if (rs.overspend.kind == RuleKind::tiers) return true;
    for (const auto& s : d.a.schemes)
        if (s.overspend && s.overspend->kind == RuleKind::tiers) return true;
    return false;
}

// Tiers are given when some overspend rule is "tiers", and only then.
void tiers_given_when_used(AgreementDraft& d) {
    if (d.is(AgreementKind::joint) || !d.a.risk_share) return;
    const RiskShare& rs = *d.a.risk_share;
    if (rs.overspend.kind == RuleKind::tiers && rs.overspend_tiers.empty() && d.overspend_node)
        d.r.error(*d.overspend_node, "overspend = \"tiers\" needs at least one "
                                     "[[risk_share.overspend_tier]]");
    for (const auto& s : d.a.schemes)
        if (s.overspend && s.overspend->kind == RuleKind::tiers && rs.overspend_tiers.empty())
            d.r.diags().error(s.overspend->where,
                              fmt::format("scheme {}: overspend = \"tiers\" needs at least one "
                                          "[[risk_share.overspend_tier]]",
                                          s.id));
    if (!uses_tiers(d) && d.first_tier)
        d.r.error(*d.first_tier, "[[risk_share.overspend_tier]] is given, but no overspend rule "
                                 "is \"tiers\": set overspend = \"tiers\" or remove the tiers");
}

// The rules that share a scheme's overspend (its own or the pool's; a tiers rule's tiers).
std::vector<const ShareRule*> overspend_rules_of(const RiskShare& rs, const Scheme& s) {
    const ShareRule& r = s.overspend ? *s.overspend : rs.overspend;
    if (r.kind != RuleKind::tiers) return {&r};
    std::vector<const ShareRule*> out;
    for (const auto& t : rs.overspend_tiers)
        out.push_back(&t.rule);
    return out;
}

// "lead" gives a scheme's variance to its lead commissioner: it needs basis scheme or offset, and
// a lead on every scheme it applies to (SPEC §3).
void lead_rule_needs_lead(AgreementDraft& d) {
    if (d.is(AgreementKind::joint) || !d.a.risk_share) return;
    const RiskShare& rs = *d.a.risk_share;
    if (rs.basis == RiskBasis::pool) {
        std::vector<const ShareRule*> pool_rules{&rs.overspend, &rs.underspend};
        if (uses_tiers(d))
            for (const auto& t : rs.overspend_tiers)
                pool_rules.push_back(&t.rule);
        for (const ShareRule* r : pool_rules)
            if (r->kind == RuleKind::lead)
                d.r.diags().error(r->where, "the rule \"lead\" needs basis \"scheme\" or "
                                            "\"offset\": with basis \"pool\" the net variance of "
                                            "the pool has no lead commissioner");
        return;
    }
    for (const auto& s : d.a.schemes) {
        if (s.lead) continue;
        auto rules = overspend_rules_of(rs, s);
        rules.push_back(s.underspend ? &*s.underspend : &rs.underspend);
        for (const ShareRule* r : rules) {
            if (r->kind != RuleKind::lead) continue;
            d.r.diags().error(r->where, fmt::format("the rule \"lead\" gives a scheme's variance "
                                                    "to its lead commissioner, but scheme {} has "
                                                    "no lead: add lead = \"PARTNER\" to it",
                                                    s.id));
            break;
        }
    }
}

const AgreementRule rules[] = {
    {"opening_balance_pooled_only", opening_balance_pooled_only},
    {"recharge_joint_only", recharge_joint_only},
    {"joint_risk_share_caps_only", joint_risk_share_caps_only},
    {"fixed_recharge_terms", fixed_recharge_terms},
    {"aligned_no_host_or_risk_share", aligned_no_host_or_risk_share},
    {"host_required", host_required},
    {"legal_basis_concerns", legal_basis_concerns_warned},
    {"legal_basis_allows_pool", legal_basis_allows_pool},
    {"legal_basis_partner_sectors", legal_basis_partner_sectors},
    {"excluded_nhs_functions", excluded_nhs_functions_absent},
    {"scheme_rule_needs_basis", scheme_rule_needs_basis},
    {"tiers_given_when_used", tiers_given_when_used},
    {"lead_rule_needs_lead", lead_rule_needs_lead},
};

} // namespace

std::span<const AgreementRule> agreement_rules() {
    return rules;
}

void resolve_agreement(AgreementDraft& d) {
    if (!d.partners_complete) return;
    std::vector<bool> ok;
    for (const auto& st : d.schemes)
        ok.push_back(st.ok);
    // Amounts near the int64 limit can still overflow a sum (Error(arithmetic)): that is a
    // finding about the file, reported where it arose, not a failure of the tool.
    try {
        resolve_contributions(d.a, d.pool_ok, ok, d.r.diags());
    } catch (const Error& e) {
        if (e.kind() != ErrorKind::arithmetic) throw;
        d.r.diags().error(d.a.pool_contributions_where.line ? d.a.pool_contributions_where
                                                            : d.r.at_start(),
                          std::string("the contributions cannot be resolved: ") + e.what());
    }
    for (std::size_t s = 0; s < d.a.schemes.size(); ++s) {
        Scheme& sc = d.a.schemes[s];
        if (!d.schemes[s].profile_ok || !d.schemes[s].budget_ok) continue;
        try {
            if (auto ph = phase_budget(sc.profile, sc.budget, sc.id, d.r.diags())) sc.phased = *ph;
        } catch (const Error& e) {
            if (e.kind() != ErrorKind::arithmetic) throw;
            d.r.diags().error(sc.profile.where, fmt::format("the profile of scheme {} cannot be "
                                                            "phased: {}",
                                                            sc.id, e.what()));
        }
    }
}

} // namespace poolkit
