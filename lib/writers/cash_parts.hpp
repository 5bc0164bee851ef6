// What a statement says of its cash (SPEC §6, §7, §10): the register's control totals (shown as a
// ledger's, §4), the warning for its rejected rows, and at the year end the balances as at 31
// March as each side books them.
#pragma once

#include "calc/settlement.hpp"
#include "model/agreement.hpp"
#include "model/cash_register.hpp"
#include "writers/json.hpp"
#include "writers/table.hpp"

#include <optional>
#include <string>

namespace poolkit {

// "Cash register: cash.csv, 12 rows read; 11 accepted (£1,234.56); 1 rejected (£10.00)", no
// newline.
std::string cash_register_summary(const CashRegisterSummary& cash);

// "WARNING: 1 cash register row (£10.00) was rejected and NOT in the figures below.", no newline;
// empty when none was (or there is no register).
std::string cash_rejected_warning(const std::optional<CashRegisterSummary>& cash);

// "cash_register": {file, lines_read, ..., accepted_by_kind{kind: amount}} when there is one.
void write_cash_register_json(JsonWriter& json, const std::optional<CashRegisterSummary>& cash);

// The balances as at 31 March (SPEC §7): for each partner but the host, what it owes the host or
// is owed, and how the host and the partner each book it (debtor or creditor).
Table year_end_balances_table(const Agreement& agreement, const SettlementResult& r, bool display);
// The same as JSON: "balances_at_year_end": [{partner, amount, host_books, partner_books}].
void write_year_end_balances_json(JsonWriter& json, const Agreement& agreement,
                                  const SettlementResult& r);

} // namespace poolkit
