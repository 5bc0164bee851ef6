#include "writers/joint_parts.hpp"

#include "writers/statement_parts.hpp"

#include <fmt/format.h>

namespace poolkit {

namespace {

std::string how_charged(const Agreement& a, const SchemeCharge& c, bool display) {
    if (c.recharge == Recharge::fixed && c.rest)
        return display ? fmt::format("fixed; rest {}", a.partner(*c.rest).id) : "fixed";
    if (c.by_pool) return display ? "actual, by pool contributions" : "actual-pool";
    return "actual";
}

} // namespace

Table joint_charges_table(const Agreement& a, const JointCharges& c, bool display,
                          const std::string& spent_header) {
    auto money = [&](Money m) { return money_cell(m, display); };
    std::vector<Table::Column> cols;
    if (display)
        cols = {{"Scheme", false}, {"Recharge", false}, {spent_header, true}};
    else
        cols = {{"scheme", false}, {"recharge", false}, {"rest", false}, {"amount", true}};
    for (const auto& p : a.partners)
        cols.push_back({p.id, true});
    Table t(std::move(cols));
    for (std::size_t s = 0; s < a.schemes.size() && s < c.schemes.size(); ++s) {
        const SchemeCharge& sc = c.schemes[s];
        std::vector<Cell> cells;
        if (display) {
            cells.push_back(text_cell(a.schemes[s].id + " " + a.schemes[s].name));
            cells.push_back(text_cell(how_charged(a, sc, true)));
        } else {
            cells.push_back(text_cell(a.schemes[s].id));
            cells.push_back(text_cell(how_charged(a, sc, false)));
            cells.push_back(text_cell(sc.rest ? a.partner(*sc.rest).id : ""));
        }
        cells.push_back(money(sc.amount));
        for (Money x : sc.parts)
            cells.push_back(money(x));
        t.add_row(std::move(cells));
    }
    if (!display) return t;
    Money spent;
    for (const auto& sc : c.schemes)
        spent += sc.amount;
    auto total_row = [&](const std::string& label, Money first, const std::vector<Money>& xs) {
        std::vector<Cell> cells{text_cell(label), text_cell(""), money(first)};
        for (Money x : xs)
            cells.push_back(money(x));
        t.add_row(std::move(cells));
    };
    t.add_rule();
    if (c.caps.empty()) {
        total_row("Charge", spent, c.charge);
        return t;
    }
    total_row("Before caps", spent, c.before_caps);
    std::vector<Money> cut(a.partners.size());
    for (const ChargeCap& k : c.caps)
        cut[to_size(k.partner)] = -k.excess;
    total_row("Above a cap: unallocated", -c.unallocated, cut);
    total_row("Charge", spent - c.unallocated, c.charge);
    return t;
}

std::string joint_cap_lines(const Agreement& a, const JointCharges& c) {
    std::string out;
    const auto contributions = a.partner_contributions();
    for (const ChargeCap& k : c.caps) {
        const std::size_t p = to_size(k.partner);
        out += fmt::format("{}: charges of £{} are above its contribution £{} plus its cap £{} "
                           "(£{}): £{} is unallocated, charged to no partner (SPEC §6).\n",
                           a.partners[p].id, format_display(k.charged),
                           format_display(contributions[p]),
                           format_display(k.bound - contributions[p]), format_display(k.bound),
                           format_display(k.excess));
    }
    return out;
}

std::string joint_unallocated_warning(const JointCharges& c, const std::string& when) {
    if (!c.unallocated.is_positive()) return {};
    return fmt::format("WARNING: £{} of the charges {} is unallocated: it is above a partner's "
                       "contribution plus its cap, and no other partner is charged it. The "
                       "partners must agree how to meet it.",
                       format_display(c.unallocated), when);
}

void write_joint_charges_json(JsonWriter& json, const Agreement& a, const JointCharges& c) {
    const auto contributions = a.partner_contributions();
    json.begin_object();
    // Charges are written for a period of the year, never before it: value() holds.
    json.field("period", a.year.period_ym(Period::of(c.periods_elapsed).value()));
    json.key("schemes").begin_array();
    for (std::size_t s = 0; s < a.schemes.size() && s < c.schemes.size(); ++s) {
        const SchemeCharge& sc = c.schemes[s];
        json.begin_object();
        json.field("id", a.schemes[s].id);
        json.field("recharge", recharge_name(sc.recharge));
        if (sc.recharge == Recharge::fixed && sc.rest)
            json.field("rest", a.partner(*sc.rest).id);
        else
            json.field("weights", sc.by_pool ? "pool" : "scheme");
        json.field("amount", sc.amount);
        write_partner_amounts(json, "charges", a, sc.parts);
        json.end_object();
    }
    json.end_array();
    write_partner_amounts(json, "before_caps", a, c.before_caps);
    json.objects("caps", c.caps, [&](const ChargeCap& k) {
        json.field("partner", a.partner(k.partner).id);
        json.field("charged", k.charged);
        json.field("cap", k.bound - contributions[to_size(k.partner)]);
        json.field("bound", k.bound);
        json.field("excess", k.excess);
    });
    write_partner_amounts(json, "charge", a, c.charge);
    json.field("unallocated", c.unallocated);
    json.end_object();
}

void write_invoice_fields(JsonWriter& json, const Agreement& a, const JointInvoice& inv) {
    json.field("period", a.year.period_ym(inv.period));
    json.field("charge_to_date", inv.charge_to_date);
    json.field("own_spend_to_date", inv.own_spend_to_date);
    json.field("invoiced_before", inv.invoiced_before);
    json.field("amount", inv.amount);
}

} // namespace poolkit
