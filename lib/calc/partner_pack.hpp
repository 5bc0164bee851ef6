// One partner's statement at a month end (SPEC §5 `--partner ID`, §6): what the reconciliation
// says about that partner alone, for its own board: its position with the host (pooled) or its
// charges and invoice (joint), its share of the forecast variance, and the schemes it funds.
#pragma once

#include "calc/reconciliation.hpp"
#include "model/indices.hpp"

#include <optional>
#include <vector>

namespace poolkit {

// A scheme the partner funds (its contribution is not zero), or under an aligned budget one it
// has a budget or spending in.
struct PartnerScheme {
    SchemeIndex scheme{};
    Money contribution; // its part of the annual budget (SPEC §3); aligned: its own budget
    // The scheme's figures to date, all partners (aligned: the partner's own, SPEC §6).
    Money budget, budget_ytd, actual_ytd, forecast_variance;
    RagStatus rag; // of the scheme (aligned: of the partner's own forecast variance)
};

struct PartnerPack {
    PartnerIndex partner{};
    bool host = false;
    std::optional<PartnerPosition> position;  // pooled
    std::optional<JointPartnerFigures> joint; // joint
    std::optional<JointInvoice> invoice;      // joint, a partner but the host
    // Its share of the forecast variance: pooled, its forecast risk share (§7 applied in full);
    // joint, its forecast charge less its agreed contribution; aligned, its own forecast variance
    // (each partner bears its own, §1).
    Money forecast_variance_share;
    Money forecast_variance;            // of all the schemes (aligned: of its own budgets)
    std::vector<PartnerScheme> schemes; // [[scheme]] order
    Money contribution;                 // Σ schemes' contribution
};

PartnerPack partner_pack(const Agreement& agreement, const Reconciliation& recon,
                         PartnerIndex partner);

} // namespace poolkit
