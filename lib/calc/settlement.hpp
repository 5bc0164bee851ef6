// The year-end settlement (SPEC §7): outturn and variance by scheme, the risk share, each partner's
// final share and balance, and the transfers that close the year.
//
// By kind of agreement:
//   - pooled: as SPEC §7. Partners pay contributions to the host, the variance is shared by the
//     risk share, and each non-host partner settles its balance with the host.
//   - aligned: no host, no pool, no money moves (SPEC §1): each partner bears its own variance.
//     contribution = its budget (its contributions to the schemes); direct_spend = the spend in its
//     own ledger; risk_share = direct_spend − contribution (its own variance); final_share =
//     direct_spend; paid = 0; balance = 0; no transfers. `paid` must not be given (Error(usage)).
//   - joint: the host spends and recharges each partner its charge (SPEC §6, §7): see
//     calc/joint_settlement.hpp. No risk share, pool or carry-forward; `paid` must not be given
//     (Error(usage)): a joint partner pays invoices, not contributions.
#pragma once

#include "calc/cash_application.hpp"
#include "calc/joint_charge.hpp"
#include "calc/risk_share.hpp"
#include "calc/scheme_term_spend.hpp"
#include "model/actuals.hpp"
#include "model/agreement.hpp"
#include "model/cash_register.hpp"

#include <cstddef>
#include <string_view>
#include <vector>

namespace poolkit {

struct SchemeOutturn {
    Money budget;
    Money outturn;  // full-year actual, all ledgers
    Money variance; // outturn − budget
};

struct PartnerSettlement {
    Money contribution; // what the agreement says it puts in (Σ over schemes)
    Money risk_share;   // + pays more, − receives
    Money final_share;  // contribution + risk_share
    Money paid;         // contributions paid (SPEC §7: the cash register; else what was due)
    Money direct_spend; // spend in its own ledger when it is not the host
    Money reimbursed;   // what the host has already paid it back for its direct spend (SPEC §7:
                        // the cash register; 0 without one)
    Money balance; // final_share − paid − direct_spend + reimbursed: + pays the host, − is paid
    // Joint only (SPEC §7), for each partner but the host: what it paid against its invoices, and
    // what is still unpaid (paid − payments).
    Money payments;
    Money outstanding;
    // The register's settlement rows (SPEC §7, §10): + it has already paid the host, − the host
    // has already paid it. Its transfer is what is left: balance − settled.
    Money settled;
    // What it owes the host (+) or is owed (−) as at 31 March, as both sides book it (SPEC §7):
    // the balance and any unpaid invoices, less the cash that moved by 31 March; rows dated after
    // the year end belong to P12 but are not in it. Not for the host.
    Money at_year_end;
};

struct Transfer {
    std::size_t from = 0; // partner index
    std::size_t to = 0;
    Money amount; // > 0
};

struct SettlementResult {
    AgreementKind kind = AgreementKind::pooled;
    CashSource cash = CashSource::assumed;   // of paid, reimbursed, payments and settled
    std::vector<SchemeOutturn> schemes;      // [[scheme]] order
    std::vector<PartnerSettlement> partners; // [[partner]] order
    std::vector<Money> ledger_spend;         // spend by whose ledger it is in, [[partner]] order
    std::vector<Transfer> transfers;         // non-host partners in [[partner]] order
    Money opening_balance;
    Money total_budget, total_outturn, total_variance;
    Money carried_forward; // + the pool keeps it for next year
    Money unallocated;     // + overspend no partner takes, for the partners to agree
    Money pool_closing; // what the pool holds after the transfers (= carried_forward − unallocated)
    RiskShareResult risk; // how the shares were reached (empty steps for aligned and joint)
    JointCharges charges; // joint: how each partner's charge for the year was reached
    // Spending dated after a scheme closed or before it was added (SPEC §14): findings (exit 1).
    std::vector<SpendOutsideTerm> outside_term;
};

// Settles the year. `cash`: the cash register (SPEC §10) read against the agreement, whose year's
// rows give what was paid, reimbursed, invoiced and settled; nullptr assumes the cash (each paid
// what was due, nothing reimbursed or settled, joint invoices as worked from the ledgers). The
// invariants of SPEC §7 are checked on every run; a failure throws Error(invariant). Throws
// Error(usage) for a register given with an aligned agreement, Error(invariant) when the actuals
// or the register do not have the agreement's shape.
SettlementResult settle(const Agreement& agreement, const Actuals& actuals,
                        const CashRegister* cash = nullptr);

// The same with `paid`, contributions actually paid per partner ([[partner]] order; nullptr: as
// due): pool-settle's --paid, the shorthand for a register of contribution rows in P01 (SPEC §10,
// paid_register). Throws Error(usage) for a `paid` of the wrong size or with an aligned or joint
// agreement.
SettlementResult settle(const Agreement& agreement, const Actuals& actuals,
                        const std::vector<Money>* paid);

// Partner p's transfer with the host (SPEC §7): its balance less what its settlement rows have
// already paid, p to the host when positive, the host to p when negative, none when zero.
void add_settling_transfer(SettlementResult& r, std::size_t p, std::size_t host);

// Re-checks every identity of a settlement (used by settle(); public so a verifier can re-run it).
// Throws Error(invariant) naming the first identity that fails.
void check_settlement(const Agreement& agreement, const Actuals& actuals,
                      const SettlementResult& result);

// Checks the transfers of a pooled or joint settlement (SPEC §7): each positive, between the host
// and another partner, and each other partner's transfers netting to its balance. Returns what the
// host receives in all, less what it pays out. Throws Error(invariant), "<statement> does not
// reconcile: ...", naming the first that fails.
Money check_transfers(const Agreement& agreement, const SettlementResult& result,
                      std::string_view statement);

} // namespace poolkit
