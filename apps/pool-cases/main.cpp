// pool-cases: the panel's view of the cases a pool funds (SPEC §12) — each case's committed cost
// after the period, by referring partner and placement type, the average weekly cost of each
// type, and each partner's referrals' share of the commitments beside its share of the
// contributions. Exit 0 clean; 1 with rejected register rows or an invalid agreement; 2 when it
// cannot run.
#include "binary_output.hpp"
#include "cli.hpp"
#include "commitments_args.hpp"
#include "inputs_args.hpp"
#include "statement_options.hpp"
#include "statement_output.hpp"
#include "workspace_args.hpp"

#include "calc/panel_cases.hpp"
#include "support/error.hpp"
#include "writers/cases_statement.hpp"

using namespace poolkit;

int main(int argc, char** argv) {
    cli::ToolApp app{cli::Tool::cases};
    std::string agreement_path, period_text, commitments;
    cli::OutputOptions out;
    cli::add_agreement_argument(app, agreement_path);
    app.add_option("--commitments", commitments,
                   "the commitments register (CSV); default: the workspace's")
        ->type_name("FILE");
    cli::WorkspaceArgs ws_args;
    cli::add_workspace_options(app, ws_args, false);
    app.add_option("--period", period_text, "the month end: P01..P12 or YYYY-MM")
        ->required()
        ->type_name("PERIOD");
    cli::add_output_options(app, out, cli::statement_formats({"csv", "json"}));
    cli::LedgerArgs ledger_args; // LEDGER...: the spend per case, by their `case` column (§12)
    cli::add_ledger_options(app, ledger_args);
    app.get_option("ledgers")->required(false);

    return cli::run(app, argc, argv, [&]() -> int {
        cli::refuse_binary_to_terminal(out);
        RunRecord record = cli::run_record("pool-cases", argc, argv);
        cli::apply_workspace(ws_args, {&agreement_path, nullptr, nullptr, &commitments}, record);
        if (commitments.empty())
            throw Error(ErrorKind::usage, "--commitments FILE is required: the register of the "
                                          "cases (or commitments = \"FILE\" in the workspace)");
        Agreement a = cli::load_valid_agreement(agreement_path, record.inputs);
        const Period period = cli::period_arg(a, period_text);
        CommitmentsRead reg =
            cli::read_commitments_arg("pool-cases", a, commitments, record.inputs);
        const cli::CaseSpend spend =
            cli::read_case_spend("pool-cases", a, ledger_args, out.format, record.inputs);
        CasesStatement st{a, panel_cases(a, reg.register_, period, spend.rows), std::move(record),
                          !ledger_args.ledgers.empty()};
        cli::write_output(out.output,
                          cli::statement_output(out.format, [&] { return cases_document(st); },
                                                {{"json", [&] { return cases_json(st); }},
                                                 {"csv", [&] { return cases_csv(st); }}}));
        const bool rejects = !reg.rejects.empty() || spend.rejected > 0;
        return rejects ? cli::exit_findings : cli::exit_clean;
    });
}
