// pool-shares as JSON (SPEC §5): schema "poolkit.shares/1". Every amount is a string ("-1234.56"),
// periods are "YYYY-MM"; percentages as shares_statement.hpp describes ("40", "33.3333", with the
// exact "share": "1/3").
//
// {"schema", "inputs": [...],
//  "agreement": {id, title, kind, legal_basis, financial_year, host (id or null),
//                payment_schedule ("monthly" | "quarterly-in-advance" | "annual-in-advance" |
//                "none" for aligned and joint)},
//  "total_budget",
//  "partners": [{id, name, sector, contribution, percent, share}],   percent/share of all budgets
//  "schemes": [{id, name, budget, lead, contributions: {PARTNER: amount}, percent: {PARTNER:
//  "40"}}], "schedule_note": why there is no schedule (aligned and joint only), "schedule":
//  [{period, partner, amount, due_to_date}]}     by period, then [[partner]] order
#pragma once

#include "writers/shares_statement.hpp"

#include <string>

namespace poolkit {

std::string shares_json(const SharesStatement& statement);

} // namespace poolkit
