// A joint budget's year-end accounts statements (SPEC §7): there is no pool, so no memorandum
// account; instead the host's recharge statement and each partner's note of the expenditure
// recharged to it, derived from a joint settlement (calc/joint_settlement.hpp).
//
// The host's recharge statement:
//     expenditure on the joint schemes, by scheme            E = Σ outturns (all ledgers)
//       (of which in each partner's own ledger: a sub-analysis, not added again)
//   − spent by the other partners themselves                 Σ own_p
//   = gross expenditure by the host                          E_host (its own ledger)
//   − income: each other partner's charge less its own spending, recharged to it
//                                                            I = Σ (charge_p − own_p)
//   = net cost to the host                                   E_host − I = host charge + unallocated
// (income is what falls due for the year: the invoices and any balance settled after it).
//
// Each partner's note: its agreed contribution; the joint expenditure that falls to it (its
// charge); of that, what it met by its own spending and what the host recharged to it.
#pragma once

#include "calc/settlement.hpp"

#include <vector>

namespace poolkit {

struct RechargeStatement {
    std::vector<Money> expenditure_by_scheme; // [[scheme]] order: each scheme's outturn
    std::vector<Money> expenditure_by_ledger; // by the partner whose ledger it is in
    Money total_expenditure;
    Money partners_expenditure; // in the other partners' own ledgers
    Money host_expenditure;     // in the host's own ledger: total − partners'
    std::vector<Money> income;  // per partner (0 for the host): charge − own spending
    Money total_income;
    Money host_charge;
    Money unallocated;
    Money net_cost; // host_expenditure − total_income = host_charge + unallocated
};

struct RechargeNote {
    Money contribution; // its agreed share of the budgets
    Money charge;       // the joint expenditure that falls to it (final share)
    Money own_spend;    // met by its own spending on the joint schemes (0 for the host)
    Money recharged;    // recharged to it by the host: charge − own_spend (0 for the host)
};

struct JointMemorandum {
    RechargeStatement statement;
    std::vector<RechargeNote> notes; // [[partner]] order
};

// Throws Error(invariant) for a settlement that is not a joint one of this agreement, or when a
// line does not add up.
JointMemorandum joint_memorandum(const Agreement& agreement, const SettlementResult& settlement);

} // namespace poolkit
