#include "writers/memorandum_writers.hpp"

#include "writers/partner_table.hpp"
#include "writers/statement_parts.hpp"

namespace poolkit {

namespace {

// risk share = reserve movement − share of surplus (deficit), the share signed as in the account.
std::vector<PartnerColumn<PartnerNote>> note_columns() {
    using N = PartnerNote;
    return {{"Funding provided to the pool", "funding_provided", &N::funding_provided},
            {"Share of expenditure met from the pool", "expenditure_share", &N::expenditure_share},
            {"Share of surplus (deficit)", "surplus_share", &N::surplus_share},
            {"Share of movement on the balance", "reserve_movement", &N::reserve_movement},
            {"Risk share", "risk_share", &N::risk_share}};
}

} // namespace

Table memorandum_table(const SettlementStatement& st, bool display) {
    const Agreement& a = st.agreement;
    const MemorandumAccount& m = st.memorandum->account;
    // Last year's figure of each line, by where its JSON has it (SPEC §14 --previous-year).
    const PriorYear* py = st.previous_year ? &*st.previous_year : nullptr;
    auto was = [&](const std::string& key) {
        return py ? py->figure("memorandum." + key) : std::nullopt;
    };
    AccountTable t(display, "Memorandum account", py ? py->financial_year.c_str() : nullptr);
    // A line for each partner; last year's figure is its JSON's KEY.PARTNER.
    auto partner_lines = [&](const char* label, const std::vector<Money>& xs, const char* key) {
        for (std::size_t p = 0; p < a.partners.size(); ++p)
            t.add(label, a.partners[p].id, xs[p], was(std::string(key) + "." + a.partners[p].id));
    };
    t.add(display ? "Opening balance brought forward: surplus (deficit)" : "Opening balance", "",
          m.opening_balance, was("opening_balance"));
    t.group("Contributions");
    partner_lines("Contribution", m.contributions, "contributions");
    t.add("Total contributions", "", m.total_contributions, was("total_contributions"));
    t.group("Expenditure by scheme");
    for (std::size_t s = 0; s < a.schemes.size(); ++s)
        t.add("Expenditure by scheme", a.schemes[s].id + " " + a.schemes[s].name,
              m.expenditure_by_scheme[s], was("expenditure_by_scheme." + a.schemes[s].id));
    if (!m.other_income.is_zero()) { // SPEC §4: gross expenditure and other income
        t.add("Gross expenditure", "", m.gross_expenditure, was("gross_expenditure"));
        t.add("Other income", "", m.other_income, was("other_income"));
    }
    t.add("Total expenditure", "", m.total_expenditure, was("total_expenditure"));
    t.add("Surplus (deficit) for the year", "", m.surplus, was("surplus"));
    t.group("Risk share paid in by the partners (surplus returned to them)");
    partner_lines("Allocation", m.allocation, "allocation");
    t.add("Closing balance: surplus (deficit)", "", m.closing_balance, was("closing_balance"));
    // The movement on the balance, and where the expenditure was incurred: analyses of the
    // figures above, not added to them again (SPEC §7).
    t.group("Movement on the balance");
    t.add("Balance brought forward", display ? "brought forward" : "", m.opening_balance,
          was("opening_balance"));
    auto applied = was("opening_balance_applied");
    if (applied) *applied = -*applied;
    if (!m.opening_applied.is_negative())
        t.add("Surplus brought forward used against overspends",
              display ? "surplus brought forward used against this year's overspend" : "",
              -m.opening_applied, applied);
    else
        t.add("Deficit brought forward recovered from the partners",
              display ? "deficit brought forward recovered from the partners" : "",
              -m.opening_applied, applied);
    t.add("Underspend kept in the pool", display ? "this year's underspend kept in the pool" : "",
          m.underspend_carried, was("underspend_carried"));
    auto unallocated = was("unallocated");
    if (unallocated) *unallocated = -*unallocated;
    t.add("Overspend unallocated",
          display ? "overspend unallocated, for the partners to agree" : "", -m.unallocated,
          unallocated);
    t.add("Closing balance", display ? "closing balance" : "", m.closing_balance,
          was("closing_balance"));
    t.group("Analysis of expenditure by the ledger it was incurred in (not added again)");
    partner_lines("Expenditure by ledger", m.expenditure_by_ledger, "expenditure_by_ledger");
    return t.table();
}

std::vector<PartnerNote> previous_notes(const SettlementStatement& st) {
    std::vector<PartnerNote> out;
    for (const Partner& p : st.agreement.partners) {
        auto was = [&](const char* key) {
            return st.previous_year->figure("partner_notes." + p.id + "." + key).value_or(Money());
        };
        out.push_back({.funding_provided = was("funding_provided"),
                       .expenditure_share = was("expenditure_share"),
                       .surplus_share = was("surplus_share"),
                       .reserve_movement = was("reserve_movement"),
                       .risk_share = was("risk_share")});
    }
    return out;
}

Table previous_notes_table(const SettlementStatement& st, bool display) {
    return partner_table(st.agreement, previous_notes(st), note_columns(), display,
                         {.mark_host = false, .total = false});
}

Table partner_notes_table(const SettlementStatement& st, bool display) {
    return partner_table(st.agreement, st.memorandum->notes, note_columns(), display,
                         {.mark_host = false, .total = false});
}

void write_memorandum_json(JsonWriter& json, const SettlementStatement& st) {
    const Agreement& a = st.agreement;
    const MemorandumAccount& m = st.memorandum->account;
    json.key("memorandum").begin_object();
    json.field("opening_balance", m.opening_balance);
    write_partner_amounts(json, "contributions", a, m.contributions);
    json.field("total_contributions", m.total_contributions);
    write_scheme_amounts(json, "expenditure_by_scheme", a, m.expenditure_by_scheme);
    write_partner_amounts(json, "expenditure_by_ledger", a, m.expenditure_by_ledger);
    json.field("gross_expenditure", m.gross_expenditure);
    json.field("other_income", m.other_income);
    json.field("total_expenditure", m.total_expenditure);
    json.field("surplus", m.surplus);
    write_partner_amounts(json, "allocation", a, m.allocation);
    json.field("opening_balance_applied", m.opening_applied);
    json.field("underspend_carried", m.underspend_carried);
    json.field("carried_forward", m.carried_forward);
    json.field("unallocated", m.unallocated);
    json.field("closing_balance", m.closing_balance);
    json.end_object();
    write_partners_json(json, "partner_notes", a, st.memorandum->notes, note_columns());
    if (!st.previous_year) return;
    // Last year's comparatives (SPEC §14), as its statement has them.
    json.key("previous_year").begin_object();
    json.field("financial_year", st.previous_year->financial_year);
    json.key("memorandum").begin_object();
    for (const auto& [key, amount] : st.previous_year->figures)
        if (key.starts_with("memorandum.")) json.field(key.substr(11), amount);
    json.end_object();
    write_partners_json(json, "partner_notes", a, previous_notes(st), note_columns());
    json.end_object();
}

} // namespace poolkit
