// Last year's figures, from its settlement statement (SPEC §14: pool-settle --previous-year), for
// the comparative column of the memorandum account and the partner notes.
#pragma once

#include "money/money.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace poolkit {

struct PriorYear {
    std::string financial_year; // "2025-26"
    // Each amount by where last year's JSON has it: "memorandum.opening_balance",
    // "memorandum.contributions.ICB", "partner_notes.ICB.funding_provided".
    std::vector<std::pair<std::string, Money>> figures;

    std::optional<Money> figure(std::string_view path) const {
        for (const auto& [p, m] : figures)
            if (p == path) return m;
        return std::nullopt;
    }
};

} // namespace poolkit
