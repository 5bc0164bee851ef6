#include "statement_run_args.hpp"

#include "binary_output.hpp"

namespace poolkit::cli {

void add_statement_run_options(CLI::App& app, StatementRunArgs& args,
                               const std::vector<std::string>& formats) {
    add_output_options(app, args.out, formats);
    add_agreement_and_ledgers(app, args.agreement_path, args.ledgers);
}

StartedRun start_statement_run(std::string_view tool, int argc, char** argv, StatementRunArgs& args,
                               std::string* commitments) {
    refuse_binary_to_terminal(args.out);
    StartedRun started{run_record(tool, argc, argv), std::nullopt};
    started.workspace = apply_workspace(
        args.workspace, {&args.agreement_path, &args.ledgers, &args.cash.path, commitments},
        started.record);
    return started;
}

LedgerRun read_statement_ledgers(std::string_view tool, const Agreement& agreement,
                                 const StatementRunArgs& args, std::vector<InputFile>& inputs) {
    return read_ledger_args(tool, &agreement, args.ledgers, ledger_options(args.out.format),
                            inputs);
}

} // namespace poolkit::cli
