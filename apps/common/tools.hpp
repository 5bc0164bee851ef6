// The pool-* tools: each one's name and what it does, once (the first line of its --help, and
// what `poolkit` alone lists for it).
#pragma once

#include <cstddef>
#include <iterator>
#include <string_view>

namespace poolkit::cli {

enum class Tool { actuals, cases, check, recon, settle, shares, verify };

struct ToolInfo {
    Tool tool;
    std::string_view name;
    std::string_view description;
};

// One entry per Tool, in the enum's order.
inline constexpr ToolInfo tools[] = {
    {Tool::actuals, "pool-actuals",
     "Validate ledgers and add them up by partner, scheme and period (formats: "
     "docs/formats.md).\n"
     "Every line is accepted or rejected with its file, line and reason."},
    {Tool::cases, "pool-cases",
     "The panel's cases of a pool: committed cost after the period by case, referring partner "
     "and placement type, and each partner's share of the commitments beside its share of the "
     "contributions (SPEC §12)."},
    {Tool::check, "pool-check",
     "Check an agreement file against the rules for agreements (docs/formats.md, man "
     "poolkit-formats) and summarise it."},
    {Tool::recon, "pool-recon",
     "Month-end reconciliation of a pooled, aligned or joint budget: budget, actual and forecast "
     "by scheme, each partner's position, the RAG status and the ledger control totals (how each "
     "is worked out: docs/formulas.md)."},
    {Tool::settle, "pool-settle",
     "Settle the year of a pooled fund: outturn, risk share, final shares, the transfers with the "
     "host, and the memorandum account (docs/formulas.md)."},
    {Tool::shares, "pool-shares",
     "Contribution shares by partner and scheme, and the payment schedule by period.\n"
     "CSV holds one table: choose it with --table."},
    {Tool::verify, "pool-verify",
     "Recompute a JSON statement from the inputs and arguments it records and report any "
     "difference: an input missing or changed (exit 2, each one named), a figure that differs "
     "(exit 1, each one listed), or identical (exit 0)."},
};

static_assert([] {
    for (std::size_t i = 0; i < std::size(tools); ++i)
        if (static_cast<std::size_t>(tools[i].tool) != i) return false;
    return true;
}());

constexpr const ToolInfo& tool_info(Tool t) {
    return tools[static_cast<int>(t)];
}

} // namespace poolkit::cli
