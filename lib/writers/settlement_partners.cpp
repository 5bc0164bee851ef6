#include "writers/settlement_partners.hpp"

#include "writers/partner_table.hpp"

namespace poolkit {

namespace {

using Column = PartnerColumn<PartnerSettlement>;

std::vector<Column> columns(AgreementKind kind) {
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
    if (!joint) out.push_back({nullptr, "reimbursed", &P::reimbursed, Column::json_only});
    // No total of a pooled fund's balances: the host's own is settled in its own books and the
    // others' are transfers in both directions, so their sum means nothing.
    out.push_back({"Balance", "balance", &P::balance, joint ? invoiced : Column::not_totalled});
    if (joint) {
        out.push_back({"Payments", "payments", &P::payments, invoiced});
        out.push_back({"Outstanding", "outstanding", &P::outstanding, invoiced});
    }
    return out;
}

} // namespace

Table settlement_partners_table(const SettlementStatement& st, bool display) {
    const Agreement& a = st.agreement;
    // An aligned budget's host holds nothing for the others (SPEC §1): not marked.
    return partner_table(a, st.settlement.partners, columns(a.kind), display,
                         {.mark_host = a.kind != AgreementKind::aligned});
}

void write_settlement_partners_json(JsonWriter& json, const SettlementStatement& st) {
    json.key("partners");
    write_partners_json(json, st.agreement, st.settlement.partners, columns(st.agreement.kind));
}

} // namespace poolkit
