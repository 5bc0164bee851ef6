// How the cash register (SPEC §10) enters the statements: what each partner has paid, been
// reimbursed, been invoiced and settled, to a period's end (§6) or for the year (§7), and what the
// balances were at 31 March as each side books them. Without a register the statements assume the
// cash (contributions received as due, nothing reimbursed, joint invoices taken as paid).
#pragma once

#include "model/agreement.hpp"
#include "model/cash_register.hpp"
#include "support/keyword_table.hpp"

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace poolkit {

// Where the cash figures of a statement came from (SPEC §6, §7): assumed, a cash register (§10),
// or pool-settle's --paid file (the shorthand for a register of contribution rows).
enum class CashSource { assumed, cash_register, paid_file };
inline constexpr auto cash_sources =
    keywords_in_order<CashSource>({"assumed", "register", "paid-file"});
const char* cash_source_name(CashSource c); // the JSON `cash` field

// The contributions partner `p` has paid to the end of `through` (SPEC §10): its contribution
// rows; the host without any is taken to have paid `due`; a non-host partner without rows paid
// nothing.
Money contributions_paid(const Agreement& agreement, const CashRegister& cash, std::size_t p,
                         Period through, Money due);

// A pooled partner's position with the host (SPEC §6): (due − received) − (direct spend −
// reimbursed); + it owes the host, − the host owes it.
Money partner_position(Money due, Money received, Money direct_spend, Money reimbursed);

// `--paid` as the register it is shorthand for (SPEC §10): one contribution row in P01 for every
// partner, the host's included (so the host has paid what the file says, not what was due).
// `file` names the rows' place.
CashRegister paid_register(const Agreement& agreement, std::span<const Money> paid,
                           const std::string& file);

// The rows of `kind` of partner `p` dated after the year's 31 March (SPEC §10: they belong to
// P12 but the money moved after the year end, so it is not in the balances at 31 March).
Money after_year_end(const Agreement& agreement, const CashRegister& cash, CashKind kind,
                     std::size_t p);

} // namespace poolkit
