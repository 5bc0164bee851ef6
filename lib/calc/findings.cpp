#include "calc/findings.hpp"

#include "model/legal_basis_concerns.hpp"
#include "money/money_words.hpp"
#include "support/text.hpp"

#include <fmt/format.h>

#include <cstdint>

namespace poolkit {

namespace {

// An amount's size in prose: the sign is in the words around it ("a deficit of £1,234.56").
std::string pounds(Money m) {
    return poolkit::pounds(m, SignStyle::magnitude);
}

SourceLocation whole_file(const Agreement& a) {
    return {a.file, 0, 0};
}

// SPEC §3: the loader warns about each concern in one line at the legal basis; the finding gives
// the same concern with its reasons (the explanation shows one of the two).
void legal_basis_findings(const Agreement& a, std::vector<Finding>& out) {
    for (auto& c : legal_basis_concerns(a.legal_basis, a.partners))
        out.push_back({std::move(c.code), a.legal_basis_where, std::move(c.what), std::move(c.why),
                       std::move(c.consider), true});
}

// A pooled fund that states no risk share gets the default (SPEC §7; effective_risk_share).
void risk_share_findings(const Agreement& a, std::vector<Finding>& out) {
    if (a.kind != AgreementKind::pooled) return;
    if (risk_share_is_default(a)) {
        const RiskShare d = *effective_risk_share(a);
        out.push_back({"no-risk-share", whole_file(a),
                       fmt::format("The pooled fund has no [risk_share], so the default applies, "
                                   "as in every tool: basis `{}`, overspend `{}`, underspend `{}`, "
                                   "no cap.",
                                   basis_name(d.basis), rule_name(d.overspend.kind),
                                   rule_name(d.underspend.kind, true)),
                       "Who meets an overspend is the term partners most often dispute; a default "
                       "nobody chose may not be what they would agree when a large overspend "
                       "comes, and no partner's exposure is limited.",
                       "Write the risk share the partners intend into [risk_share], even if it is "
                       "the default, so that it is an agreed term; consider caps."});
        return;
    }
    const RiskShare& rs = *a.risk_share;
    const std::size_t n = a.partners.size();
    std::size_t capped = 0;
    BigInt cap_pence = 0; // exact: caps near the int64 limit must not overflow a Money sum
    for (std::size_t p = 0; p < rs.caps.size() && p < n; ++p)
        if (rs.caps[p]) ++capped, cap_pence += rs.caps[p]->pence();
    const Money cap_total =
        Money::from_pence(cap_pence > INT64_MAX ? INT64_MAX : static_cast<std::int64_t>(cap_pence));

    // Tiers that stop short: the rest is unallocated (SPEC §7).
    if (rs.overspend.kind == RuleKind::tiers && !rs.overspend_tiers.empty() &&
        rs.overspend_tiers.back().upto) {
        const Tier& last = rs.overspend_tiers.back();
        const std::string bound = pounds(*last.upto);
        out.push_back(
            {"last-tier-missing", last.where,
             fmt::format("The overspend tiers stop at {}: no tier takes an overspend above it{}.",
                         bound,
                         rs.basis == RiskBasis::pool ? "" : " (of each scheme, with this basis)"),
             fmt::format("An overspend above {} is unallocated: nobody is committed to meet it, "
                         "and pool-settle reports it for the partners to agree (exit 1).",
                         bound),
             "Add a last [[risk_share.overspend_tier]] without `upto` that says who bears the "
             "rest, or record in the agreement how an overspend beyond the tiers will be met."});
    }

    if (capped == 0) {
        out.push_back({"no-cap", rs.where,
                       "No partner's share of an overspend is capped: however large the "
                       "overspend, the partners bear all of it by the overspend rule.",
                       "Each partner's exposure is unlimited: a large overspend falls on the "
                       "partners' own budgets in full, beyond what their own governance may have "
                       "approved.",
                       "A cap on what each partner bears (cap = { PARTNER = \"amount\" } in "
                       "[risk_share]) or tiers, with what happens past them agreed in advance."});
    } else if (capped == n) {
        out.push_back(
            {"all-capped", rs.where,
             fmt::format("Every partner that contributes is capped: together the partners bear at "
                         "most {} of the year's overspend.",
                         pounds(cap_total)),
             fmt::format("An overspend above {} is unallocated: nobody is committed to meet it, "
                         "and pool-settle reports it for the partners to agree (exit 1).",
                         pounds(cap_total)),
             "Agree in advance how an overspend beyond the caps is met (for example, leave one "
             "partner uncapped, or a procedure for the partners to agree extra contributions)."});
    }
}

void partner_findings(const Agreement& a, std::vector<Finding>& out) {
    const Money total = a.total_budget();
    if (!total.is_positive()) return;
    const auto totals = a.partner_contributions();
    const char* what = a.kind == AgreementKind::aligned ? "holds" : "contributes";
    for (std::size_t p = 0; p < a.partners.size(); ++p) {
        // Under 1%: 100 × contribution < total (exact, in pence).
        if (Rational(totals[p].pence()) * 100 >= Rational(total.pence()) * small_partner_percent)
            continue;
        std::string amount =
            totals[p].is_zero()
                ? fmt::format("{} nothing", what)
                : fmt::format("{} {}, {} of the {} of all budgets", what, pounds(totals[p]),
                              format_percent(Rational(totals[p].pence(), total.pence()), 2),
                              pounds(total));
        out.push_back(
            {"small-partner", a.partners[p].where,
             fmt::format("{} {}, under {}%.", partner_label(a.partners[p]), amount,
                         small_partner_percent),
             "A partner with almost no stake shares the arrangement's governance and may be "
             "named in its risk share (a split, host or lead rule can make it bear far more than "
             "it put in); or its contribution may be missing or mistyped.",
             "Check the figure; if the partner only refers or commissions, record its role and "
             "whether it bears any over- or underspend."});
    }
}

void scheme_findings(const Agreement& a, std::vector<Finding>& out) {
    for (const auto& s : a.schemes)
        if (!s.lead)
            out.push_back({"no-lead", s.where,
                           fmt::format("Scheme {} ({}) has no lead commissioner.", s.id, s.name),
                           "Nobody is named to commission the service, manage its spending and "
                           "answer for its variance, and a `lead` risk-share rule cannot apply "
                           "to it.",
                           fmt::format("Name the partner that commissions it: lead = \"PARTNER\" "
                                       "in scheme {}.",
                                       s.id)});

    // Aligned (SPEC §1): each partner bears its own variance, but one lead commissions the whole
    // scheme; its contracts may overspend another partner's part (DOMAIN-NOTES §2, Oldham).
    if (a.kind != AgreementKind::aligned) return;
    std::vector<std::string> shared;
    SourceLocation first;
    for (const auto& s : a.schemes) {
        if (!s.lead) continue;
        std::vector<std::string> others;
        for (std::size_t p = 0; p < a.partners.size(); ++p)
            if (PartnerIndex{p} != *s.lead && !s.contributions[p].is_zero())
                others.push_back(
                    fmt::format("{} holds {}", a.partners[p].id, pounds(s.contributions[p])));
        if (others.empty()) continue;
        if (shared.empty()) first = s.where;
        shared.push_back(
            fmt::format("{} (lead {}; {})", s.id, a.partner(*s.lead).id, and_list(others)));
    }
    if (shared.empty()) return;
    out.push_back(
        {"aligned-lead-risk", first,
         fmt::format("In this aligned budget, {} funded by more than one partner but commissioned "
                     "by one lead: {}.",
                     shared.size() == 1 ? "one scheme is"
                                        : fmt::format("{} schemes are", shared.size()),
                     and_list(shared)),
         "Each partner bears the variance on its own part, yet the lead lets and manages the "
         "contracts for the whole scheme: when they overspend, the lead commissioner carries the "
         "risk in practice, and nothing commits the other partners to meet it.",
         "State who meets an overspend on each such scheme's contracts and how the lead recovers "
         "the other partners' parts, or make it a pooled fund with a risk share."});
}

void opening_balance_findings(const Agreement& a, std::vector<Finding>& out) {
    if (!a.opening_balance.is_negative()) return;
    SourceLocation where = a.opening_balance_where;
    if (where.file.empty()) where = whole_file(a);
    out.push_back(
        {"negative-opening-balance", where,
         fmt::format("The fund opens the year with a deficit of {} brought forward.",
                     pounds(a.opening_balance)),
         "The deficit is recovered this year before the year's variance is shared: each partner "
         "pays its part in proportion to its contribution to the fund, outside any cap (SPEC §7), "
         "on top of this year's contributions.",
         "Make sure each partner has budgeted for its part of the recovery, and record in the "
         "agreement how the deficit arose and that it is to be recovered this year."});
}

} // namespace

std::vector<Finding> agreement_findings(const Agreement& a) {
    std::vector<Finding> out;
    legal_basis_findings(a, out);
    risk_share_findings(a, out);
    partner_findings(a, out);
    scheme_findings(a, out);
    opening_balance_findings(a, out);
    return out;
}

} // namespace poolkit
