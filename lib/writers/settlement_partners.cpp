#include "writers/settlement_partners.hpp"

#include "writers/partner_table.hpp"

namespace poolkit {

namespace {

using Column = PartnerColumn<PartnerSettlement>;

bool a_kind_settles(AgreementKind kind) {
    return kind != AgreementKind::aligned;
}

// `cash`: the cash came from a register, so reimbursements and settlement rows are shown (without
// one they are all 0.00, in JSON only).
std::vector<Column> columns(AgreementKind kind, bool cash) {
    using P = PartnerSettlement;
    const bool joint = kind == AgreementKind::joint;
    // A joint partner pays invoices: what it was invoiced and paid, none of it the host's.
    const Column::Kind invoiced = joint ? Column::not_for_host : Column::plain;
    std::vector<Column> out{
        {"Contribution", "contribution", &P::contribution},
        {"Risk share", "risk_share", &P::risk_share},
        {joint ? "Final share (charge)" : "Final share", "final_share", &P::final_share},
        {joint ? "Paid (invoiced)" : "Paid", "paid", &P::paid, invoiced},
        {joint ? "Direct spend (own)" : "Direct spend", "direct_spend", &P::direct_spend,
         invoiced}};
    const Column::Kind cash_kind = cash ? invoiced : Column::json_only;
    if (!joint) out.push_back({"Reimbursed", "reimbursed", &P::reimbursed, cash_kind});
    // No total of a pooled fund's balances: the host's own is settled in its own books and the
    // others' are transfers in both directions, so their sum means nothing.
    out.push_back({"Balance", "balance", &P::balance, joint ? invoiced : Column::not_totalled});
    if (joint) {
        out.push_back({"Payments", "payments", &P::payments, invoiced});
        out.push_back({"Outstanding", "outstanding", &P::outstanding, invoiced});
    }
    // What settlement rows of the register have already paid (SPEC §7); the transfer is the rest.
    if (a_kind_settles(kind))
        out.push_back({"Settled already", "settled", &P::settled,
                       cash ? Column::not_for_host : Column::json_only});
    return out;
}

} // namespace

Table settlement_partners_table(const SettlementStatement& st, bool display) {
    const Agreement& a = st.agreement;
    // An aligned budget's host holds nothing for the others (SPEC §1): not marked.
    return partner_table(a, st.settlement.partners,
                         columns(a.kind, st.settlement.cash == CashSource::cash_register), display,
                         {.mark_host = a.kind != AgreementKind::aligned});
}

void write_settlement_partners_json(JsonWriter& json, const SettlementStatement& st) {
    // Every figure, with or without a register (the host has no settlement rows).
    write_partners_json(json, "partners", st.agreement, st.settlement.partners,
                        columns(st.agreement.kind, true));
}

void write_transfers_json(JsonWriter& json, const Agreement& a,
                          const std::vector<Transfer>& transfers) {
    json.objects("transfers", transfers, [&](const Transfer& t) {
        json.field("from", a.partners[t.from].id);
        json.field("to", a.partners[t.to].id);
        json.field("amount", t.amount);
    });
}

} // namespace poolkit
