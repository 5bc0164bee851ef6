#include "writers/check_summary.hpp"

#include "calc/schedule.hpp"
#include "support/visible_text.hpp"
#include "writers/settlement_statement.hpp"
#include "writers/statement_parts.hpp"
#include "writers/table.hpp"

#include <fmt/format.h>

namespace poolkit {

namespace {

std::string percent_of(Money part, Money whole) {
    if (whole.is_zero()) return "-";
    return format_percent(Rational(part.pence(), whole.pence()), 2);
}

// The rule's summary words (model/agreement.hpp); a split names its percentages.
std::string rule_text(const Agreement& a, const ShareRule& r, bool underspend) {
    std::string s(rule_entry(r.kind, underspend).summary);
    if (r.kind == RuleKind::split)
        for (std::size_t i = 0; i < r.split.size(); ++i)
            s += fmt::format("{} {} {}", i == 0 ? "" : ",", a.partner(r.split[i].first).id,
                             format_percent(r.split[i].second, 4));
    return s;
}

// The risk share as pool-settle applies it, a line a rule (a tier indented under its rule), for
// the list under "Risk share ...:" (SPEC §7).
std::vector<std::string> risk_share_items(const Agreement& a, const RiskShare& rs) {
    std::vector<std::string> items{"overspend " + rule_text(a, rs.overspend, false)};
    if (rs.overspend.kind == RuleKind::tiers) {
        Money from;
        for (const auto& t : rs.overspend_tiers) {
            items.push_back(t.upto
                                ? fmt::format("  {} to {}: {}", format_display(from),
                                              format_display(*t.upto), rule_text(a, t.rule, false))
                                : fmt::format("  above {}: {}", format_display(from),
                                              rule_text(a, t.rule, false)));
            if (t.upto) from = *t.upto;
        }
        if (!rs.overspend_tiers.empty() && rs.overspend_tiers.back().upto)
            items.push_back(fmt::format("  above {}: unallocated, for the partners to agree",
                                        format_display(from)));
    }
    items.push_back("underspend " + rule_text(a, rs.underspend, true));
    std::string caps;
    for (std::size_t p = 0; p < rs.caps.size(); ++p)
        if (rs.caps[p])
            caps += fmt::format("{}{} {}", caps.empty() ? "" : ", ", a.partners[p].id,
                                format_display(*rs.caps[p]));
    if (!caps.empty()) items.push_back("caps on net risk shares: " + caps);
    for (const auto& s : a.schemes) {
        if (s.overspend)
            items.push_back(
                fmt::format("{} overspend {}", s.id, rule_text(a, *s.overspend, false)));
        if (s.underspend)
            items.push_back(
                fmt::format("{} underspend {}", s.id, rule_text(a, *s.underspend, true)));
    }
    return items;
}

// A partner's share of the whole budget ("33.33%"), with its exact fraction; "-" for none.
Cell share_cell(Money part, Money whole) {
    if (whole.is_zero()) return percent_cell(std::nullopt, "-");
    return percent_cell(Rational(part.pence(), whole.pence()), percent_of(part, whole));
}

} // namespace

Document check_document(const Agreement& a, const RunRecord& run) {
    Document d({fmt::format("{} ({})", a.title, a.id), "Agreement summary", a.id, a.title,
                a.year.label()});
    d.set_created(statement_time(a, Period::last()));
    std::vector<std::string> title{
        fmt::format("{} ({})", a.title, a.id),
        fmt::format("{}, {}. Financial year {} ({} to {}).", agreement_kinds.words(a.kind),
                    a.legal_basis, a.year.label(), a.year.start_date(), a.year.end_date())};
    std::string who;
    if (a.host) who = fmt::format("Host: {} ({}).", a.partner(*a.host).name, a.partner(*a.host).id);
    if (!a.pooled_fund_manager.empty())
        who += fmt::format("{}Pooled fund manager: {}.", a.host ? " " : "", a.pooled_fund_manager);
    if (!who.empty()) title.push_back(who);
    if (a.kind == AgreementKind::pooled)
        title.push_back(fmt::format("Opening balance: {}.", format_display(a.opening_balance)));
    d.title(std::move(title));

    const Money total = a.total_budget();
    const auto totals = a.partner_contributions();
    Table partners({{"Partner", false},
                    {"Name", false},
                    {"Sector", false},
                    {"Contribution", true},
                    {"Share", true}});
    for (std::size_t p = 0; p < a.partners.size(); ++p)
        partners.add_row({text_cell(a.partners[p].id), text_cell(a.partners[p].name),
                          text_cell(sector_name(a.partners[p].sector)), money_cell(totals[p], true),
                          share_cell(totals[p], total)});
    partners.add_rule();
    partners.add_row(
        {text_cell("Total"), text_cell(""), text_cell(""), money_cell(total, true),
         total.is_zero() ? percent_cell(std::nullopt, "-") : percent_cell(Rational(1), "100%")});
    d.table(std::move(partners), "Partners");

    Table schemes({{"Scheme", false},
                   {"Name", false},
                   {"Budget", true},
                   {"Lead", false},
                   {"Profile", false},
                   {"Contributions", false}});
    for (const auto& s : a.schemes)
        schemes.add_row({text_cell(s.id), text_cell(s.name), money_cell(s.budget, true),
                         text_cell(s.lead ? a.partner(*s.lead).id : "-"),
                         text_cell(std::string(profile_forms.keyword(s.profile.form))),
                         text_cell(s.contribution_terms.empty() ? "pool" : "own")});
    schemes.add_rule();
    schemes.add_row({text_cell("Total"), text_cell(""), money_cell(total, true), text_cell(""),
                     text_cell(""), text_cell("")});
    d.table(std::move(schemes), "Schemes");

    if (a.kind == AgreementKind::joint) {
        // No risk share: the recharges and the caps (SPEC §3, §6).
        d.paragraph(fmt::format("Recharges: {}.", describe_terms(a)));
    } else if (a.kind == AgreementKind::pooled) {
        // The effective risk share (SPEC §7): the stated one, or the default, said as such.
        const RiskShare rs = *effective_risk_share(a);
        d.paragraph(fmt::format("Risk share{}, basis {}:",
                                risk_share_is_default(a) ? " (the default: no [risk_share])" : "",
                                basis_name(rs.basis)));
        d.bullets(risk_share_items(a, rs));
    } else {
        d.paragraph("No risk share: each partner bears its own variance.");
    }
    // The thresholds, and the schedule's note when it has no instalments, straight under them.
    std::vector<std::string> under{fmt::format("Monitoring: amber from {}, red from {} forecast "
                                               "variance.",
                                               format_percent(a.monitoring.amber, 4),
                                               format_percent(a.monitoring.red, 4))};
    const ContributionSchedule sched = build_schedule(a);
    if (!sched.has_instalments()) under.push_back(schedule_note(a, sched));
    d.notes(std::move(under));
    if (sched.has_instalments()) {
        d.heading(fmt::format("Payment schedule: {}.", schedule_name(a.payment_schedule)));
        d.table(schedule_table(a, sched, false), "Payment schedule");
    }
    // The agreement's record (its SHA-256: what an auditor was shown), where a format has room
    // for it; the text summary stays one screen.
    d.only_in({DocumentFormat::md, DocumentFormat::html, DocumentFormat::xlsx});
    d.footer({}, run);
    d.in_every_format();
    return d;
}

std::string check_count_line(const std::string& path, const Diagnostics& diags) {
    std::size_t errors = diags.error_count();
    std::size_t warnings = diags.items.size() - errors;
    std::string what;
    if (errors) what = fmt::format("{} error{}", errors, errors == 1 ? "" : "s");
    if (warnings)
        what += fmt::format("{}{} warning{}", what.empty() ? "" : ", ", warnings,
                            warnings == 1 ? "" : "s");
    return fmt::format("pool-check: {}: {}; the agreement is {}\n",
                       path == "-" ? "<stdin>" : visible(path), what,
                       errors ? "not valid" : "valid");
}

} // namespace poolkit
