// One partner's statement (SPEC §5 `--partner ID`), for its own board: at a month end (§6) what
// the reconciliation says about that partner alone, its position with the host (pooled) or its
// charges and invoice (joint), its share of the forecast variance and the schemes it funds; at the
// year end (§7) its line of the settlement, the transfers it is party to, its share of the
// variance and its schemes' outturn.
#pragma once

#include "calc/reconciliation.hpp"
#include "calc/settlement.hpp"
#include "model/actuals.hpp"
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

// A scheme the partner funds at the year end (under an aligned budget: one it has a budget or
// spending in), with the scheme's outturn (all partners; aligned: its own, SPEC §7).
struct SettlementPartnerScheme {
    SchemeIndex scheme{};
    Money contribution; // its part of the budget (aligned: its own budget)
    Money budget, outturn, variance;
};

struct SettlementPartnerPack {
    PartnerIndex partner{};
    bool host = false;
    PartnerSettlement figures;       // its row of the settlement
    std::vector<Transfer> transfers; // those it pays or is paid (the host: all of them)
    // Its share of the variance: its risk share (pooled, §7 with the opening balance and caps;
    // joint: its charge less its agreed contribution; aligned: its own variance, §1).
    Money variance_share;
    Money variance;                               // of all the schemes (aligned: its own)
    std::vector<SettlementPartnerScheme> schemes; // [[scheme]] order
    Money contribution;                           // Σ schemes' contribution
};

// `actuals`: the year's, for an aligned partner's own outturn by scheme.
SettlementPartnerPack settlement_partner_pack(const Agreement& agreement,
                                              const SettlementResult& settlement,
                                              const Actuals& actuals, PartnerIndex partner);

} // namespace poolkit
