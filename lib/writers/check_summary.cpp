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

std::string summary_lines(const Agreement& a) {
    std::string out;
    out += fmt::format("{} ({})\n", a.title, a.id);
    out += fmt::format("{}, {}. Financial year {} ({} to {}).\n", agreement_kinds.words(a.kind),
                       a.legal_basis, a.year.label(), a.year.start_date(), a.year.end_date());
    if (a.host)
        out += fmt::format("Host: {} ({}).", a.partner(*a.host).name, a.partner(*a.host).id);
    if (!a.pooled_fund_manager.empty())
        out += fmt::format("{}Pooled fund manager: {}.", a.host ? " " : "", a.pooled_fund_manager);
    if (a.host || !a.pooled_fund_manager.empty()) out += "\n";
    if (a.kind == AgreementKind::pooled)
        out += fmt::format("Opening balance: {}.\n", format_display(a.opening_balance));
    out += "\n";

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
                          num_cell(percent_of(totals[p], total))});
    partners.add_rule();
    partners.add_row({text_cell("Total"), text_cell(""), text_cell(""), money_cell(total, true),
                      num_cell(total.is_zero() ? "-" : "100%")});
    out += partners.text() + "\n";

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
    out += schemes.text() + "\n";

    if (a.kind == AgreementKind::joint) {
        // No risk share: the recharges and the caps (SPEC §3, §6).
        out += fmt::format("Recharges: {}.\n", describe_terms(a));
    } else if (a.kind == AgreementKind::pooled) {
        // The effective risk share (SPEC §7): the stated one, or the default, said as such.
        const RiskShare rs = *effective_risk_share(a);
        out += fmt::format("Risk share{}, basis {}:\n  overspend {}\n",
                           risk_share_is_default(a) ? " (the default: no [risk_share])" : "",
                           basis_name(rs.basis), rule_text(a, rs.overspend, false));
        if (rs.overspend.kind == RuleKind::tiers) {
            Money from;
            for (const auto& t : rs.overspend_tiers) {
                out += t.upto ? fmt::format("    {} to {}: {}\n", format_display(from),
                                            format_display(*t.upto), rule_text(a, t.rule, false))
                              : fmt::format("    above {}: {}\n", format_display(from),
                                            rule_text(a, t.rule, false));
                if (t.upto) from = *t.upto;
            }
            if (!rs.overspend_tiers.empty() && rs.overspend_tiers.back().upto)
                out += fmt::format("    above {}: unallocated, for the partners to agree\n",
                                   format_display(from));
        }
        out += fmt::format("  underspend {}\n", rule_text(a, rs.underspend, true));
        std::string caps;
        for (std::size_t p = 0; p < rs.caps.size(); ++p)
            if (rs.caps[p])
                caps += fmt::format("{}{} {}", caps.empty() ? "" : ", ", a.partners[p].id,
                                    format_display(*rs.caps[p]));
        if (!caps.empty()) out += fmt::format("  caps on net risk shares: {}\n", caps);
        for (const auto& s : a.schemes) {
            if (s.overspend)
                out += fmt::format("  {} overspend {}\n", s.id, rule_text(a, *s.overspend, false));
            if (s.underspend)
                out += fmt::format("  {} underspend {}\n", s.id, rule_text(a, *s.underspend, true));
        }
    } else {
        out += "No risk share: each partner bears its own variance.\n";
    }
    out += fmt::format("Monitoring: amber from {}, red from {} forecast variance.\n",
                       format_percent(a.monitoring.amber, 4), format_percent(a.monitoring.red, 4));

    ContributionSchedule sched = build_schedule(a);
    if (!sched.has_instalments()) {
        out += schedule_note(a, sched) + "\n";
        return out;
    }
    out += fmt::format("\nPayment schedule: {}.\n", schedule_name(a.payment_schedule));
    out += schedule_table(a, sched, false).text();
    return out;
}

} // namespace

std::string check_summary(const Agreement& agreement) {
    // SPEC §8: no control character of the agreement reaches the terminal.
    return visible_lines(summary_lines(agreement));
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
