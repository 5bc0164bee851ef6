// The month-end reconciliation (SPEC §6): budget, actual and forecast to period m by scheme, each
// partner's position against the host, its share of the forecast variance, the RAG status, and for
// the other kinds of agreement the aligned view (aligned) or the recharge invoices and partner
// table (joint, calc/joint_invoice.hpp).
#pragma once

#include "calc/joint_invoice.hpp"
#include "calc/risk_share.hpp"
#include "model/actuals.hpp"
#include "model/agreement.hpp"

#include <optional>
#include <vector>

namespace poolkit {

enum class ForecastMethod { profile, run_rate };
const char* forecast_name(ForecastMethod m); // "profile", "run-rate"

// The status a board report shows by a scheme (issue 5): the forecast overspend as a share of the
// annual budget against the agreement's [monitoring] thresholds. Underspends are green.
enum class Rag { green, amber, red };
const char* rag_name(Rag r);
Rag rag_status(Money forecast_variance, Money budget, const Monitoring& thresholds);

// Figures of one scheme (or of the total) to period m (SPEC §6).
struct SchemeFigures {
    Money budget;            // annual
    Money budget_ytd;        // the first m profile amounts
    Money actual_ytd;        // ledger spend in periods 1..m, all partners
    Money variance_ytd;      // actual_ytd − budget_ytd
    Money forecast_outturn;  // by the forecast method
    Money forecast_variance; // forecast_outturn − budget
    Money previous_forecast; // the same forecast made at m − 1 (at P01: the budget)
    Money forecast_movement; // forecast_outturn − previous_forecast
    Rag rag = Rag::green;
};

// Per partner of a pooled fund (SPEC §6).
struct PartnerPosition {
    Money contribution_due_ytd; // by the payment schedule
    Money direct_spend_ytd;     // in its own ledger, when it is not the host
    Money position;             // contribution_due_ytd − direct_spend_ytd: + owes the host
    Money forecast_risk_share;  // its part of the forecast variance under the risk share
};

// Aligned budgets: each partner's own part of a scheme (its contribution), its own spend.
struct AlignedFigures {
    std::size_t partner = 0, scheme = 0;
    Money budget;     // its contribution to the scheme
    Money budget_ytd; // that contribution phased by the scheme's profile, periods 1..m
    Money actual_ytd; // spend on the scheme in its own ledger
    Money variance_ytd;
    Money forecast_outturn;
    Money forecast_variance;
};

struct Reconciliation {
    int period = 0;
    ForecastMethod method = ForecastMethod::profile;
    std::vector<SchemeFigures> schemes; // [[scheme]] order
    SchemeFigures total;
    std::vector<PartnerPosition> partners;         // pooled only; [[partner]] order
    std::optional<RiskShareResult> forecast_share; // pooled with a risk share
    std::vector<AlignedFigures> aligned;           // aligned only; by partner, then scheme
    std::optional<JointInvoicing> joint;           // joint only: invoices and partner table
};

// Period m is 1..12; `actuals` must have the agreement's shape. Throws Error(invariant) if a
// total does not reconcile (Σ schemes = Σ partners' ledgers = the accepted control total).
Reconciliation reconcile(const Agreement& agreement, const Actuals& actuals, int period,
                         ForecastMethod method);

// The forecast outturn of one budget (SPEC §6): profile = actual_ytd + (budget − budget_ytd);
// run-rate = actual_ytd × 12 / m, rounded half away from zero. At m = 0 it is the budget.
Money forecast_outturn(ForecastMethod method, Money budget, Money budget_ytd, Money actual_ytd,
                       int period);

// A budget's profile amounts for periods 1..m.
Money budget_to(const Scheme& scheme, int period);

} // namespace poolkit
