// The terms of an agreement in plain English (SPEC §5 --explain): what it is, its legal basis,
// the partners, who hosts it, the contributions, the schemes, the payment schedule and the
// monitoring thresholds.
#include "writers/explain_parts.hpp"
#include "writers/statement_parts.hpp"

#include "calc/schedule.hpp"
#include "model/legal_basis.hpp"
#include "support/text.hpp"
#include "writers/table.hpp"

#include <fmt/format.h>

namespace poolkit::explain_parts {

std::string percent(Money part, Money whole) {
    if (!whole.is_positive()) return "-";
    return format_percent(Rational(part.pence(), whole.pence()), 2);
}

namespace {

// The contribution terms of a scheme or of the pool, as written, with what they come to.
std::string terms_phrase(const Agreement& a, const std::vector<ContributionTerm>& terms,
                         const std::vector<Money>* resolved, Money budget) {
    std::vector<std::string> parts, none;
    for (const auto& t : terms) {
        const std::string& id = a.partner(t.partner).id;
        Money amount = resolved ? (*resolved)[to_size(t.partner)] : Money{};
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

} // namespace

void what_it_is(Document& d, const Agreement& a) {
    d.heading("What it is");
    std::string host = a.host ? partner_label(a.partner(*a.host)) : std::string("the host");
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
                            a.year.end_date()));
}

void legal_basis(Document& d, const Agreement& a) {
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

void partners(Document& d, const Agreement& a) {
    d.heading("The partners");
    const auto totals = a.partner_contributions();
    const Money total = a.total_budget();
    std::vector<std::string> items;
    for (std::size_t p = 0; p < a.partners.size(); ++p) {
        const Partner& pt = a.partners[p];
        std::string role = a.is_host(PartnerIndex{p}) ? ", and the host" : "";
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
        items.push_back(fmt::format("{}: {}, {}{}; {}.", pt.id, pt.name, sectors.words(pt.sector),
                                    role, money));
    }
    d.paragraph(fmt::format("{} partners; the figures are their totals over all the schemes:",
                            a.partners.size()));
    d.bullets(std::move(items));
}

void hosting(Document& d, const Agreement& a) {
    d.heading("Who hosts and manages it");
    switch (a.kind) {
    case AgreementKind::pooled: {
        std::string s = fmt::format(
            "{} hosts the fund: it receives the contributions, keeps the fund's accounts, pays "
            "the suppliers from it and prepares the memorandum account at the year end.",
            partner_label(a.partner(*a.host)));
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
            partner_label(a.partner(*a.host)),
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

void contributions(Document& d, const Agreement& a) {
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

void schemes(Document& d, const Agreement& a) {
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
    for (const auto& s : a.schemes) {
        if (s.added_from) continue; // a variation adds it: told with the variations (SPEC §14)
        t.add_row({text_cell(s.id + " " + s.name), money_cell(s.budget, true),
                   text_cell(s.lead ? a.partner(*s.lead).id : "none"),
                   text_cell(std::string(profile_forms.words(s.profile.form))),
                   text_cell(s.function ? *s.function : "(not stated)")});
    }
    t.add_rule();
    t.add_row({text_cell("Total"), money_cell(a.total_budget(), true), text_cell(""), text_cell(""),
               text_cell("")});
    d.table(std::move(t));
}

void schedule(Document& d, const Agreement& a) {
    d.heading("Payment schedule");
    ContributionSchedule sched = build_schedule(a);
    if (!sched.has_instalments()) {
        d.paragraph(schedule_note(a, sched));
        return;
    }
    std::vector<std::string> when;
    for (Period p : sched.periods)
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
    d.table(schedule_table(a, sched, true));
}

void monitoring(Document& d, const Agreement& a) {
    d.heading("Monitoring");
    // SPEC §3: either direction; an underspend needs an action plan as an overspend does.
    d.paragraph(fmt::format(
        "Each month every scheme's forecast outturn is compared with its budget: a forecast "
        "variance of {} of the budget or more, over or under, is rated amber, {} or more red, and "
        "needs an action plan (an underspend as much as an overspend); a smaller variance is "
        "green, and a scheme with no budget has no rating.",
        format_percent(a.monitoring.amber, 4), format_percent(a.monitoring.red, 4)));
}

} // namespace poolkit::explain_parts
