#include "writers/recon_tables.hpp"

#include "writers/figure_columns.hpp"
#include "writers/partner_table.hpp"
#include "writers/rag_parts.hpp"

#include <tuple>

namespace poolkit {

namespace {

// A budget's figures to date (SPEC §6) as the schemes and aligned tables show them, the annual
// budget's column headed `budget`.
std::vector<FigureColumn<BudgetFigures>> budget_columns(const char* budget) {
    using B = BudgetFigures;
    return {{budget, "budget", &B::budget},
            {"Budget to date", "budget_ytd", &B::budget_ytd},
            {"Actual to date", "actual_ytd", &B::actual_ytd},
            {"Variance", "variance_ytd", &B::variance_ytd},
            {"Forecast outturn", "forecast_outturn", &B::forecast_outturn},
            {"Forecast variance", "forecast_variance", &B::forecast_variance}};
}

// The sign of a partner's position in words (SPEC §6): + it owes the host, − the host owes it.
std::string position_words(const PartnerPosition& pos, bool host) {
    if (host) return "holds the fund";
    if (pos.position.is_positive()) return "owes the host";
    if (pos.position.is_negative()) return "is owed by the host";
    return "settled";
}

std::vector<PartnerColumn<PartnerPosition>> pooled_columns() {
    using P = PartnerPosition;
    using Column = PartnerColumn<PartnerPosition>;
    // No total of the positions: each is a partner's own balance with the host, in either
    // direction, and their sum means nothing.
    return {{"Contribution due", "contribution_due_ytd", &P::contribution_due_ytd},
            {"Received", "received_ytd", &P::received_ytd},
            {"Direct spend", "direct_spend_ytd", &P::direct_spend_ytd},
            {"Reimbursed", "reimbursed_ytd", &P::reimbursed_ytd},
            {"Position with host", "position", &P::position, Column::not_totalled},
            {"", nullptr, nullptr, Column::plain, &position_words},
            {"Forecast risk share", "forecast_risk_share", &P::forecast_risk_share}};
}

// Joint (SPEC §6): the host's row has no own spend or invoices.
std::vector<PartnerColumn<JointPartnerFigures>> joint_columns() {
    using J = JointPartnerFigures;
    using Column = PartnerColumn<JointPartnerFigures>;
    return {{"Agreed contribution", "contribution", &J::contribution},
            {"Charge to date", "charge_to_date", &J::charge_to_date},
            {"Own spend", "own_spend_to_date", &J::own_spend_to_date, Column::not_for_host},
            {"Invoiced to date", "invoiced_to_date", &J::invoiced_to_date, Column::not_for_host},
            {"This invoice", "invoice", &J::invoice, Column::not_for_host},
            {"Paid", "paid", &J::paid, Column::not_for_host},
            {"Outstanding", "outstanding", &J::outstanding, Column::not_for_host},
            {"Forecast charge for the year", "forecast_charge", &J::forecast_charge}};
}

} // namespace

Table recon_schemes_table(const ReconStatement& st, bool display) {
    const Agreement& a = st.agreement;
    const auto figures = budget_columns("Annual budget");
    std::vector<FormTable::Column> heads{
        {"Scheme", nullptr}, {nullptr, "scheme"}, {nullptr, "name"}};
    add_figure_columns(heads, figures);
    heads.push_back({"Movement", "forecast_movement", true});
    FormTable t(display, with_rag_columns(std::move(heads)));
    auto row = [&](const std::string& id, const std::string& name, const SchemeFigures& f) {
        std::vector<Cell> cells{text_cell(name.empty() ? id : id + " " + name), text_cell(id),
                                text_cell(name)};
        add_figure_cells(cells, t, f, figures);
        cells.push_back(t.money(f.forecast_movement));
        add_rag_cells(cells, f.rag);
        t.add_row(cells);
    };
    for (std::size_t s = 0; s < a.schemes.size(); ++s)
        row(a.schemes[s].id, a.schemes[s].name, st.recon.schemes[s]);
    t.add_rule();
    row("Total", "", st.recon.total);
    return t.table();
}

Table recon_partners_table(const ReconStatement& st, bool display) {
    if (st.recon.joint)
        return partner_table(st.agreement, st.recon.joint->partners, joint_columns(), display);
    return partner_table(st.agreement, st.recon.partners, pooled_columns(), display);
}

void write_recon_partners_json(JsonWriter& json, const ReconStatement& st) {
    if (st.recon.joint)
        write_partners_json(json, "partners", st.agreement, st.recon.joint->partners,
                            joint_columns());
    else
        write_partners_json(json, "partners", st.agreement, st.recon.partners, pooled_columns());
}

Table recon_invoices_table(const ReconStatement& st, bool display) {
    const Agreement& a = st.agreement;
    FormTable t(display, {{"Partner", "partner"},
                          {nullptr, "period"},
                          {"Charge to date", "charge_to_date", true},
                          {"Own spend credited", "own_spend_to_date", true},
                          {"Invoiced before", "invoiced_before", true},
                          {"Amount", "amount", true},
                          {"", nullptr}});
    for (const auto& inv : st.recon.joint->invoices)
        t.add_row({text_cell(a.partner(inv.partner).id), text_cell(a.year.period_ym(inv.period)),
                   t.money(inv.charge_to_date), t.money(inv.own_spend_to_date),
                   t.money(inv.invoiced_before), t.money(inv.amount),
                   text_cell(inv.amount.is_negative() ? "credit note" : "invoice")});
    return t.table();
}

Table recon_aligned_table(const ReconStatement& st, bool display) {
    const Agreement& a = st.agreement;
    const Reconciliation& r = st.recon;
    const auto figures = budget_columns("Own budget");
    std::vector<FormTable::Column> heads{{"Partner", "partner"}, {"Scheme", "scheme"}};
    add_figure_columns(heads, figures);
    heads.push_back({"Flag", "spend_without_budget"});
    FormTable t(display, heads);
    auto row = [&](std::size_t p, const std::string& scheme, const BudgetFigures& f,
                   const std::string& flag) {
        std::vector<Cell> cells{text_cell(a.partners[p].id), text_cell(scheme)};
        add_figure_cells(cells, t, f, figures);
        cells.push_back(text_cell(flag));
        t.add_row(cells);
    };
    // Each partner's rows, then its subtotal (SPEC §6); a rule between partners.
    for (std::size_t p = 0; p < r.aligned_subtotals.size(); ++p) {
        bool any = false;
        for (const auto& f : r.aligned) {
            if (f.partner != PartnerIndex{p}) continue;
            if (!any && !t.empty()) t.add_rule();
            any = true;
            std::string flag = display ? (f.spend_without_budget ? "no budget" : "")
                                       : (f.spend_without_budget ? "true" : "false");
            row(p, a.scheme(f.scheme).id, f, flag);
        }
        if (!any) continue;
        if (display) t.add_rule();
        row(p, "Total", r.aligned_subtotals[p], "");
    }
    return t.table();
}

Table recon_ledger_table(const ReconStatement& st) {
    const ControlTotals& c = st.control;
    // Of the accepted lines, those after the statement's period (SPEC §4).
    const LineTally& after = st.recon.after_period;
    Table t({{"measure", false}, {"lines", true}, {"amount", true}});
    for (const auto& [measure, lines, amount] :
         {std::tuple{"read", c.lines_read, c.total_read},
          std::tuple{"accepted", c.lines_accepted, c.total_accepted},
          std::tuple{"rejected", c.lines_rejected, c.total_rejected},
          std::tuple{"accepted_after_period", after.lines, after.total}})
        t.add_row({text_cell(measure), count_cell(lines), num_cell(format_plain(amount))});
    // The cash register's control totals beside the ledgers' (SPEC §10).
    if (const auto& cash = st.cash_register)
        for (const auto& [measure, lines, amount] :
             {std::tuple{"cash_read", cash->totals.rows.lines_read, cash->totals.rows.total_read},
              std::tuple{"cash_accepted", cash->totals.rows.lines_accepted,
                         cash->totals.rows.total_accepted},
              std::tuple{"cash_rejected", cash->totals.rows.lines_rejected,
                         cash->totals.rows.total_rejected}})
            t.add_row({text_cell(measure), count_cell(lines), num_cell(format_plain(amount))});
    return t;
}

} // namespace poolkit
