// The year-end settlement of a joint budget (SPEC §7, "Joint (no pool)"): there is no pool and no
// risk share; each partner's charge for the year is the charge of SPEC §6 at P12
// (calc/joint_charge.hpp), capped, and the year closes against what it was invoiced.
//
// Per partner p:
//   final_share  = its charge for the year;   risk_share = charge − contribution;
// and for each partner but the host:
//   paid         = what it was invoiced for the year: the register's invoice rows; without a
//                  cash register, the invoices of SPEC §6 worked to P12 (calc/joint_invoice.hpp),
//                  i.e. charge − own spending;
//   direct_spend = its own spending on the joint schemes (its own ledger);
//   balance      = charge − direct_spend − paid (+ p owes the host, − the host owes p);
//   payments     = what it paid against the invoices (without a register: taken as paid);
//   outstanding  = paid − payments;
//   settled      = its settlement rows (+ it paid the host); its transfer is balance − settled.
// The host's row has contribution, final_share and risk_share only. Transfers are the non-zero
// balances, each between the partner and the host. carried_forward, opening_balance and
// pool_closing are 0.00; unallocated is what the caps left charged to nobody.
//
// Identities checked (check_joint_settlement): Σ risk shares + unallocated = Σ variances; after
// the transfers the host has borne exactly its own charge plus the unallocated amount:
//   host ledger spend − Σ paid − Σ settled − transfers to the host + transfers from it = host
//   charge + unallocated.
#pragma once

#include "calc/settlement.hpp"

namespace poolkit {

// Fills the partners, charges, transfers and unallocated of `r`, whose schemes, totals and
// ledger_spend settle() has filled.
// `cash`: the cash register (its year's invoice, payment and settlement rows), or nullptr.
void settle_joint(const Agreement& agreement, const Actuals& actuals, SettlementResult& r,
                  const CashRegister* cash);

// The partner, charge and transfer identities of a joint settlement (check_settlement checks the
// schemes and the ledgers' spend first). Throws Error(invariant) naming the first that fails.
void check_joint_settlement(const Agreement& agreement, const SettlementResult& r);

} // namespace poolkit
