// pool-shares as CSV (SPEC §5): one table a file, in long form (one fact a row, no total rows) so a
// script or a spreadsheet pivot can use it directly. Amounts "-1234.56", periods "YYYY-MM",
// percentages "40" / "33.3333" (shares_statement.hpp); text cells guarded against formula
// injection (SPEC §8).
//   contributions: scheme,scheme_name,budget,partner,contribution,percent   (% of the scheme
//   budget) partners:      partner,name,sector,contribution,percent                 (% of all
//   budgets) schedule:      period,partner,amount,due_to_date                        (header only
//   when the
//                  agreement has no schedule: aligned and joint)
#pragma once

#include "writers/shares_statement.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace poolkit {

enum class SharesTable { contributions, partners, schedule };

// "contributions" -> SharesTable::contributions; nullopt for an unknown name.
std::optional<SharesTable> parse_shares_table(std::string_view name);

std::string shares_csv(const SharesStatement& statement, SharesTable table);

} // namespace poolkit
