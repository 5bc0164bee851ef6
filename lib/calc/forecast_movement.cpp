#include "calc/forecast_movement.hpp"

#include "calc/commitments_forecast.hpp"
#include "calc/reconciliation.hpp"
#include "support/error.hpp"

#include <map>
#include <utility>

namespace poolkit {

MovementSplit& MovementSplit::operator+=(const MovementSplit& o) {
    new_cases += o.new_cases;
    ended_cases += o.ended_cases;
    changed_rates += o.changed_rates;
    rest += o.rest;
    return *this;
}

namespace {

using CaseKey = std::pair<std::string, std::size_t>; // case reference, scheme

// One case of this month's register: its cost after the previous period and its planned end.
struct CaseNow {
    Money after_previous; // R
    bool open_ended = false;
    Day end;
};

std::map<CaseKey, CaseNow> cases_now(const CommitmentsRegister& reg, const FinancialYear& fy,
                                     int m0) {
    std::map<CaseKey, CaseNow> out;
    for (const Commitment& row : reg.rows) {
        auto [it, fresh] = out.try_emplace({row.case_ref, to_size(row.scheme)});
        CaseNow& c = it->second;
        c.after_previous += cost_after(row, fy, m0);
        if (!row.end)
            c.open_ended = true;
        else if (fresh || *row.end > c.end)
            c.end = *row.end;
    }
    return out;
}

// Whether the case now ends before it was planned to (SPEC §12 "ended cases").
bool ends_earlier(const CaseNow& now, const PreviousCase& then) {
    if (now.open_ended) return false;
    if (then.open_ended) return true;
    return then.end && now.end < *then.end;
}

} // namespace

ForecastMovement measure_against(Reconciliation& r, const Agreement& a,
                                 const CommitmentsRegister* reg, const PreviousStatement& prev) {
    const std::size_t n = a.schemes.size();
    ForecastMovement out;
    out.against = prev.period;
    out.previous = prev.forecast;
    out.split.resize(n);
    r.total.previous_forecast = Money{};
    r.total.forecast_movement = Money{};
    for (std::size_t s = 0; s < n; ++s) {
        SchemeFigures& f = r.schemes[s];
        f.previous_forecast = prev.forecast[s];
        f.forecast_movement = f.forecast_outturn - f.previous_forecast;
        r.total.previous_forecast += f.previous_forecast;
        r.total.forecast_movement += f.forecast_movement;
        out.movement.push_back(f.forecast_movement);
    }
    out.previous_total = r.total.previous_forecast;
    out.movement_total = r.total.forecast_movement;
    if (!reg || !r.commitments || !prev.cases) return out;

    // A scheme is split when either statement forecast it from commitments.
    for (std::size_t s = 0; s < n; ++s)
        if (r.from_commitments(s) || prev.from_commitments[s]) out.split[s] = MovementSplit{};
    std::map<CaseKey, CaseNow> now = cases_now(*reg, a.year, prev.period.number());
    std::map<CaseKey, const PreviousCase*> then;
    for (const PreviousCase& c : *prev.cases)
        then.emplace(CaseKey{c.case_ref, to_size(c.scheme)}, &c);
    for (const auto& [key, c] : now) {
        auto& split = out.split[key.second];
        if (!split) continue;
        auto it = then.find(key);
        if (it == then.end()) {
            split->new_cases += c.after_previous;
            continue;
        }
        const Money revised = c.after_previous - it->second->committed;
        (ends_earlier(c, *it->second) ? split->ended_cases : split->changed_rates) += revised;
    }
    for (const auto& [key, c] : then)
        if (out.split[key.second] && !now.count(key))
            out.split[key.second]->ended_cases -= c->committed;
    MovementSplit total;
    for (std::size_t s = 0; s < n; ++s) {
        auto& split = out.split[s];
        if (!split) {
            total.rest += out.movement[s]; // a scheme on the profile method both months
            continue;
        }
        split->rest =
            out.movement[s] - split->new_cases - split->ended_cases - split->changed_rates;
        total += *split;
    }
    if (total.total() != out.movement_total)
        throw Error(ErrorKind::invariant, "movement: the parts do not add up to the movement");
    out.total_split = total;
    return out;
}

} // namespace poolkit
