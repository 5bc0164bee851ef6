#include "writers/cash_parts.hpp"

#include "support/visible_text.hpp"
#include "writers/statement_parts.hpp"

#include <fmt/format.h>

namespace poolkit {

namespace {

// How each side books a balance of `amount` (+ the partner owes the host): the host a debtor, the
// partner a creditor; the other way round when the host owes it (SPEC §7).
const char* host_books(Money amount) {
    return amount.is_positive() ? "debtor" : amount.is_negative() ? "creditor" : "nil";
}
const char* partner_books(Money amount) {
    return amount.is_positive() ? "creditor" : amount.is_negative() ? "debtor" : "nil";
}

} // namespace

std::string cash_register_summary(const CashRegisterSummary& cash) {
    const ControlTotals& c = cash.totals.rows;
    return fmt::format("Cash register: {}, {} row{} read; {} accepted ({}); {} rejected ({})",
                       visible(cash.file), format_count(c.lines_read), c.lines_read == 1 ? "" : "s",
                       format_count(c.lines_accepted), control_amount(c.total_accepted),
                       format_count(c.lines_rejected), control_amount(c.total_rejected));
}

std::string cash_rejected_warning(const std::optional<CashRegisterSummary>& cash) {
    if (!cash || cash->totals.rows.lines_rejected == 0) return {};
    const ControlTotals& c = cash->totals.rows;
    return rejected_warning(c.lines_rejected, c.total_rejected, "cash register row");
}

void write_cash_register_json(JsonWriter& json, const std::optional<CashRegisterSummary>& cash) {
    if (!cash) return;
    json.key("cash_register").begin_object();
    json.field("file", cash->file);
    write_control_json(json, cash->totals.rows);
    json.key("accepted_by_kind").begin_object();
    for (const CashKindInfo& k : cash_kinds)
        json.field(k.keyword, cash->totals.accepted_by_kind[static_cast<std::size_t>(k.kind)]);
    json.end_object();
    json.end_object();
}

Table year_end_balances_table(const Agreement& a, const SettlementResult& r, bool display) {
    const std::string host = a.partner(*a.host).id;
    FormTable t(display, {{"Partner", "partner"},
                          {"Owed to the host at 31 March", "amount", true},
                          {"In the host's accounts", "host_books"},
                          {"In the partner's accounts", "partner_books"}});
    for (std::size_t p = 0; p < a.partners.size(); ++p) {
        if (a.is_host(PartnerIndex{p})) continue;
        const Money x = r.partners[p].at_year_end;
        const std::string id = a.partners[p].id;
        const Money size = x.is_negative() ? -x : x;
        t.add_row({text_cell(id), t.money(x),
                   text_cell(display && !x.is_zero()
                                 ? fmt::format("{} {} £{}", host_books(x), id, format_display(size))
                                 : host_books(x)),
                   text_cell(display && !x.is_zero() ? fmt::format("{} {} £{}", partner_books(x),
                                                                   host, format_display(size))
                                                     : partner_books(x))});
    }
    return t.table();
}

void write_year_end_balances_json(JsonWriter& json, const Agreement& a, const SettlementResult& r) {
    json.key("balances_at_year_end").begin_array();
    for (std::size_t p = 0; p < a.partners.size(); ++p) {
        if (a.is_host(PartnerIndex{p})) continue;
        const Money x = r.partners[p].at_year_end;
        json.begin_object();
        json.field("partner", a.partners[p].id);
        json.field("amount", x);
        json.field("host_books", host_books(x));
        json.field("partner_books", partner_books(x));
        json.end_object();
    }
    json.end_array();
}

} // namespace poolkit
