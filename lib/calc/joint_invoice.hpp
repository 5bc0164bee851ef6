// The month-end recharge invoices of a joint budget and its partner table (SPEC §6).
//
// For each partner p but the host, at period m:
//   amount = charge_to_date − own_spend_to_date − invoiced_before
// where charge_to_date is p's charge to m (calc/joint_charge.hpp), own_spend_to_date is what p
// spent itself on the joint schemes (its own ledger lines to m: credited, as the host did not pay
// it), and invoiced_before is the total of p's invoices for earlier periods. A negative amount is a
// credit note. The invoices to P12 thus sum to the year's charge less p's own spending, which is
// what the year-end settlement takes as invoiced (calc/joint_settlement.hpp).
//
// invoiced_before comes from a cash register's `invoice` rows (SPEC §10) when given; without one
// it is recomputed from today's ledgers as charge_to_date(m−1) − own_spend_to_date(m−1), so a line
// back-dated into a month already invoiced is never billed (the statement says so).
#pragma once

#include "calc/joint_charge.hpp"
#include "model/actuals.hpp"
#include "model/agreement.hpp"

#include <cstddef>
#include <span>
#include <vector>

namespace poolkit {

struct JointInvoice {
    PartnerIndex partner{};
    Period period = Period::first();
    Money charge_to_date;    // its charge to m, after caps
    Money own_spend_to_date; // its own ledger lines on the joint schemes to m (credited)
    Money invoiced_before;   // its invoices for the periods before m
    Money amount; // charge_to_date − own_spend_to_date − invoiced_before (< 0: credit)
};

// One row of the partner table (the host's has no own spend or invoices: it is not invoiced).
struct JointPartnerFigures {
    Money contribution;      // its agreed share of the budgets (Σ over the schemes)
    Money charge_to_date;    // after caps
    Money own_spend_to_date; // credited against its charges
    Money invoiced_to_date;  // invoiced_before + this period's invoice
    Money invoice;           // this period's invoice (< 0: a credit note)
    Money forecast_charge;   // the charge formula on each scheme's forecast outturn, after caps
    // What it has paid against its invoices to m (the register's payment rows; without a
    // register every invoice is taken as paid, as the year-end settlement takes it, SPEC §7), and
    // what is still unpaid: invoiced_to_date − paid.
    Money paid;
    Money outstanding;
};

struct JointInvoicing {
    Period period = Period::first();
    JointCharges to_date;                      // the charges to m
    JointCharges forecast;                     // the charges for the year on the forecast outturns
    std::vector<JointInvoice> invoices;        // every partner but the host, [[partner]] order
    std::vector<JointPartnerFigures> partners; // every partner, [[partner]] order
    bool invoiced_before_recomputed = true;    // no register: recomputed from these actuals
};

// At period m, `forecast_outturns` has one forecast outturn per scheme ([[scheme]] order).
// `invoiced_before`: each partner's total invoices for periods before m ([[partner]] order, the
// host's ignored), or nullptr to recompute them from `actuals`; `payments`: what each has paid
// against its invoices to m, or nullptr to take every invoice as paid. Throws Error(invariant)
// for inputs not shaped to the agreement or a joint agreement without a host. Recomputed, the
// invoices before m are worked on `terms_before` (the agreement as varied at m − 1, SPEC §14: an
// invoice issued is never restated), or on `agreement` when nullptr.
JointInvoicing joint_invoicing(const Agreement& agreement, const Actuals& actuals, Period period,
                               std::span<const Money> forecast_outturns,
                               const std::vector<Money>* invoiced_before = nullptr,
                               const std::vector<Money>* payments = nullptr,
                               const Agreement* terms_before = nullptr);

} // namespace poolkit
