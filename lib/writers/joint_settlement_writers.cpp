#include "writers/joint_settlement_writers.hpp"

#include "writers/joint_parts.hpp"

#include <fmt/format.h>

namespace poolkit {

namespace {

Cell amount_cell(Money m, bool display) {
    return num_cell(display ? format_display(m) : format_plain(m));
}

bool is_host(const Agreement& a, std::size_t p) {
    return a.host && *a.host == p;
}

} // namespace

Table joint_partners_table(const SettlementStatement& st, bool display) {
    const Agreement& a = st.agreement;
    const SettlementResult& r = st.settlement;
    auto money = [&](Money m) { return amount_cell(m, display); };
    Table t(display ? std::vector<Table::Column>{{"Partner", false},
                                                 {"Contribution", true},
                                                 {"Risk share", true},
                                                 {"Final share (charge)", true},
                                                 {"Paid (invoiced)", true},
                                                 {"Direct spend (own)", true},
                                                 {"Balance", true},
                                                 {"Payments", true},
                                                 {"Outstanding", true}}
                    : std::vector<Table::Column>{{"partner", false},
                                                 {"contribution", true},
                                                 {"risk_share", true},
                                                 {"final_share", true},
                                                 {"paid", true},
                                                 {"direct_spend", true},
                                                 {"balance", true},
                                                 {"payments", true},
                                                 {"outstanding", true}});
    PartnerSettlement total;
    for (std::size_t p = 0; p < a.partners.size(); ++p) {
        const PartnerSettlement& ps = r.partners[p];
        const bool host = is_host(a, p);
        std::vector<Cell> cells{text_cell(a.partners[p].id + (display && host ? " (host)" : "")),
                                money(ps.contribution), money(ps.risk_share),
                                money(ps.final_share)};
        for (Money m : {ps.paid, ps.direct_spend, ps.balance, ps.payments, ps.outstanding})
            cells.push_back(host ? num_cell("") : money(m));
        t.add_row(std::move(cells));
        total.contribution += ps.contribution;
        total.final_share += ps.final_share;
        total.risk_share += ps.risk_share;
        total.paid += ps.paid;
        total.direct_spend += ps.direct_spend;
        total.balance += ps.balance;
        total.payments += ps.payments;
        total.outstanding += ps.outstanding;
    }
    if (display) {
        t.add_rule();
        std::vector<Cell> cells{text_cell("Total")};
        for (Money m : {total.contribution, total.risk_share, total.final_share, total.paid,
                        total.direct_spend, total.balance, total.payments, total.outstanding})
            cells.push_back(money(m));
        t.add_row(std::move(cells));
    }
    return t;
}

std::string joint_settlement_notes(const SettlementStatement& st) {
    const Agreement& a = st.agreement;
    const SettlementResult& r = st.settlement;
    std::string out =
        "Charge: the partner's share of the year's spending (SPEC §6 at P12); risk share = charge "
        "- contribution. Direct spend: what the partner spent itself on the joint schemes, "
        "credited against its charge.\n"
        "Paid: the invoices of SPEC §6 worked to P12 from these ledgers (charge - own spending), "
        "as no cash register was given. Cash assumed: every invoice taken as paid (payments = "
        "paid, nothing outstanding). A line back-dated into a month already invoiced counts here "
        "as invoiced although no invoice billed it: a cash register of the invoices issued and "
        "paid is recommended (SPEC §10).\n"
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
    const std::size_t host = *a.host;
    auto money = [&](Money v) { return amount_cell(v, display); };
    Table t(display
                ? std::vector<Table::Column>{{"Recharge statement", false}, {"Amount", true}}
                : std::vector<Table::Column>{{"line", false}, {"item", false}, {"amount", true}});
    auto add = [&](const std::string& line, const std::string& item, Money v) {
        if (display)
            t.add_row({text_cell(item.empty() ? line : "  " + item), money(v)});
        else
            t.add_row({text_cell(line), text_cell(item), money(v)});
    };
    auto group = [&](const std::string& line) {
        if (display) t.add_row({text_cell(line), text_cell("")});
    };
    group("Expenditure on the joint schemes, by scheme");
    for (std::size_t s = 0; s < a.schemes.size(); ++s)
        add("Expenditure by scheme", a.schemes[s].id + " " + a.schemes[s].name,
            m.expenditure_by_scheme[s]);
    add("Total expenditure", "", m.total_expenditure);
    // A sub-analysis of the total, not added again.
    for (std::size_t p = 0; p < a.partners.size(); ++p)
        add("Of which in the ledger of",
            display ? fmt::format("of which in the ledger of {}{}", a.partners[p].id,
                                  p == host ? " (host)" : "")
                    : a.partners[p].id,
            m.expenditure_by_ledger[p]);
    add("Less spent by the other partners themselves", "", -m.partners_expenditure);
    add("Gross expenditure by the host", "", m.host_expenditure);
    group("Income: each partner's charge less its own spending, recharged to it");
    for (std::size_t p = 0; p < a.partners.size(); ++p)
        if (p != host) add("Income", a.partners[p].id, m.income[p]);
    add("Total income", "", m.total_income);
    add("Net cost to the host", "", m.net_cost);
    add("Of which the host's own charge", display ? "of which the host's own charge" : "",
        m.host_charge);
    add("Of which unallocated",
        display ? "of which unallocated (above a cap, for the partners to agree)" : "",
        m.unallocated);
    return t;
}

Table recharge_notes_table(const SettlementStatement& st, bool display) {
    const Agreement& a = st.agreement;
    auto money = [&](Money v) { return amount_cell(v, display); };
    Table t(display ? std::vector<Table::Column>{{"Partner", false},
                                                 {"Agreed contribution", true},
                                                 {"Share of the joint expenditure", true},
                                                 {"Met by its own spending", true},
                                                 {"Recharged by the host", true}}
                    : std::vector<Table::Column>{{"partner", false},
                                                 {"contribution", true},
                                                 {"charge", true},
                                                 {"own_spend", true},
                                                 {"recharged", true}});
    for (std::size_t p = 0; p < a.partners.size(); ++p) {
        const RechargeNote& n = st.joint_memorandum->notes[p];
        const bool host = is_host(a, p);
        t.add_row({text_cell(a.partners[p].id + (display && host ? " (host)" : "")),
                   money(n.contribution), money(n.charge), host ? num_cell("") : money(n.own_spend),
                   host ? num_cell("") : money(n.recharged)});
    }
    return t;
}

void write_joint_partners_json(JsonWriter& json, const SettlementStatement& st) {
    const Agreement& a = st.agreement;
    const SettlementResult& r = st.settlement;
    json.key("partners").begin_array();
    for (std::size_t p = 0; p < a.partners.size(); ++p) {
        const PartnerSettlement& ps = r.partners[p];
        json.begin_object();
        json.field("id", a.partners[p].id);
        json.field("contribution", ps.contribution);
        json.field("risk_share", ps.risk_share);
        json.field("final_share", ps.final_share);
        if (!is_host(a, p)) { // the host is not invoiced (SPEC §7)
            json.field("paid", ps.paid);
            json.field("direct_spend", ps.direct_spend);
            json.field("balance", ps.balance);
            json.field("payments", ps.payments);
            json.field("outstanding", ps.outstanding);
        }
        json.end_object();
    }
    json.end_array();
}

void write_joint_settlement_json(JsonWriter& json, const SettlementStatement& st) {
    const Agreement& a = st.agreement;
    const SettlementResult& r = st.settlement;
    json.field("opening_balance", r.opening_balance);
    json.field("opening_balance_applied", Money{});
    json.field("carried_forward", r.carried_forward);
    json.field("unallocated", r.unallocated);
    json.field("cash", "assumed"); // no register: invoices worked from the ledgers, taken as paid
    json.key("charges");
    write_joint_charges_json(json, a, r.charges);

    if (!st.joint_memorandum) return;
    const RechargeStatement& m = st.joint_memorandum->statement;
    auto by_partner = [&](const std::vector<Money>& xs, bool with_host) {
        json.begin_object();
        for (std::size_t p = 0; p < xs.size() && p < a.partners.size(); ++p)
            if (with_host || !is_host(a, p)) json.field(a.partners[p].id, xs[p]);
        json.end_object();
    };
    json.key("recharge_statement").begin_object();
    json.key("expenditure_by_scheme").begin_object();
    for (std::size_t s = 0; s < a.schemes.size(); ++s)
        json.field(a.schemes[s].id, m.expenditure_by_scheme[s]);
    json.end_object();
    json.field("total_expenditure", m.total_expenditure);
    json.key("expenditure_by_ledger");
    by_partner(m.expenditure_by_ledger, true);
    json.field("partners_expenditure", m.partners_expenditure);
    json.field("host_expenditure", m.host_expenditure);
    json.key("income");
    by_partner(m.income, false);
    json.field("total_income", m.total_income);
    json.field("net_cost", m.net_cost);
    json.field("host_charge", m.host_charge);
    json.field("unallocated", m.unallocated);
    json.end_object();
    json.key("recharge_notes").begin_array();
    for (std::size_t p = 0; p < a.partners.size(); ++p) {
        const RechargeNote& n = st.joint_memorandum->notes[p];
        json.begin_object();
        json.field("id", a.partners[p].id);
        json.field("contribution", n.contribution);
        json.field("charge", n.charge);
        if (!is_host(a, p)) {
            json.field("own_spend", n.own_spend);
            json.field("recharged", n.recharged);
        }
        json.end_object();
    }
    json.end_array();
}

} // namespace poolkit
