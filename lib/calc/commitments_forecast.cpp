#include "calc/commitments_forecast.hpp"

#include "calc/commitment_cost.hpp"
#include "money/allocation.hpp"

#include <array>
#include <map>
#include <utility>

namespace poolkit {

Money allowance_after(Money yearly, int periods_elapsed) {
    if (yearly.is_zero()) return Money{};
    const std::array<Rational, Period::count> even{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    std::vector<Money> months = allocate(yearly, std::span<const Rational>(even));
    Money sum;
    for (int m = periods_elapsed; m < Period::count; ++m)
        sum += months[static_cast<std::size_t>(m)];
    return sum;
}

Money cost_after(const Commitment& row, const FinancialYear& fy, int periods_elapsed) {
    PeriodArray<Money> cost = cost_by_period(row, fy);
    Money sum;
    for (Period p : Period::all())
        if (p.number() > periods_elapsed) sum += cost[p];
    return sum;
}

namespace {

std::vector<SchemeCommitted> scheme_rest(const Agreement& a, const CommitmentsRegister& reg,
                                         int m) {
    std::vector<SchemeCommitted> out(a.schemes.size());
    for (const Commitment& row : reg.rows) {
        SchemeCommitted& s = out[to_size(row.scheme)];
        ++s.rows;
        (row.end ? s.committed : s.open_ended) += cost_after(row, a.year, m);
    }
    for (std::size_t s = 0; s < a.schemes.size(); ++s)
        if (out[s].rows > 0) out[s].allowance = allowance_after(a.schemes[s].new_starts, m);
    return out;
}

} // namespace

CommitmentsForecast commitments_forecast(const Agreement& a, const CommitmentsRegister& reg,
                                         int m) {
    CommitmentsForecast f;
    f.schemes = scheme_rest(a, reg, m);
    f.schemes_previous = scheme_rest(a, reg, m > 0 ? m - 1 : 0);
    f.by_partner.assign(a.partners.size(), Money{});
    // A case is its rows on one scheme (one a rate, SPEC §12), in the order first written.
    std::map<std::pair<std::string, std::size_t>, std::size_t> seen;
    for (const Commitment& row : reg.rows) {
        const Money c = cost_after(row, a.year, m);
        auto [it, fresh] = seen.try_emplace({row.case_ref, to_size(row.scheme)}, f.cases.size());
        if (fresh) f.cases.push_back({row.case_ref, row.partner, row.scheme, Money{}, row.end});
        CaseCommitted& cc = f.cases[it->second];
        cc.committed += c;
        if (!row.end || !cc.end)
            cc.end = std::nullopt; // open-ended once a row is
        else if (*row.end > *cc.end)
            cc.end = row.end;
        f.by_partner[to_size(row.partner)] += c;
        f.total += c;
    }
    return f;
}

} // namespace poolkit
