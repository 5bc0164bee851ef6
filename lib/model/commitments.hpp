// The commitments register of a panel pool (SPEC §12): each referred case's placement at a weekly
// cost from a start to a planned end (open-ended when none), one row per rate. The dates alone
// decide the cost (calc/commitment_cost.hpp); the status is shown and counted.
#pragma once

#include "model/calendar_day.hpp"
#include "model/indices.hpp"
#include "money/money.hpp"
#include "support/error.hpp"
#include "support/keyword_table.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace poolkit {

enum class CaseStatus : std::uint8_t { active, planned, ended };
inline constexpr auto case_statuses = keywords_in_order<CaseStatus>({"active", "planned", "ended"});

// One accepted row: one case at one rate.
struct Commitment {
    std::string case_ref;   // pseudonymous, never a name (SPEC §12)
    PartnerIndex partner{}; // the referring partner
    SchemeIndex scheme{};
    std::string type; // the placement type, as written
    Money weekly_cost;
    Day start;
    std::optional<Day> end; // planned end, inclusive; none: open-ended
    CaseStatus status = CaseStatus::active;
    std::optional<Day> decision_date;
    SourceLocation where; // its file and line
};

struct CommitmentsRegister {
    std::vector<Commitment> rows; // in file order
};

} // namespace poolkit
