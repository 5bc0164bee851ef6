// Pieces of a joint budget's statements that the month-end (pool-recon) and the year-end
// (pool-settle) share, so both show a partner's charge (calc/joint_charge.hpp) the same way: the
// charges by scheme, what a cap cut, and the cash-assumed notes (SPEC §6, §7).
#pragma once

#include "calc/joint_charge.hpp"
#include "calc/joint_invoice.hpp"
#include "model/agreement.hpp"
#include "writers/json.hpp"
#include "writers/table.hpp"

#include <string>

namespace poolkit {

// One row per scheme: how it was charged ("actual", "actual, by pool contributions", "fixed, rest
// SGLOS"), the amount spent (`spent_header`), and each partner's part; then the totals before
// the caps, and when a cap cut, the amounts cut (unallocated) and the charges after it.
Table joint_charges_table(const Agreement& agreement, const JointCharges& charges, bool display,
                          const std::string& spent_header);

// A sentence for each partner a cap cut ("ICB: charges of £... are above its contribution £...
// plus its cap £... (£...): £... is unallocated, charged to no partner."), each ending in "\n".
std::string joint_cap_lines(const Agreement& agreement, const JointCharges& charges);

// The WARNING for an unallocated amount ("WARNING: £... of the charges ... for the partners to
// agree."), without a newline; empty when nothing is unallocated.
std::string joint_unallocated_warning(const JointCharges& charges, const std::string& when);

// "charges": {period, schemes[]{id, recharge, weights|rest, amount, charges{}}, before_caps{},
// caps[]{partner, charged, cap, bound, excess}, charge{}, unallocated}. The caller writes the key.
void write_joint_charges_json(JsonWriter& json, const Agreement& agreement,
                              const JointCharges& charges);

// A month's invoice to a partner (SPEC §6): period, charge_to_date, own_spend_to_date,
// invoiced_before, amount; the caller writes whose it is.
void write_invoice_fields(JsonWriter& json, const Agreement& agreement, const JointInvoice& inv);

} // namespace poolkit
