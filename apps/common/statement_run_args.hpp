// What every statement tool (pool-recon, pool-settle) takes and does first (SPEC §5, §13): -o and
// --format, the agreement and ledgers, --cash, the workspace; then the run's record, the
// workspace's files filled in, the agreement loaded and the ledgers and cash register read.
#pragma once

#include "cash_args.hpp"
#include "cli.hpp"
#include "inputs_args.hpp"
#include "workspace_args.hpp"

#include "model/agreement.hpp"
#include "readers/statement_run.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace poolkit::cli {

struct StatementRunArgs {
    std::string agreement_path;
    LedgerArgs ledgers;
    CashArgs cash;
    WorkspaceArgs workspace;
    OutputOptions out;
};

// -o and --format (`formats`), then the agreement and the ledgers, in --help's order.
void add_statement_run_options(CLI::App& app, StatementRunArgs& args,
                               const std::vector<std::string>& formats);

// The start of a run: binary output refused on a terminal, the run recorded, the workspace's
// files filled in (`commitments`: the tool's --commitments, or null).
struct StartedRun {
    RunRecord record;
    std::optional<Workspace> workspace;
};
StartedRun start_statement_run(std::string_view tool, int argc, char** argv, StatementRunArgs& args,
                               std::string* commitments);

// The ledgers (or --actuals), read against `agreement` into `inputs` for the output's format.
LedgerRun read_statement_ledgers(std::string_view tool, const Agreement& agreement,
                                 const StatementRunArgs& args, std::vector<InputFile>& inputs);

} // namespace poolkit::cli
