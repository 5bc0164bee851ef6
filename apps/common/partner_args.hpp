// Whose view a statement shows (SPEC §5): `--partner ID` for one partner's statement, for its
// board, and `--thousands` for its tables in £000 (SPEC §2: totals allocated so they add up).
#pragma once

#include "model/agreement.hpp"
#include "model/indices.hpp"

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

namespace poolkit::cli {

struct PartnerArgs {
    std::string partner;
    bool thousands = false;
};

// --partner ID (its statement: `what`) and --thousands.
void add_partner_options(CLI::App& app, PartnerArgs& args, const std::string& what);

struct PartnerView {
    std::optional<PartnerIndex> partner;
    bool thousands = false;
};

// The view the arguments ask for; Error(usage) for --partner in CSV or XLSX, --thousands in CSV,
// JSON or XLSX (data contracts: they carry exact amounts, SPEC §2), and a partner the agreement
// (at `path`) does not have, with a "did you mean" hint.
PartnerView partner_view(const Agreement& agreement, const PartnerArgs& args,
                         const std::string& path, const std::string& format);

} // namespace poolkit::cli
