// The panel's view of the cases a pool funds (SPEC §12, pool-cases): each case's committed cost
// after the period, by referring partner and by placement type, the average weekly cost of each
// type, and each partner's referrals' share of the commitments beside its share of the
// contributions.
#pragma once

#include "model/actuals.hpp"
#include "model/agreement.hpp"
#include "model/commitments.hpp"
#include "model/period.hpp"
#include "money/rational.hpp"

#include <string>
#include <vector>

namespace poolkit {

// One case (its rows on one scheme): its current rate and what it commits after the period.
struct PanelCase {
    std::string case_ref;
    PartnerIndex partner{}; // referring
    SchemeIndex scheme{};
    std::string type;     // of its current row
    Money weekly_cost;    // of the row running on the period's last day, else of its latest row
    CaseStatus status{};  // of that row
    Money committed;      // its rows' cost after the period to 31 March (SPEC §12)
    std::size_t rows = 0; // one a rate
    Money spent; // ledger lines coded to it (its `case` column) on its scheme, to the period
};

struct PlacementType {
    std::string type;
    std::size_t cases = 0;
    Money committed;
    Money average_weekly; // Σ the cases' weekly costs / cases, rounded half away from zero
    Money spent;
};

struct PartnerReferrals {
    std::size_t cases = 0;
    Money committed;
    Rational share_of_commitments;   // committed / Σ committed (0 when nothing is committed)
    Rational share_of_contributions; // its contributions / the agreement's budgets
};

struct PanelCases {
    Period period = Period::first();
    std::vector<PanelCase> cases;           // in register order of their first rows
    std::vector<PlacementType> types;       // in order of first appearance
    std::vector<PartnerReferrals> partners; // [[partner]] order
    Money committed;                        // Σ cases = Σ types = Σ partners
    Money spent;                            // Σ cases' spent = Σ types' spent
    // Spent to the period on lines whose case is not one of the register's on that scheme.
    Money spent_elsewhere;
};

// `spend`: the ledgers' accepted lines by partner, scheme, period and case (ActualsRow's
// cost_centre holding the case, as read_ledgers gives it with group_by case), or empty.
PanelCases panel_cases(const Agreement& agreement, const CommitmentsRegister& reg, Period period,
                       const std::vector<ActualsRow>& spend = {});

} // namespace poolkit
