#include "writers/joint_settlement_writers.hpp"

#include "writers/joint_parts.hpp"
#include "writers/partner_table.hpp"
#include "writers/statement_parts.hpp"

#include <fmt/format.h>

namespace poolkit {

namespace {

// Each partner's note of the expenditure recharged to it; the host recharges none to itself.
std::vector<PartnerColumn<RechargeNote>> note_columns() {
    using N = RechargeNote;
    using Column = PartnerColumn<RechargeNote>;
    return {{"Agreed contribution", "contribution", &N::contribution},
            {"Share of the joint expenditure", "charge", &N::charge},
            {"Met by its own spending", "own_spend", &N::own_spend, Column::not_for_host},
            {"Recharged by the host", "recharged", &N::recharged, Column::not_for_host}};
}

} // namespace

std::string joint_settlement_notes(const SettlementStatement& st) {
    const Agreement& a = st.agreement;
    const SettlementResult& r = st.settlement;
    std::string out =
        "Charge: the partner's share of the year's spending (SPEC §6 at P12); risk share = charge "
        "- contribution. Direct spend: what the partner spent itself on the joint schemes, "
        "credited against its charge.\n";
    out += r.cash == CashSource::cash_register
               ? "Paid: the invoice rows of the cash register for the year; payments: its payment "
                 "rows; a line back-dated into a month already invoiced and never billed is in "
                 "the balance. Settled already: its settlement rows; the transfer is the rest.\n"
               : "Paid: the invoices of SPEC §6 worked to P12 from these ledgers (charge - own "
                 "spending), as no cash register was given. Cash assumed: every invoice taken as "
                 "paid (payments = paid, nothing outstanding). A line back-dated into a month "
                 "already invoiced counts here as invoiced although no invoice billed it: a cash "
                 "register of the invoices issued and paid is recommended (SPEC §10).\n";
    out +=
        "Balance = charge - direct spend - paid: + the partner owes the host, - the host owes the "
        "partner.\n";
    out += joint_cap_lines(a, r.charges);
    out += fmt::format("Unallocated (charges above a partner's contribution plus its cap, charged "
                       "to no partner): £{}. There is no pool: nothing is carried forward "
                       "(£{}), and there is no opening balance (£{}, none applied).\n",
                       format_display(r.unallocated), format_display(r.carried_forward),
                       format_display(r.opening_balance));
    return out;
}

Table recharge_statement_table(const SettlementStatement& st, bool display) {
    const Agreement& a = st.agreement;
    const RechargeStatement& m = st.joint_memorandum->statement;
    const std::size_t host = to_size(*a.host);
    AccountTable t(display, "Recharge statement");
    t.group("Expenditure on the joint schemes, by scheme");
    for (std::size_t s = 0; s < a.schemes.size(); ++s)
        t.add("Expenditure by scheme", a.schemes[s].id + " " + a.schemes[s].name,
              m.expenditure_by_scheme[s]);
    t.add("Total expenditure", "", m.total_expenditure);
    // A sub-analysis of the total, not added again.
    for (std::size_t p = 0; p < a.partners.size(); ++p)
        t.add("Of which in the ledger of",
              display ? fmt::format("of which in the ledger of {}{}", a.partners[p].id,
                                    p == host ? " (host)" : "")
                      : a.partners[p].id,
              m.expenditure_by_ledger[p]);
    t.add("Less spent by the other partners themselves", "", -m.partners_expenditure);
    t.add("Gross expenditure by the host", "", m.host_expenditure);
    t.group("Income: each partner's charge less its own spending, recharged to it");
    for (std::size_t p = 0; p < a.partners.size(); ++p)
        if (p != host) t.add("Income", a.partners[p].id, m.income[p]);
    t.add("Total income", "", m.total_income);
    t.add("Net cost to the host", "", m.net_cost);
    t.add("Of which the host's own charge", display ? "of which the host's own charge" : "",
          m.host_charge);
    t.add("Of which unallocated",
          display ? "of which unallocated (above a cap, for the partners to agree)" : "",
          m.unallocated);
    return t.table();
}

Table recharge_notes_table(const SettlementStatement& st, bool display) {
    return partner_table(st.agreement, st.joint_memorandum->notes, note_columns(), display,
                         {.total = false});
}

void write_joint_settlement_json(JsonWriter& json, const SettlementStatement& st) {
    const Agreement& a = st.agreement;
    const SettlementResult& r = st.settlement;
    json.field("opening_balance", r.opening_balance);
    json.field("opening_balance_applied", Money{});
    json.field("carried_forward", r.carried_forward);
    json.field("unallocated", r.unallocated);
    // No register: invoices worked from the ledgers, taken as paid (SPEC §7).
    json.field("cash", cash_source_name(r.cash));
    json.key("charges");
    write_joint_charges_json(json, a, r.charges);

    if (!st.joint_memorandum) return;
    const RechargeStatement& m = st.joint_memorandum->statement;
    json.key("recharge_statement").begin_object();
    write_scheme_amounts(json, "expenditure_by_scheme", a, m.expenditure_by_scheme);
    json.field("total_expenditure", m.total_expenditure);
    write_partner_amounts(json, "expenditure_by_ledger", a, m.expenditure_by_ledger);
    json.field("partners_expenditure", m.partners_expenditure);
    json.field("host_expenditure", m.host_expenditure);
    write_partner_amounts(json, "income", a, m.income, false);
    json.field("total_income", m.total_income);
    json.field("net_cost", m.net_cost);
    json.field("host_charge", m.host_charge);
    json.field("unallocated", m.unallocated);
    json.end_object();
    write_partners_json(json, "recharge_notes", a, st.joint_memorandum->notes, note_columns());
}

} // namespace poolkit
