// What part of the year and whose view pool-recon's statement shows (SPEC §5): `--period P` for
// one month end, `--period P01..P06` or `--period P06 --monthly` (P01 to P06) for the year month by
// month to the last of them; `--partner ID` for one partner's statement, `--thousands` for its
// amounts in £000.
#pragma once

#include "model/actuals.hpp"
#include "model/agreement.hpp"
#include "model/cash_register.hpp"
#include "model/indices.hpp"
#include "partner_args.hpp"
#include "writers/recon_statement.hpp"

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

namespace poolkit::cli {

struct ReconViewArgs {
    std::string period;
    bool monthly = false;
    PartnerArgs who;
};

// --period (required), --monthly, --partner, --thousands.
void add_recon_view_options(CLI::App& app, ReconViewArgs& args);

struct ReconView {
    Period from = Period::first(), to = Period::first();
    bool months = false; // a range or --monthly: the statement has the months from..to
    std::optional<PartnerIndex> partner;
    bool thousands = false;
};

// --forecast profile|run-rate (default profile).
void add_forecast_method_option(CLI::App& app, std::string& method);

// The view the arguments ask for, checked against the agreement and the other options; Error(usage)
// for a range that ends before it starts, a range with --monthly, months with --commitments (its
// forecast is made at one month end, SPEC §12), --table monthly without months, months with
// --partner of an aligned budget (its own budgets are not split by month), and what
// partner_view() refuses.
ReconView recon_view(const Agreement& agreement, const ReconViewArgs& args, const std::string& path,
                     bool commitments, ReconTable table, const std::string& format);

// The statement's months and partner pack, as `view` asks (calc/monthly.hpp,
// calc/partner_pack.hpp); `loaded` is the agreement as loaded, each month worked on its terms as
// varied by that month.
void add_view(ReconStatement& st, const ReconView& view, const Agreement& loaded,
              const Actuals& actuals, const CashRegister* cash);

} // namespace poolkit::cli
