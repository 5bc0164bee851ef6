// The memorandum account of the pooled fund and each partner's "pooled budgets" note (SPEC §7),
// derived from a settlement.
//
// The account, in the host's words:
//     opening balance                                   OB
//   + contributions by partner (due for the year)       C = Σ c_p = total budget
//   − expenditure (by scheme; also by the ledger it was incurred in)   E = total outturn
//   = surplus (+) or deficit (−) for the year           S = C − E = −variance
//   + allocation by partner: its year-end risk share    Σ r_p  (+ more paid in to meet a deficit,
//                                                               − surplus returned to it)
//   = closing balance                                   OB + S + Σ r_p = carried_forward −
//   unallocated
// and the movement on the pool's balance, which ties the two ends together:
//     opening balance                                   OB
//   − applied (a surplus used against overspends; a deficit recovered from the partners is a
//     negative "applied", so it adds back)              −A
//   + this year's underspend kept in the pool           U
//   − overspend unallocated                             −X
//   = closing balance                                   OB − A + U − X
// The closing balance is what the pool holds after the settlement transfers; when it includes an
// unallocated overspend, that deficit is for the partners to agree (SPEC §3).
//
// The partner note (the two lines of a partner's accounts note, DOMAIN-NOTES §4.2):
//   funding_provided   = its contribution to the pool for the year (c_p);
//   expenditure_share  = its share of the expenditure met from the pool
//                      = final share (c_p + r_p) − its share of the movement in the pool's balance,
//   where the movement (closing − opening balance: underspend carried forward, opening balance
//   used, unallocated overspend) is attributed pro rata to contributions (an allocation, SPEC §2),
//   so the partners' shares sum exactly to the total expenditure.
//   surplus_share      = funding_provided − expenditure_share: its share of the surplus (+) or
//                        deficit (−) arising on the pool in the year, signed as the account's
//                        "surplus (deficit)";
//   risk_share         = reserve_movement − surplus_share: the note reconciles to the settlement.
#pragma once

#include "calc/settlement.hpp"

#include <vector>

namespace poolkit {

struct MemorandumAccount {
    Money opening_balance;
    std::vector<Money> contributions; // by partner, due for the year
    Money total_contributions;
    std::vector<Money> expenditure_by_scheme; // [[scheme]] order
    std::vector<Money> expenditure_by_ledger; // by the partner whose ledger it is in
    Money total_expenditure;                  // net: gross_expenditure − other_income (SPEC §4)
    Money gross_expenditure;                  // the expenditure lines
    Money other_income; // the income lines (a profile's rule, SPEC §11), positive
    Money surplus;      // total_contributions − total_expenditure (+ surplus, − deficit)
    std::vector<Money> allocation; // by partner: its risk share (+ pays in, − has returned)
    Money opening_applied; // + surplus brought forward used; − deficit brought forward recovered
    Money underspend_carried; // this year's underspend kept in the pool (>= 0)
    Money carried_forward;    // kept in the pool for next year
    Money unallocated;        // overspend no partner bears
    Money closing_balance;    // opening + surplus + Σ allocation = carried_forward − unallocated
};

struct PartnerNote {
    Money funding_provided;  // its contribution to the pool
    Money expenditure_share; // its share of the expenditure met from the pool
    Money surplus_share;     // funding_provided − expenditure_share (+ surplus, − deficit)
    Money reserve_movement;  // its attributed share of the change in the pool's balance
    Money risk_share;        // reserve_movement − surplus_share = its settlement risk share
};

struct Memorandum {
    MemorandumAccount account;
    std::vector<PartnerNote> notes; // [[partner]] order
};

// Builds the account and the partner notes from a settlement; checks that every line adds up
// (Error(invariant) otherwise).
Memorandum memorandum(const Agreement& agreement, const Actuals& actuals,
                      const SettlementResult& settlement);

} // namespace poolkit
