// pool-actuals: validate and aggregate ledgers into actuals by partner, scheme and period
// (SPEC §4, §5). Exit 0 clean, 1 with rejected lines, 2 when it cannot run.
#include "cli.hpp"
#include "findings_report.hpp"
#include "inputs_args.hpp"
#include "statement_output.hpp"
#include "workspace_args.hpp"

#include "calc/aggregate.hpp"
#include "readers/ledger_reader.hpp"
#include "support/error.hpp"
#include "writers/actuals_statement.hpp"

using namespace poolkit;

int main(int argc, char** argv) {
    cli::ToolApp app{cli::Tool::actuals};
    std::string agreement_path, by = "partner,scheme,period";
    cli::LedgerArgs ledger_args;
    cli::OutputOptions out;
    app.add_option("--agreement", agreement_path,
                   "check codes and dates against this agreement (TOML); without one any codes "
                   "and any month are accepted")
        ->type_name("FILE");
    app.add_option("--by", by, "group by any of partner,scheme,period,cost_centre")
        ->default_str("partner,scheme,period");
    cli::add_output_options(app, out, {"text", "csv", "json", "md", "jsonl"});
    cli::add_ledger_options(app, ledger_args);
    app.get_option("ledgers")->required(false); // a workspace may name them
    cli::WorkspaceArgs workspace;
    cli::add_workspace_options(app, workspace, false);
    app.get_option("--pool")->description(
        "the workspace file (SPEC §13) whose agreement and ledgers to read; default: pool.toml "
        "in the current directory when neither --agreement nor a LEDGER is given. Arguments on "
        "the command line win");

    return cli::run(app, argc, argv, [&]() -> int {
        std::string why;
        auto grouping = parse_grouping(by, &why);
        if (!grouping) throw Error(ErrorKind::usage, "--by: " + why);
        std::optional<Agreement> agreement;
        RunRecord record = cli::run_record("pool-actuals", argc, argv);
        // SPEC §13: the workspace, with --pool or when given nothing to read.
        cli::apply_workspace(
            workspace, {&agreement_path, &ledger_args, nullptr, nullptr, "--agreement"}, record);
        if (ledger_args.ledgers.empty())
            throw Error(ErrorKind::usage,
                        "no LEDGER given: name one or more ledger CSV files (- for standard "
                        "input), or give --pool FILE, a workspace that names them");
        if (!agreement_path.empty())
            agreement = cli::load_valid_agreement(agreement_path, record.inputs);

        LedgerOptions opts = cli::ledger_options(out.format);
        opts.by_cost_centre = grouping->cost_centre;
        LedgerRun run = cli::read_ledger_files(agreement ? &*agreement : nullptr, ledger_args, opts,
                                               record.inputs);
        ActualsStatement st;
        st.rows = group_rows(run.rows, *grouping);
        st.by = *grouping;
        st.control = run.control;
        st.files = run.files;
        st.rejects = std::move(run.rejects);
        st.run = std::move(record);
        if (agreement) {
            st.agreement_id = agreement->id;
            st.agreement_title = agreement->title;
            st.financial_year = agreement->year.label();
        }
        st.rejects_path = ledger_args.rejects_path;
        cli::write_output(out.output,
                          cli::statement_output(out.format, [&] { return actuals_document(st); },
                                                {{"json", [&] { return actuals_json(st); }},
                                                 {"csv", [&] { return actuals_csv(st); }},
                                                 {"jsonl", [&] { return actuals_jsonl(st); }}}));
        return cli::actuals_findings(st, out.format);
    });
}
