#include "writers/recon_movement.hpp"

#include "model/calendar_day.hpp"
#include "writers/case_parts.hpp"

namespace poolkit {

namespace {

void split_json(JsonWriter& json, Money movement, const std::optional<MovementSplit>& split) {
    json.field("movement", movement);
    if (!split) return;
    json.field("movement_new", split->new_cases);
    json.field("movement_ended", split->ended_cases);
    json.field("movement_rates", split->changed_rates);
    json.field("movement_other", split->rest);
}

} // namespace

Table recon_adjustments_table(const ReconStatement& st, bool display) {
    const Agreement& a = st.agreement;
    FormTable t(display,
                {{"Scheme", "scheme"}, {"Adjustment", "amount", true}, {"Reason", "reason"}});
    Money total;
    for (const ForecastAdjustment& adj : st.adjustments.rows) {
        t.add_row({text_cell(a.scheme(adj.scheme).id), t.money(adj.amount), text_cell(adj.reason)});
        total += adj.amount;
    }
    if (display) {
        t.add_rule();
        t.add_row({text_cell("Total"), t.money(total), text_cell("")});
    }
    return t.table();
}

Table recon_movement_table(const ReconStatement& st, bool display) {
    const Agreement& a = st.agreement;
    const Reconciliation& r = st.recon;
    const ForecastMovement& mv = *r.movement;
    FormTable t(display, {{"Scheme", "scheme"},
                          {"Reported", "previous_forecast_outturn", true},
                          {"Forecast outturn", "forecast_outturn", true},
                          {"Movement", "movement", true},
                          {"New cases", "movement_new", true},
                          {"Ended cases", "movement_ended", true},
                          {"Changed rates", "movement_rates", true},
                          {"Other", "movement_other", true}});
    auto row = [&](std::string name, Money previous, Money forecast, Money movement,
                   const std::optional<MovementSplit>& split) {
        auto part = [&](Money m) { return split ? t.money(m) : num_cell(""); };
        t.add_row(
            {text_cell(std::move(name)), t.money(previous), t.money(forecast), t.money(movement),
             part(split ? split->new_cases : Money{}), part(split ? split->ended_cases : Money{}),
             part(split ? split->changed_rates : Money{}), part(split ? split->rest : Money{})});
    };
    for (std::size_t s = 0; s < a.schemes.size(); ++s)
        row(a.schemes[s].id, mv.previous[s], r.schemes[s].forecast_outturn, mv.movement[s],
            mv.split[s]);
    t.add_rule();
    row("Total", mv.previous_total, r.total.forecast_outturn, mv.movement_total, mv.total_split);
    return t.table();
}

Table recon_cases_table(const ReconStatement& st, bool display) {
    const Agreement& a = st.agreement;
    FormTable t(display, case_columns({{"Planned end", "end"}, {"Committed", "committed", true}}));
    for (const CaseCommitted& c : st.recon.commitments->cases)
        t.add_row(
            case_cells(a, c, {text_cell(c.end ? iso_text(*c.end) : ""), t.money(c.committed)}));
    return t.table();
}

void write_scheme_movement_json(JsonWriter& json, const ReconStatement& st, std::size_t s) {
    const Reconciliation& r = st.recon;
    if (!r.adjustments.empty()) json.field("adjustment", r.adjustments[s]);
    if (r.movement) split_json(json, r.movement->movement[s], r.movement->split[s]);
}

void write_total_movement_json(JsonWriter& json, const ReconStatement& st) {
    const Reconciliation& r = st.recon;
    if (!r.adjustments.empty()) {
        Money total;
        for (Money m : r.adjustments)
            total += m;
        json.field("adjustment", total);
    }
    if (r.movement) split_json(json, r.movement->movement_total, r.movement->total_split);
}

void write_recon_movement_json(JsonWriter& json, const ReconStatement& st) {
    const Agreement& a = st.agreement;
    if (!st.recon.adjustments.empty())
        json.objects("adjustments", st.adjustments.rows, [&](const ForecastAdjustment& adj) {
            json.field("scheme", a.scheme(adj.scheme).id);
            json.field("amount", adj.amount);
            json.field("reason", adj.reason);
        });
    if (st.recon.movement)
        json.field("previous_period", a.year.period_ym(st.recon.movement->against));
}

} // namespace poolkit
