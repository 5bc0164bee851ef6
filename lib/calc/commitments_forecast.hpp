// The forecast from commitments (SPEC §12, pool-recon --commitments): what each scheme's register
// rows cost after the period to 31 March (those with a planned end, and the open-ended ones on
// their own line), the new-starts allowance for the months after the period, and each case's and
// each referring partner's committed cost. calc/reconciliation.hpp adds it to the actuals; a scheme
// with no rows keeps the profile method.
#pragma once

#include "model/agreement.hpp"
#include "model/commitments.hpp"
#include "model/period.hpp"

#include <optional>
#include <string>
#include <vector>

namespace poolkit {

// The rest of the year of one scheme after a period, from its register rows.
struct SchemeCommitted {
    std::size_t rows = 0; // register rows on the scheme; none: the profile method applies
    Money committed;      // rows with a planned end, after the period (each stops at its end)
    Money open_ended;     // rows with no end, after the period to 31 March
    Money allowance;      // the new-starts allowance of the months after the period
    // committed + open_ended + allowance: what the forecast adds to the actual to date
    Money rest() const { return committed + open_ended + allowance; }
};

// One case's committed cost after the period, over all its rows (SPEC §12 `cases[]`).
struct CaseCommitted {
    std::string case_ref;
    PartnerIndex partner{}; // referring
    SchemeIndex scheme{};
    Money committed;
    std::optional<Day> end; // its last row's planned end; none: open-ended (a row with no end)
};

struct CommitmentsForecast {
    std::vector<SchemeCommitted> schemes;          // [[scheme]] order
    std::vector<SchemeCommitted> schemes_previous; // the same after the period before (m − 1)
    std::vector<CaseCommitted> cases;              // one a case and scheme, in register order
    std::vector<Money> by_partner;                 // committed, referred by each partner
    Money total;                                   // of the cases: Σ by_partner
};

// `periods_elapsed` 0..12: the rest of the year after that many periods.
CommitmentsForecast commitments_forecast(const Agreement& agreement, const CommitmentsRegister& reg,
                                         int periods_elapsed);

// The part of a yearly allowance that falls after `periods_elapsed` periods: the amount allocated
// evenly over the 12 months (SPEC §2, so the months sum to it), the months after counting.
Money allowance_after(Money yearly, int periods_elapsed);

// A row's cost in the periods after `periods_elapsed` (0..12), period by period (SPEC §12).
Money cost_after(const Commitment& row, const FinancialYear& fy, int periods_elapsed);

} // namespace poolkit
