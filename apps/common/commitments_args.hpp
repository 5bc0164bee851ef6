// --commitments FILE, --previous STATEMENT.json and --adjust FILE on a command line (SPEC §12):
// each read against the agreement, rejected rows and warnings told on stderr as a ledger's are,
// each file's record among the inputs.
#pragma once

#include "calc/commitments_forecast.hpp"
#include "inputs_args.hpp"
#include "model/previous_statement.hpp"
#include "readers/adjustments_reader.hpp"
#include "readers/commitments_reader.hpp"
#include "writers/recon_statement.hpp"

#include <CLI/CLI.hpp>

#include <optional>

#include <string>
#include <string_view>
#include <vector>

namespace poolkit::cli {

// Reads the register at `path`, prints each rejected row ("FILE:LINE:COL: rejected: REASON") and
// each warning on stderr, and appends its record to `inputs`. Rejected rows are a finding: the
// caller exits 1 when `rejects` is not empty.
CommitmentsRead read_commitments_arg(std::string_view tool, const Agreement& agreement,
                                     const std::string& path, std::vector<InputFile>& inputs);

// The forecast from the register read, when one was (SPEC §12).
std::optional<CommitmentsForecast> commitments_for(const Agreement& agreement,
                                                   const std::optional<CommitmentsRead>& read,
                                                   Period period);

// pool-cases' LEDGER...: the accepted lines by partner, scheme, period and case (SPEC §12; the
// case in ActualsRow::cost_centre), and how many lines were rejected (a finding, exit 1).
struct CaseSpend {
    std::vector<ActualsRow> rows;
    std::uint64_t rejected = 0;
};
// Nothing when no ledgers are given; else read_ledger_args grouping by the `case` column.
CaseSpend read_case_spend(std::string_view tool, const Agreement& agreement, const LedgerArgs& args,
                          const std::string& format, std::vector<InputFile>& inputs);

// pool-recon's --previous STATEMENT.json and --adjust FILE.
struct ForecastArgs {
    std::string previous;
    std::string adjust;
};
void add_forecast_options(CLI::App& app, ForecastArgs& args);

// Error(usage) for a table of what was not asked for: --table cases without --commitments,
// --table adjustments without --adjust, --table movement without --previous.
void check_forecast_options(const ForecastArgs& args, bool commitments, ReconTable table);

// What --adjust and --previous read (nothing of what was not given).
struct ForecastInputs {
    std::optional<AdjustmentsRead> adjust;
    std::optional<PreviousStatement> previous;
};
// read_adjust_arg and read_previous_arg, in that order.
ForecastInputs read_forecast_args(std::string_view tool, const Agreement& agreement, Period period,
                                  const ForecastArgs& args, std::vector<InputFile>& inputs);
// The adjustments with their reasons into the statement, and its movement measured against the
// previous statement (calc/forecast_movement.hpp), split from the register when one was read.
void add_forecast_inputs(ReconStatement& st, const ForecastInputs& in,
                         const std::optional<CommitmentsRead>& reg);
// 1 when the register or the adjustments had rejected rows (a finding), else 0.
int rejected_rows(const std::optional<CommitmentsRead>& reg, const ForecastInputs& in);

// Reads --adjust FILE (nothing when not given), telling stderr about its rejected rows, and
// appends its record to `inputs`. Rejected rows are a finding (exit 1).
std::optional<AdjustmentsRead> read_adjust_arg(std::string_view tool, const Agreement& agreement,
                                               const std::string& path,
                                               std::vector<InputFile>& inputs);

// The adjustments by scheme, as reconcile takes them (empty when none were given).
std::vector<Money> adjustments_of(const Agreement& agreement,
                                  const std::optional<AdjustmentsRead>& read);

// Reads --previous STATEMENT.json (nothing when not given) for a statement of `period`, and
// appends its record to `inputs`; Error(input) when it cannot be measured against (exit 2).
std::optional<PreviousStatement> read_previous_arg(const Agreement& agreement, Period period,
                                                   const std::string& path,
                                                   std::vector<InputFile>& inputs);

} // namespace poolkit::cli
