// The month-end reconciliation (SPEC §6): budget, actual and forecast to period m by scheme, each
// partner's position against the host, its share of the forecast variance, the RAG status, and for
// the other kinds of agreement the aligned view (aligned) or the recharge invoices and partner
// table (joint, calc/joint_invoice.hpp).
#pragma once

#include "calc/cash_application.hpp"
#include "calc/commitments_forecast.hpp"
#include "calc/forecast_movement.hpp"
#include "calc/joint_invoice.hpp"
#include "calc/rag.hpp"
#include "calc/risk_share.hpp"
#include "calc/scheme_term_spend.hpp"
#include "model/actuals.hpp"
#include "model/agreement.hpp"
#include "model/cash_register.hpp"
#include "support/keyword_table.hpp"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace poolkit {

enum class ForecastMethod { profile, run_rate };
// The keyword of each: pool-recon's --forecast choices and the JSON `forecast` (SPEC §5, §6).
inline constexpr auto forecast_methods = keywords_in_order<ForecastMethod>({"profile", "run-rate"});
const char* forecast_name(ForecastMethod m); // "profile", "run-rate"

// The figures of one budget to period m (SPEC §6): a scheme's (or the total), or an aligned
// partner's own part of one scheme (or its subtotal over them).
struct BudgetFigures {
    Money budget;          // annual (aligned: the partner's contribution to the scheme)
    Money budget_ytd;      // the first m profile amounts (aligned: the partner's share of them)
    Money actual_ytd;      // ledger spend in periods 1..m (aligned: in the partner's own ledger)
    Money income_ytd;      // the income in it, positive (SPEC §4: actual = expenditure − income)
    Money expenditure_ytd; // actual_ytd + income_ytd: the gross spending
    Money variance_ytd;    // actual_ytd − budget_ytd
    Money forecast_outturn;  // by the forecast method
    Money forecast_variance; // forecast_outturn − budget

    BudgetFigures& operator+=(const BudgetFigures& o);
};

// Each amount of BudgetFigures by its name in the statement's data, in the order the JSON lists
// them (SPEC §4, §5: expenditure and income beside the actual).
struct BudgetFigure {
    std::string_view name;
    Money BudgetFigures::*amount;
};
inline constexpr BudgetFigure budget_figures[] = {
    {"budget", &BudgetFigures::budget},
    {"budget_ytd", &BudgetFigures::budget_ytd},
    {"expenditure_ytd", &BudgetFigures::expenditure_ytd},
    {"income_ytd", &BudgetFigures::income_ytd},
    {"actual_ytd", &BudgetFigures::actual_ytd},
    {"variance_ytd", &BudgetFigures::variance_ytd},
    {"forecast_outturn", &BudgetFigures::forecast_outturn},
    {"forecast_variance", &BudgetFigures::forecast_variance},
};

// Figures of one scheme (or of the total) to period m, all partners (SPEC §6).
struct SchemeFigures : BudgetFigures {
    Money previous_forecast; // the same forecast made at m − 1 (at P01: the budget)
    Money forecast_movement; // forecast_outturn − previous_forecast
    RagStatus rag;           // by the forecast variance, either way (calc/rag.hpp)
};

// Per partner of a pooled fund (SPEC §6).
struct PartnerPosition {
    Money contribution_due_ytd; // by the payment schedule
    Money received_ytd;         // contributions it has paid to date (cash assumed: as due)
    Money direct_spend_ytd;     // in its own ledger, when it is not the host
    Money reimbursed_ytd;       // what the host has paid it back for that (cash assumed: 0)
    // (contribution_due_ytd − received_ytd) − (direct_spend_ytd − reimbursed_ytd): + it owes the
    // host, − the host owes it
    Money position;
    Money forecast_risk_share; // its part of the forecast variance under the risk share
};

