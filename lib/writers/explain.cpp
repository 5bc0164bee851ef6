#include "writers/explain.hpp"

#include "calc/schedule.hpp"
#include "model/legal_basis.hpp"
#include "support/text.hpp"
#include "support/visible_text.hpp"
#include "writers/explain_document.hpp"
#include "writers/inputs.hpp"
#include "writers/statement_parts.hpp"
#include "writers/table.hpp"

#include <fmt/format.h>

#include <set>

namespace poolkit {

namespace {

// "£1,234.56": an amount in prose. A negative one keeps display's brackets: "£(1,234.56)".
std::string pounds(Money m) {
    return "£" + format_display(m);
}

std::string percent(Money part, Money whole) {
    if (!whole.is_positive()) return "-";
    return format_percent(Rational(part.pence(), whole.pence()), 2);
}

const char* sector_phrase(Sector s) {
    switch (s) {
    case Sector::nhs:
        return "an NHS body";
    case Sector::local_authority:
        return "a local authority";
    case Sector::other:
        return "another kind of body (sector \"other\")";
    }
    return "?";
}

std::string partner_name(const Agreement& a, std::size_t p) {
    return fmt::format("{} ({})", a.partners[p].name, a.partners[p].id);
}

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
        parts.push_back(fmt::format("{} {}", a.partners[p].id, format_percent(f, 4)));
    return and_list(parts);
}

// Who bears (an overspend) or gets (an underspend) by `rule`, as the end of a sentence.
// `per_scheme`: the rule shares one scheme's variance (basis scheme or offset, or an override).
std::string rule_phrase(const Agreement& a, const ShareRule& r, bool underspend, bool per_scheme) {
    switch (r.kind) {
    case RuleKind::contributions:
        if (per_scheme)
            return underspend
                       ? "returned to the partners in proportion to their contributions to "
                         "that scheme"
                       : "shared in proportion to the partners' contributions to that scheme";
        return fmt::format("{} in proportion to {} contributions to the fund ({})",
                           underspend ? "returned to the partners" : "shared",
                           underspend ? "their" : "the partners'", pool_weights(a));
    case RuleKind::lead:
        return underspend ? "given to the scheme's lead commissioner"
                          : "borne in full by the scheme's lead commissioner";
    case RuleKind::host:
        return fmt::format("{} the host, {}", underspend ? "given to" : "borne in full by",
                           a.host ? partner_name(a, *a.host) : std::string("(none)"));
    case RuleKind::split:
        return fmt::format("split {}", split_list(a, r));
    case RuleKind::carry_forward:
        return "kept in the pool and carried forward to next year";
    case RuleKind::tiers:
        return "shared in tiers (below)";
    }
    return "?";
}

std::string profile_phrase(const Profile& p) {
    switch (p.form) {
    case Profile::Form::even:
        return "even";
    case Profile::Form::weights:
        return "weighted";
    case Profile::Form::amounts:
        return "amounts";
    }
    return "?";
}

// The contribution terms of a scheme or of the pool, as written, with what they come to.
std::string terms_phrase(const Agreement& a, const std::vector<ContributionTerm>& terms,
                         const std::vector<Money>* resolved, Money budget) {
    std::vector<std::string> parts, none;
    for (const auto& t : terms) {
        const std::string& id = a.partners[t.partner].id;
        Money amount = resolved ? (*resolved)[t.partner] : Money{};
        if (resolved && amount.is_zero()) {
            none.push_back(id);
            continue;
        }
        switch (t.form) {
        case ContributionTerm::Form::percent:
            parts.push_back(resolved ? fmt::format("{} {} ({})", id, format_percent(t.percent, 4),
                                                   pounds(amount))
                                     : fmt::format("{} {}", id, format_percent(t.percent, 4)));
            break;
        case ContributionTerm::Form::amount:
            parts.push_back(resolved ? fmt::format("{} {} ({})", id, pounds(t.amount),
                                                   percent(t.amount, budget))
                                     : fmt::format("{} {}", id, pounds(t.amount)));
            break;
        case ContributionTerm::Form::rest:
            parts.push_back(resolved ? fmt::format("{} the rest, {} ({})", id, pounds(amount),
                                                   percent(amount, budget))
                                     : fmt::format("{} the rest", id));
            break;
        }
    }
    std::string out = and_list(parts);
    if (!none.empty()) out += fmt::format("; nothing from {}", and_list(none));
    return out;
}

void what_it_is(ExplainDocument& d, const Agreement& a) {
    d.heading("What it is");
    std::string host = a.host ? partner_name(a, *a.host) : std::string("the host");
    std::string kind;
    switch (a.kind) {
    case AgreementKind::pooled:
        kind = fmt::format(
            "A pooled fund: the partners pay contributions into one fund, held by the host, {}, "
            "and the fund pays for the schemes below. At the year end the fund's overspend or "
            "underspend is shared between the partners by the risk-share terms below.",
            host);
        break;
    case AgreementKind::aligned:
        kind =
            "An aligned budget: each partner keeps its own part of each scheme's budget and pays "
            "its own bills from it; the budgets are only monitored and reported together. No "
            "money moves between the partners, there is no host, and each partner bears the "
            "over- or underspend on its own part (each keeps its own statutory duties).";
        break;
    case AgreementKind::joint:
        kind = fmt::format(
            "A joint budget: the host, {}, spends on the schemes below and invoices the other "
            "partners each month for their agreed share of the actual spending to date, less what "
            "each spent on the schemes itself and what it was invoiced before. Nothing is paid in "
            "advance, and each partner bears its agreed share of each scheme's actual spending, "
            "over or under budget.",
            host);
        break;
    }
    d.paragraph(kind);
    d.paragraph(fmt::format("It covers {} scheme{} with budgets of {} in all, for the financial "
                            "year {} ({} to {}).",
                            a.schemes.size(), a.schemes.size() == 1 ? "" : "s",
                            pounds(a.total_budget()), a.year.label(), a.year.start_date(),
                            a.year.period_end_date(12)));
}

void legal_basis(ExplainDocument& d, const Agreement& a) {
    d.heading("The legal basis");
    auto lb = recognise_legal_basis(a.legal_basis);
    if (!lb) {
        d.paragraph(fmt::format("The agreement cites \"{}\", which is not a legal basis poolkit "
                                "knows, so its rules could not be checked (see the findings).",
                                a.legal_basis));
        return;
    }
    std::string cites =
        a.legal_basis == lb->name
            ? fmt::format("The agreement is made under {}", lb->name)
            : fmt::format("The agreement cites \"{}\", that is {}", a.legal_basis, lb->name);
    std::string kind_note;
    if (lb->allows_pool && a.kind == AgreementKind::aligned)
        kind_note = " An aligned budget uses none of it for a pooled fund: each partner's money "
                    "stays its own, and only the arrangements for the functions are joint.";
    else if (lb->allows_pool && a.kind == AgreementKind::joint)
        kind_note = " In a joint budget the host carries out the functions for the partners and "
                    "recharges them; no pooled fund holds their money in advance.";
    d.paragraph(
        fmt::format("{}, which {} (Source: {}.){}", cites, lb->meaning, lb->source, kind_note));

    std::vector<std::string> checks;
    if (!lb->repealed_by.empty())
        checks.push_back(fmt::format("It is repealed: it is now {}, whose rules poolkit checks "
                                     "(see the findings).",
                                     lb->repealed_by));
    if (lb->needs_nhs_and_la) {
        std::vector<std::string> nhs, la;
        for (const auto& p : a.partners) {
            if (p.sector == Sector::nhs) nhs.push_back(p.id);
            if (p.sector == Sector::local_authority) la.push_back(p.id);
        }
        checks.push_back(fmt::format(
            "It needs at least one NHS body and one local authority among the partners: the NHS "
            "{} {} and the local {} {}.",
            nhs.size() == 1 ? "body is" : "bodies are", and_list(nhs),
            la.size() == 1 ? "authority is" : "authorities are", and_list(la)));
    }
    if (lb->excludes_nhs_functions) {
        std::vector<std::string> fs;
        for (auto f : excluded_nhs_functions())
            fs.emplace_back(f);
        std::size_t unstated = 0;
        for (const auto& s : a.schemes)
            unstated += !s.function;
        std::string note =
            unstated == 0 ? "none of the schemes' stated functions is one of them"
            : unstated == a.schemes.size()
                ? "no scheme states its `function`, so poolkit could not check them"
                : fmt::format("none of the stated functions is one of them ({} scheme{} state{} "
                              "no `function` and could not be checked)",
                              unstated, unstated == 1 ? "" : "s", unstated == 1 ? "s" : "");
        checks.push_back(fmt::format("Some NHS functions cannot be part of the arrangements ({}): "
                                     "{}.",
                                     and_list(fs), note));
    }
    if (lb->nhs_bodies_only) checks.push_back("It is for joint working between NHS bodies.");
    if (!lb->allows_pool)
        checks.push_back(
            fmt::format("It is a power to make one-way payments, not to pool "
                        "funds: this {} does not pool money.",
                        a.kind == AgreementKind::aligned ? "aligned budget" : "joint budget"));
    if (!checks.empty()) d.bullets(std::move(checks));
}

void partners(ExplainDocument& d, const Agreement& a) {
    d.heading("The partners");
    const auto totals = a.partner_contributions();
    const Money total = a.total_budget();
    std::vector<std::string> items;
    for (std::size_t p = 0; p < a.partners.size(); ++p) {
        const Partner& pt = a.partners[p];
        std::string role = a.host && *a.host == p ? ", and the host" : "";
        std::string money;
        switch (a.kind) {
        case AgreementKind::pooled:
            money = fmt::format("contributes {} a year, {} of the fund", pounds(totals[p]),
                                percent(totals[p], total));
            break;
        case AgreementKind::aligned:
            money = fmt::format("holds {} of the budgets itself, {}", pounds(totals[p]),
                                percent(totals[p], total));
            break;
        case AgreementKind::joint:
            money = fmt::format("its agreed share of the budgets is {}, {}", pounds(totals[p]),
                                percent(totals[p], total));
            break;
        }
        items.push_back(fmt::format("{}: {}, {}{}; {}.", pt.id, pt.name, sector_phrase(pt.sector),
                                    role, money));
    }
    d.paragraph(fmt::format("{} partners; the figures are their totals over all the schemes:",
                            a.partners.size()));
    d.bullets(std::move(items));
}

void hosting(ExplainDocument& d, const Agreement& a) {
    d.heading("Who hosts and manages it");
    switch (a.kind) {
    case AgreementKind::pooled: {
        std::string s = fmt::format(
            "{} hosts the fund: it receives the contributions, keeps the fund's accounts, pays "
            "the suppliers from it and prepares the memorandum account at the year end.",
            partner_name(a, *a.host));
        s += a.pooled_fund_manager.empty()
                 ? " The agreement names no pooled fund manager."
                 : fmt::format(" The pooled fund manager, who runs the fund and reports to the "
                               "partners, is the {}.",
                               a.pooled_fund_manager);
        d.paragraph(s);
        std::string ob;
        const RiskBasis basis = effective_risk_share(a)->basis;
        if (a.opening_balance.is_zero())
            ob = "The fund starts the year with nothing brought forward (opening balance £0.00).";
        else if (a.opening_balance.is_positive())
            ob = fmt::format(
                "The fund starts the year with a surplus of {} brought forward. It meets the "
                "year's overspend before any partner bears it ({}); what is left of it is carried "
                "forward.",
                pounds(a.opening_balance),
                basis == RiskBasis::pool     ? "against the net overspend of the fund"
                : basis == RiskBasis::scheme ? "against the overspent schemes, pro rata to their "
                                               "overspends"
                                             : "against what is left of the overspends after the "
                                               "offsetting, pro rata to it");
        else
            ob = fmt::format("The fund starts the year with a deficit of {} brought forward. It is "
                             "recovered this year, first and as a step of its own: the partners "
                             "meet it in proportion to their contributions to the fund, outside "
                             "any cap.",
                             pounds(-a.opening_balance));
        d.paragraph(ob);
        break;
    }
    case AgreementKind::joint:
        d.paragraph(fmt::format(
            "{} hosts the budget: it buys the services, pays the suppliers and invoices the other "
            "partners.{}",
            partner_name(a, *a.host),
            a.pooled_fund_manager.empty()
                ? std::string(" The agreement names no budget manager.")
                : fmt::format(" The budget is managed by the {}.", a.pooled_fund_manager)));
        break;
    case AgreementKind::aligned:
        d.paragraph(fmt::format(
            "There is no host: each partner holds and spends its own part.{}",
            a.pooled_fund_manager.empty()
                ? std::string()
                : fmt::format(" The agreement names as manager the {}.", a.pooled_fund_manager)));
        break;
    }
}

void contributions(ExplainDocument& d, const Agreement& a) {
    d.heading(a.kind == AgreementKind::pooled    ? "Contributions"
              : a.kind == AgreementKind::aligned ? "Each partner's part"
                                                 : "Agreed shares");
    std::vector<const Scheme*> own;
    for (const auto& s : a.schemes)
        if (!s.contribution_terms.empty()) own.push_back(&s);
    if (!a.pool_contributions.empty()) {
        bool amounts = false;
        for (const auto& t : a.pool_contributions)
            amounts = amounts || t.form == ContributionTerm::Form::amount;
        d.paragraph(fmt::format(
            "The default split (the [contributions] table) is {}. Each scheme that states no "
            "contributions of its own is split in {}, to the penny.",
            terms_phrase(a, a.pool_contributions, nullptr, Money{}),
            amounts ? "the proportions of these amounts" : "these proportions"));
    } else {
        d.paragraph("There is no default split: every scheme states its own contributions.");
    }
    if (own.empty()) return;
    if (!a.pool_contributions.empty())
        d.paragraph(fmt::format("{} of the {} schemes state{} {} own:", own.size(),
                                a.schemes.size(), own.size() == 1 ? "s" : "",
                                own.size() == 1 ? "its" : "their"));
    std::vector<std::string> items;
    for (const Scheme* s : own)
        items.push_back(
            fmt::format("{} {} ({}): {}.", s->id, s->name, pounds(s->budget),
                        terms_phrase(a, s->contribution_terms, &s->contributions, s->budget)));
    d.bullets(std::move(items));
}

void schemes(ExplainDocument& d, const Agreement& a) {
    d.heading("The schemes");
    d.paragraph("Each scheme is a budget line with its lead commissioner, the partner that "
                "commissions it; its phasing spreads the budget over the twelve months for "
                "monitoring: even (a twelfth a month), weighted (by twelve stated weights) or "
                "amounts (twelve stated amounts). Its function is what it pays for.");
    Table t({{"Scheme", false},
             {"Budget", true},
             {"Lead", false},
             {"Phasing", false},
             {"Function", false}});
    for (const auto& s : a.schemes)
        t.add_row({text_cell(s.id + " " + s.name), num_cell(format_display(s.budget)),
                   text_cell(s.lead ? a.partners[*s.lead].id : "none"),
                   text_cell(profile_phrase(s.profile)),
                   text_cell(s.function ? *s.function : "(not stated)")});
    t.add_rule();
    t.add_row({text_cell("Total"), num_cell(format_display(a.total_budget())), text_cell(""),
               text_cell(""), text_cell("")});
    d.table(std::move(t));
}

std::string basis_sentence(RiskBasis b) {
    switch (b) {
    case RiskBasis::pool:
        return "Basis `pool`: at the year end the variances of all the schemes are netted, and the "
               "net overspend or underspend of the whole fund is shared once, by the rules below.";
    case RiskBasis::scheme:
        return "Basis `scheme`: each scheme's variance is shared by its own rule (its override, "
               "else the fund's), with no netting: one scheme's underspend does not reduce "
               "another's overspend.";
    case RiskBasis::offset:
        return "Basis `offset`: underspends first offset the overspends, pro rata to each "
               "overspend, and the underspend used is taken from the underspent schemes pro rata "
               "to their underspends. Each scheme's remaining overspend is then shared by its own "
               "rule (its override, else the fund's); what each underspent scheme has left goes "
               "back by its own underspend rule, on that scheme's contributions: money not spent "
               "returns to those who funded it.";
    }
    return "?";
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

void caps(ExplainDocument& d, const Agreement& a, const RiskShare& rs) {
    const std::size_t n = a.partners.size();
    const auto weights = a.partner_contributions();
    std::vector<std::string> capped;
    bool takers = false; // an uncapped partner with a contribution can take any excess
    BigInt cap_pence = 0;
    for (std::size_t p = 0; p < n; ++p) {
        if (p < rs.caps.size() && rs.caps[p]) {
            capped.push_back(
                fmt::format("{} bears at most {}", partner_name(a, p), pounds(*rs.caps[p])));
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

void risk_share(ExplainDocument& d, const Agreement& a) {
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
                    rest = partner_name(a, t.partner);
                else
                    amounts.push_back(
                        fmt::format("{} {}", a.partners[t.partner].id, pounds(t.amount)));
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
    d.paragraph(basis_sentence(rs.basis));
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
                       ? fmt::format(", {}", partner_name(a, *s.lead))
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

void schedule(ExplainDocument& d, const Agreement& a) {
    d.heading("Payment schedule");
    ContributionSchedule sched = build_schedule(a);
    if (!sched.has_instalments()) {
        d.paragraph(schedule_note(a, sched));
        return;
    }
    std::vector<std::string> when;
    for (int p : sched.periods)
        when.push_back(a.year.period_long(p));
    std::string how;
    switch (sched.frequency) {
    case PaymentSchedule::monthly:
        how = "monthly, in 12 equal instalments, one each period";
        break;
    case PaymentSchedule::quarterly_in_advance:
        how = fmt::format("quarterly in advance, in 4 equal instalments: {}", and_list(when));
        break;
    case PaymentSchedule::annual_in_advance:
        how = fmt::format("annually in advance, in one instalment in {}", when.front());
        break;
    }
    d.paragraph(fmt::format("Each partner pays its contribution to the host {}. Where a "
                            "contribution does not divide exactly, the odd pence fall in the "
                            "earlier instalments, so the instalments sum to it exactly.",
                            how));
    std::vector<Table::Column> cols{{"Period", false}};
    for (const auto& p : a.partners)
        cols.push_back({p.id, true});
    cols.push_back({"Total", true});
    Table t(std::move(cols));
    for (int period : sched.periods) {
        std::vector<Cell> row{text_cell(a.year.period_long(period))};
        for (std::size_t p = 0; p < a.partners.size(); ++p)
            row.push_back(num_cell(format_display(sched.due[p][period - 1])));
        row.push_back(num_cell(format_display(sched.period_total(period))));
        t.add_row(std::move(row));
    }
    t.add_rule();
    std::vector<Cell> total{text_cell("Total")};
    Money all;
    for (std::size_t p = 0; p < a.partners.size(); ++p) {
        all += sched.due_to(p, 12);
        total.push_back(num_cell(format_display(sched.due_to(p, 12))));
    }
    total.push_back(num_cell(format_display(all)));
    t.add_row(std::move(total));
    d.table(std::move(t));
}

void monitoring(ExplainDocument& d, const Agreement& a) {
    d.heading("Monitoring");
    // SPEC §3: either direction; an underspend needs an action plan as an overspend does.
    d.paragraph(fmt::format(
        "Each month every scheme's forecast outturn is compared with its budget: a forecast "
        "variance of {} of the budget or more, over or under, is rated amber, {} or more red, and "
        "needs an action plan (an underspend as much as an overspend); a smaller variance is "
        "green, and a scheme with no budget has no rating.",
        format_percent(a.monitoring.amber, 4), format_percent(a.monitoring.red, 4)));
}

// A finding or a message quotes the file: shown visibly, a newline in it cannot start a line.
std::string finding_item(const Finding& f) {
    std::string place = visible(f.where.str());
    return fmt::format("{}{}\nWhy it matters: {}\nConsider: {}", place.empty() ? "" : place + ": ",
                       visible(f.what), visible(f.why), visible(f.consider));
}

void findings(ExplainDocument& d, const Explanation& e) {
    d.heading("Findings");
    std::vector<std::string> errors, warnings;
    for (const auto& dg : shown_diagnostics(e)) {
        std::string place = visible(dg.where.str());
        (dg.severity == Severity::error ? errors : warnings)
            .push_back(place.empty() ? visible(dg.message) : place + ": " + visible(dg.message));
    }
    for (const auto& f : e.findings)
        warnings.push_back(finding_item(f));
    if (errors.empty())
        d.paragraph("No errors: the agreement meets every rule poolkit checks (SPEC section 3).");
    else {
        d.paragraph(fmt::format("{} error{}: the agreement is not valid until {} fixed.",
                                errors.size(), errors.size() == 1 ? "" : "s",
                                errors.size() == 1 ? "it is" : "they are"));
        d.numbered(std::move(errors));
    }
    if (warnings.empty()) {
        d.paragraph("No warnings: no term poolkit knows to be risky.");
        return;
    }
    d.paragraph(fmt::format("{} warning{}: term{} that {} lawful but carr{} a risk the partners "
                            "should take on knowingly.",
                            warnings.size(), warnings.size() == 1 ? "" : "s",
                            warnings.size() == 1 ? "" : "s", warnings.size() == 1 ? "is" : "are",
                            warnings.size() == 1 ? "ies" : "y"));
    d.numbered(std::move(warnings));
}

ExplainDocument build(const Explanation& e) {
    if (!e.agreement) {
        ExplainDocument d(fmt::format("{}: not a valid agreement",
                                      e.path == "-" ? std::string("<stdin>") : visible(e.path)));
        d.paragraph("Its terms are not explained until its errors are fixed: an account of terms "
                    "that break the rules of SPEC section 3 could mislead.");
        findings(d, e);
        d.verbatim(run_footer(e.run));
        return d;
    }
    const Agreement& a = *e.agreement;
    ExplainDocument d(fmt::format("{} ({})", visible(a.title), visible(a.id)));
    d.paragraph(fmt::format("The terms of the agreement in plain English: {}, {}.",
                            kind_phrase(a.kind), a.legal_basis));
    what_it_is(d, a);
    legal_basis(d, a);
    partners(d, a);
    hosting(d, a);
    contributions(d, a);
    schemes(d, a);
    risk_share(d, a);
    schedule(d, a);
    monitoring(d, a);
    findings(d, e);
    d.verbatim(run_footer(e.run));
    return d;
}

} // namespace

Explanation make_explanation(const Agreement* agreement, std::string path, Diagnostics diagnostics,
                             RunRecord run) {
    Explanation e;
    e.agreement = agreement;
    e.path = std::move(path);
    e.diagnostics = std::move(diagnostics);
    e.run = std::move(run);
    if (agreement) e.findings = agreement_findings(*agreement);
    return e;
}

std::vector<Diagnostic> shown_diagnostics(const Explanation& e) {
    std::set<std::string> restated;
    for (const auto& f : e.findings)
        if (f.restates_loader_warning) restated.insert(f.where.str());
    std::vector<Diagnostic> out;
    for (const auto& d : e.diagnostics.items)
        if (d.severity == Severity::error || !restated.count(d.where.str())) out.push_back(d);
    return out;
}

std::string explain_text(const Explanation& e) {
    return build(e).text();
}

std::string explain_markdown(const Explanation& e) {
    return build(e).markdown();
}

void write_findings_json(JsonWriter& j, const std::vector<Finding>& findings) {
    j.key("findings").begin_array();
    for (const auto& f : findings) {
        j.begin_object();
        j.field("code", f.code);
        j.field("file", f.where.file);
        j.field("line", static_cast<std::int64_t>(f.where.line));
        j.field("column", static_cast<std::int64_t>(f.where.column));
        j.field("severity", "warning");
        j.field("message", f.what);
        j.field("why", f.why);
        j.field("consider", f.consider);
        j.end_object();
    }
    j.end_array();
}

} // namespace poolkit
