// pool-recon's statement for people (SPEC §6, §9): the tables of recon_tables.hpp with the
// headings, warnings, notes and charts around them, as one Document for every renderer.
#include "support/text.hpp"
#include "support/visible_text.hpp"
#include "writers/cash_parts.hpp"
#include "writers/document.hpp"
#include "writers/inputs.hpp"
#include "writers/joint_parts.hpp"
#include "writers/partner_pack_writers.hpp"
#include "writers/recon_charts.hpp"
#include "writers/recon_commitments.hpp"
#include "writers/recon_monthly.hpp"
#include "writers/recon_movement.hpp"
#include "writers/recon_statement.hpp"
#include "writers/recon_tables.hpp"
#include "writers/rejected_lines_table.hpp"
#include "writers/statement_parts.hpp"
#include "writers/variation_parts.hpp"

#include <fmt/format.h>

namespace poolkit {

namespace {

std::vector<std::string> heading_lines(const ReconStatement& st) {
    const Agreement& a = st.agreement;
    const Period m = st.recon.period;
    std::vector<std::string> lines;
    lines.push_back(agreement_heading(a));
    lines.push_back(fmt::format("Month-end reconciliation, {} ({} to {})", a.year.period_long(m),
                                a.year.start_date(), a.year.period_end_date(m)));
    if (st.partner) // SPEC §5 --partner: one partner's statement
        lines.push_back("Statement for " + partner_label(a.partner(st.partner->partner)));
    std::string what = fmt::format("{}, {}.", kind_phrase(a.kind), a.legal_basis);
    if (a.host) what += fmt::format(" Host: {}.", a.partner(*a.host).name);
    what += fmt::format(" Forecast: {}.",
                        st.recon.commitments ? "commitments" : forecast_name(st.recon.method));
    lines.push_back(what);
    return lines;
}

// The line a finance officer must not miss: what was read, what was rejected (SPEC §4).
std::vector<std::string> ledger_lines(const ReconStatement& st) {
    const ControlTotals& c = st.control;
    std::string out = ledger_summary(c, st.ledger_files, &st.recon.after_period, st.recon.period);
    if (c.lines_rejected > 0)
        out += st.rejects_path.empty() ? ": see the messages above, or use --rejects FILE"
                                       : fmt::format(": see {}", visible(st.rejects_path));
    std::vector<std::string> lines{out};
    if (st.cash_register) lines.push_back(cash_register_summary(*st.cash_register));
    return lines;
}

std::vector<std::string> warning_lines(const ReconStatement& st) {
    const ControlTotals& c = st.control;
    std::vector<std::string> out;
    if (c.lines_rejected > 0)
        out.push_back(rejected_warning(c.lines_rejected, c.total_rejected, "ledger line"));
    if (std::string cash = cash_rejected_warning(st.cash_register); !cash.empty())
        out.push_back(cash);
    return out;
}

// What the joint statement says under its tables: credit notes, the caps, and where the invoices
// before came from (SPEC §6).
std::string joint_notes(const ReconStatement& st) {
    const Agreement& a = st.agreement;
    const JointInvoicing& j = *st.recon.joint;
    const Period m = st.recon.period;
    std::string out;
    for (const auto& inv : j.invoices)
        if (inv.amount.is_negative())
            out += fmt::format("{}: a credit note of £{}: its charges less its own spending fell "
                               "below what it was invoiced before, so the host owes it the "
                               "difference.\n",
                               a.partner(inv.partner).id, format_display(-inv.amount));
    out += joint_cap_lines(a, j.to_date);
    if (j.forecast.unallocated.is_positive())
        out += fmt::format("Forecast for the year: £{} of the charges would be above a partner's "
                           "contribution plus its cap (unallocated).\n",
                           format_display(j.forecast.unallocated));
    out += "Own spend: what the partner spent itself on the joint schemes (its own ledger), "
           "credited against its charge.\n";
    if (!j.invoiced_before_recomputed)
        out += fmt::format("Invoiced before and paid: the invoice and payment rows of the cash "
                           "register to {}, so a line back-dated into a month already invoiced "
                           "is billed on this invoice.\n",
                           a.year.period_long(m));
    else
        out += "Paid: cash assumed, every invoice taken as paid (no cash register).\n";
    if (j.invoiced_before_recomputed)
        out +=
            !m.previous()
                ? "Invoiced before: nothing (the first period).\n"
                : fmt::format("Invoiced before: recomputed from today's ledgers as the charge less "
                              "own spend to {} (no cash register), so a line back-dated into a "
                              "month already invoiced is never billed. A cash register of the "
                              "invoices issued is recommended (SPEC §10).\n",
                              a.year.period_long(*m.previous()));
    return out;
}

// Spending on a scheme where the partner's own budget is zero (SPEC §6): a finding.
std::vector<std::string> unbudgeted_spend_lines(const ReconStatement& st) {
    const Agreement& a = st.agreement;
    std::vector<std::string> out;
    for (const auto& f : st.recon.aligned)
        if (f.spend_without_budget)
            out.push_back(fmt::format("{}: {} to date on {} {}, where its own budget is {}",
                                      a.partner(f.partner).id, format_display(f.actual_ytd),
                                      a.scheme(f.scheme).id, a.scheme(f.scheme).name,
                                      format_display(f.budget)));
    return out;
}

// Every scheme rated amber or red, over or under, needs an action plan (SPEC §3).
std::vector<std::string> action_plan_lines(const ReconStatement& st) {
    const Agreement& a = st.agreement;
    std::vector<std::string> out;
    for (std::size_t s = 0; s < a.schemes.size(); ++s) {
        const SchemeFigures& f = st.recon.schemes[s];
        if (!f.rag.needs_action_plan() || !f.rag.direction) continue;
        Money size = f.forecast_variance.is_negative() ? -f.forecast_variance : f.forecast_variance;
        // To 0.01%, rounded; but a share just under a threshold is cut instead, so that it never
        // reads as reaching it (11,999.99 of 120,000.00 is 9.99%, amber, not 10%).
        Rational share = size.as_rational() * 10000 / f.budget.as_rational();
        BigInt n = numerator(share), d = denominator(share);
        Rational shown(((2 * n + d) / (2 * d)), 10000), exact = share / 10000;
        for (const Rational& t : {a.monitoring.amber, a.monitoring.red})
            if (exact < t && shown >= t) shown = Rational(n / d, 10000);
        out.push_back(fmt::format("{} {}: forecast {} £{}, {} of its budget ({})", a.schemes[s].id,
                                  a.schemes[s].name, direction_noun(*f.rag.direction),
                                  format_display(size), format_percent(shown, 2),
                                  rag_keyword(*f.rag.rating)));
    }
    return out;
}

std::vector<std::string> share_notes(const ReconStatement& st) {
    std::string out;
    if (st.recon.cash == CashSource::assumed)
        out += "Cash: assumed (contributions received as due, nothing of the direct spend "
               "reimbursed yet); a cash register gives the actual receipts.\n";
    else
        out += fmt::format("Cash: from the cash register (contributions received and direct "
                           "spend reimbursed to {}).\n",
                           st.agreement.year.period_long(st.recon.period));

    out += "Forecast risk share: what each partner would bear (+) or get back (−) at the year "
           "end if the forecast came true, by the agreement's risk share as pool-settle applies "
           "it (with the opening balance).\n";
    const auto& fs = st.recon.forecast_share;
    if (!fs) return lines_of(out);
    if (!fs->opening_applied.is_zero())
        out += fmt::format("Forecast use of the opening balance: £{} ({}).\n",
                           format_display(fs->opening_applied.is_negative() ? -fs->opening_applied
                                                                            : fs->opening_applied),
                           fs->opening_applied.is_negative()
                               ? "the deficit brought forward, recovered from the partners"
                               : "the surplus brought forward, against the overspend");
    if (!fs->carried_forward.is_zero())
        out += fmt::format("Forecast carried forward in the pool: £{}.\n",
                           format_display(fs->carried_forward));
    if (!fs->unallocated.is_zero())
        out += fmt::format("Forecast overspend beyond every cap (unallocated, for the partners to "
                           "agree): £{}.\n",
                           format_display(fs->unallocated));
    return lines_of(out);
}

} // namespace

Document recon_document(const ReconStatement& st) {
    const Agreement& a = st.agreement;
    Document d = statement_document(a, "Month-end reconciliation",
                                    a.year.period_long(st.recon.period), st.recon.period);
    d.title(heading_lines(st));
    std::vector<std::string> warn = warning_lines(st);
    if (st.recon.joint) {
        std::string u = joint_unallocated_warning(st.recon.joint->to_date, "to date");
        if (!u.empty()) warn.push_back(u);
    }
    if (!warn.empty()) d.warning(std::move(warn));
    if (st.partner) { // SPEC §5 --partner: that partner's sections only
        add_partner_pack(d, st);
        add_outside_term(d, a, st.recon.outside_term); // a finding for every reader (SPEC §14)
        return finish_statement(d, ledger_lines(st), st.run, st.thousands);
    }
    add_schemes_section(d, a, recon_schemes_table(st, true), st.recon.outside_term, st.thousands);
    recon_charts(d, st);
    if (st.monthly) {
        d.heading(fmt::format("Month by month, {} to {}", st.monthly->from.label(),
                              st.monthly->to.label()));
        d.table(recon_monthly_table(st, true), "Monthly");
        d.chart(recon_monthly_chart(st));
    }
    if (st.recon.commitments) {
        // SPEC §12: actual + committed after the period (open-ended on its own line) + allowance.
        d.heading(fmt::format("Forecast from commitments (committed after {} to {})",
                              a.year.period_end_date(st.recon.period), a.year.end_date()));
        d.table(recon_commitments_table(st, true), "Commitments");
        if (auto rest = recon_schemes_without_commitments(st); !rest.empty())
            d.notes({fmt::format("No commitments for {}: forecast by the {} method.",
                                 comma_list(rest), forecast_name(st.recon.method))});
        d.heading("Committed by referring partner");
        d.table(recon_referrals_table(st, true), "Referrals");
    }
    if (!st.adjustments.rows.empty()) { // SPEC §12 --adjust: in the forecasts above
        d.heading("Forecast adjustments (in the forecast outturn above)");
        d.table(recon_adjustments_table(st, true), "Adjustments");
    }
    if (st.recon.movement) { // SPEC §12 --previous
        d.heading(fmt::format("Movement against the statement of {} as reported",
                              a.year.period_long(st.recon.movement->against)));
        d.table(recon_movement_table(st, true), "Movement");
    }
    if (auto plans = action_plan_lines(st); !plans.empty()) {
        d.heading(fmt::format("Action plans needed (a forecast variance of {} of the budget or "
                              "more, over or under)",
                              format_percent(a.monitoring.amber, 4)));
        d.bullets(std::move(plans));
    }
    switch (a.kind) {
    case AgreementKind::pooled:
        d.heading("Partners");
        d.table(recon_partners_table(st, true), "Partners");
        d.notes(share_notes(st));
        break;
    case AgreementKind::aligned:
        d.heading("Each partner's own budget (aligned: no money moves between partners)");
        d.table(recon_aligned_table(st, true), "Own budgets");
        if (auto flagged = unbudgeted_spend_lines(st); !flagged.empty()) {
            d.heading("Spending without a budget (correct the coding, or agree a budget for the "
                      "partner)");
            d.bullets(std::move(flagged));
        }
        break;
    case AgreementKind::joint: {
        const JointInvoicing& j = *st.recon.joint;
        d.heading("Charges to date by scheme (each partner's share of the spending, SPEC §6)");
        d.table(joint_charges_table(a, j.to_date, true, "Actual to date"), "Charges");
        d.heading("Partners");
        d.table(recon_partners_table(st, true), "Partners");
        d.heading(fmt::format("Invoices for {} (charge to date - own spend - invoiced before)",
                              a.year.period_long(st.recon.period)));
        d.table(recon_invoices_table(st, true), "Invoices");
        d.notes(lines_of(joint_notes(st)));
        break;
    }
    }
    // The rejected lines as they were read, never restated in £000.
    return finish_statement(d, ledger_lines(st), st.run, st.thousands, [&](Document& out) {
        add_rejected_lines(out, st.rejects, st.control, st.rejects_path);
    });
}

} // namespace poolkit
