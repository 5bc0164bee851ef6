#include "calc/panel_cases.hpp"

#include "calc/commitment_cost.hpp"
#include "calc/commitments_forecast.hpp"

#include <map>
#include <utility>

namespace poolkit {

namespace {

// Which of a case's rows gives its current rate: one running on the period's last day wins, else
// the latest to start.
struct RateChoice {
    Day start;
    bool running = false;
    bool better(const Commitment& row, bool row_running) const {
        if (row_running != running) return row_running;
        return row.start > start;
    }
};

} // namespace

PanelCases panel_cases(const Agreement& a, const CommitmentsRegister& reg, Period period,
                       const std::vector<ActualsRow>& spend) {
    PanelCases out;
    out.period = period;
    const Day end = last_day(a.year, period);
    std::map<std::pair<std::string, std::size_t>, std::size_t> seen;
    std::vector<RateChoice> rate;
    for (const Commitment& row : reg.rows) {
        const bool running = days_running(row, end, end) > 0;
        auto [it, fresh] = seen.try_emplace({row.case_ref, to_size(row.scheme)}, out.cases.size());
        if (fresh) {
            out.cases.push_back({row.case_ref, row.partner, row.scheme, row.type, row.weekly_cost,
                                 row.status, Money{}, 0, Money{}});
            rate.push_back({row.start, running});
        } else if (rate[it->second].better(row, running)) {
            PanelCase& c = out.cases[it->second];
            c.type = row.type;
            c.weekly_cost = row.weekly_cost;
            c.status = row.status;
            rate[it->second] = {row.start, running};
        }
        PanelCase& c = out.cases[it->second];
        c.committed += cost_after(row, a.year, period.number());
        ++c.rows;
    }

    // Spend per case (SPEC §12): the lines coded to the case on its scheme, to the period's end.
    const std::string to = a.year.period_ym(period);
    for (const ActualsRow& r : spend) {
        if (r.cost_centre.empty() || r.period > to) continue;
        auto s = a.scheme_index(r.scheme);
        auto it = s ? seen.find({r.cost_centre, to_size(*s)}) : seen.end();
        (it == seen.end() ? out.spent_elsewhere : out.cases[it->second].spent) += r.amount;
    }

    out.partners.resize(a.partners.size());
    std::map<std::string, std::size_t> type_at;
    std::vector<Money> weekly_sum;
    for (const PanelCase& c : out.cases) {
        auto [it, fresh] = type_at.try_emplace(c.type, out.types.size());
        if (fresh) {
            out.types.push_back({c.type, 0, Money{}, Money{}, Money{}});
            weekly_sum.emplace_back();
        }
        PlacementType& t = out.types[it->second];
        ++t.cases;
        t.committed += c.committed;
        t.spent += c.spent;
        out.spent += c.spent;
        weekly_sum[it->second] += c.weekly_cost;
        PartnerReferrals& p = out.partners[to_size(c.partner)];
        ++p.cases;
        p.committed += c.committed;
        out.committed += c.committed;
    }
    for (std::size_t i = 0; i < out.types.size(); ++i)
        out.types[i].average_weekly = round_half_away(
            weekly_sum[i].as_rational() / static_cast<std::int64_t>(out.types[i].cases));

    const std::vector<Money> contributions = a.partner_contributions();
    const Money budgets = a.total_budget();
    for (std::size_t p = 0; p < a.partners.size(); ++p) {
        if (out.committed.is_positive())
            out.partners[p].share_of_commitments =
                Rational(out.partners[p].committed.pence()) / Rational(out.committed.pence());
        if (budgets.is_positive())
            out.partners[p].share_of_contributions =
                Rational(contributions[p].pence()) / Rational(budgets.pence());
    }
    return out;
}

} // namespace poolkit