// One partner's part of one scheme.
struct AlignedFigures : BudgetFigures {
    PartnerIndex partner{};
    SchemeIndex scheme{};
    // Its own budget for the scheme is zero but its ledger has spending on it to date: flagged
    // (SPEC §6), a finding for the partner to correct or budget for.
    bool spend_without_budget = false;
};

// A partner's subtotal over its rows (SPEC §6).
struct AlignedSubtotal : BudgetFigures {
    PartnerIndex partner{};
};

// Accepted ledger lines, counted and summed (SPEC §4 control totals).
struct LineTally {
    std::uint64_t lines = 0;
    Money total;
};

struct Reconciliation {
    Period period = Period::first();
    ForecastMethod method = ForecastMethod::profile;
    std::vector<SchemeFigures> schemes; // [[scheme]] order
    SchemeFigures total;
    std::vector<PartnerPosition> partners;          // pooled only; [[partner]] order
    CashSource cash = CashSource::assumed;          // of the partners' received and reimbursed
    std::optional<RiskShareResult> forecast_share;  // pooled with a risk share
    std::vector<AlignedFigures> aligned;            // aligned only; by partner, then scheme
    std::vector<AlignedSubtotal> aligned_subtotals; // aligned only; one a partner, in order
    std::size_t spend_without_budget = 0;           // aligned rows flagged: findings (exit 1)
    std::optional<JointInvoicing> joint;            // joint only: invoices and partner table
    // The accepted lines split at period m (SPEC §4, §6): those to m are the figures above, those
    // after it are not in them yet; lines_accepted = to_period.lines + after_period.lines.
    LineTally to_period, after_period;
    // With a commitments register (SPEC §12): each scheme with rows is forecast from it, the
    // others by `method`.
    std::optional<CommitmentsForecast> commitments;
    bool from_commitments(std::size_t s) const {
        return commitments && commitments->schemes[s].rows > 0;
    }
    // A budget holder's adjustments (SPEC §12 --adjust), Σ by scheme, in the forecasts above;
    // empty when none were given.
    std::vector<Money> adjustments;
    // Against last month's statement as issued (SPEC §12 --previous): the previous forecasts and
    // movements above are then its, and this says how they split (forecast_movement.hpp).
    std::optional<ForecastMovement> movement;
    // Spending dated after a scheme closed or before it was added (SPEC §14): findings (exit 1).
    std::vector<SpendOutsideTerm> outside_term;
};

// `actuals` must have the agreement's shape; `cash`, the cash register (SPEC §10) read against the
// agreement, or nullptr to assume the cash. With `commitments` (made for the same period), a
// scheme with register rows is forecast as actual_ytd + its rest of the year (SPEC §12).
// `adjustments` (one a scheme, or empty) are added to the forecasts, this one's and the one made
// at m − 1 from the same inputs, before the RAG and the risk share are worked out. The forecast
// made at m − 1 is worked on `terms_before` (the agreement as varied at m − 1, SPEC §14), or on
// `agreement` when nullptr (no variation between the two). Throws
// Error(invariant) if a total does not reconcile (Σ schemes = Σ partners' ledgers = the accepted
// control total, in pence and in lines to and after m).
Reconciliation reconcile(const Agreement& agreement, const Actuals& actuals, Period period,
                         ForecastMethod method, const CashRegister* cash = nullptr,
                         std::optional<CommitmentsForecast> commitments = std::nullopt,
                         std::vector<Money> adjustments = {},
                         const Agreement* terms_before = nullptr);

// The forecast outturn of one budget (SPEC §6): profile = actual_ytd + (budget − budget_ytd);
// run-rate = actual_ytd × 12 / m, rounded half away from zero, m = periods_elapsed (0..12). At
// m = 0, before the year, it is the budget.
Money forecast_outturn(ForecastMethod method, Money budget, Money budget_ytd, Money actual_ytd,
                       int periods_elapsed);

// A budget's profile amounts for the first `periods_elapsed` periods (0..12).
Money budget_to(const Scheme& scheme, int periods_elapsed);

} // namespace poolkit
