// Grouping ledger actuals (SPEC §4, pool-actuals --by): the reader's groups by partner, scheme,
// period (and cost centre) summed over the dimensions left out.
#pragma once

#include "model/actuals.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace poolkit {

struct Grouping {
    bool partner = true;
    bool scheme = true;
    bool period = true;
    bool cost_centre = false;
};

// "partner,scheme,period,cost_centre" (any non-empty subset, any order) -> the grouping; nullopt
// with the reason in `why` for an unknown or repeated name.
std::optional<Grouping> parse_grouping(std::string_view text, std::string* why = nullptr);

// The rows summed by the grouping's dimensions, the others emptied; sorted as the input is
// (partner rank, scheme rank, period, cost centre). Lines and amounts are kept exactly: the total
// of the result equals the total of the input.
std::vector<ActualsRow> group_rows(const std::vector<ActualsRow>& rows, const Grouping& by);

} // namespace poolkit
