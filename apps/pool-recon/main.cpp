// pool-recon: the month-end reconciliation statement (SPEC §6) for pooled, aligned and joint
// budgets. Exit 0 clean; 1 with findings (rejected ledger lines, an invalid agreement, aligned
// spending where the partner's own budget is zero, joint charges above a cap); 2 when it cannot
// run.
#include "commitments_args.hpp"
#include "findings_report.hpp"
#include "recon_view_args.hpp"
#include "statement_options.hpp"
#include "statement_output.hpp"
#include "statement_run_args.hpp"
#include "statement_save.hpp"

#include "calc/reconciliation.hpp"
#include "model/varied_agreement.hpp"
#include "support/error.hpp"
#include "support/text.hpp"
#include "writers/recon_statement.hpp"

using namespace poolkit;

int main(int argc, char** argv) {
    cli::ToolApp app{cli::Tool::recon};
    std::string forecast = "profile", table = "schemes", commitments;
    cli::StatementRunArgs args;
    cli::ReconViewArgs view_args;
    cli::add_recon_view_options(app, view_args);
    cli::add_forecast_method_option(app, forecast);
    app.add_option("--table", table, "with --format csv: " + or_list(cli::choices(recon_tables)))
        ->check(CLI::IsMember(cli::choices(recon_tables)))
        ->default_str("schemes");
    app.add_option("--commitments", commitments,
                   "forecast from a commitments register (SPEC §12): actual + committed cost to "
                   "31 March + [forecast] new_starts; schemes with no rows by --forecast")
        ->type_name("FILE");
    const std::vector<std::string> formats = cli::statement_formats({"csv", "json"});
    cli::add_statement_run_options(app, args, formats);
    cli::add_cash_option(app, args.cash);
    cli::add_workspace_options(app, args.workspace, true);
    cli::ForecastArgs forecast_args;
    cli::add_forecast_options(app, forecast_args);

    return cli::run(app, argc, argv, [&]() -> int {
        if (app.count("--table") && args.out.format != "csv")
            throw Error(ErrorKind::usage, "--table goes with --format csv");
        cli::StartedRun started =
            cli::start_statement_run("pool-recon", argc, argv, args, &commitments);
        std::vector<InputFile>& inputs = started.record.inputs;
        const Agreement loaded = cli::load_valid_agreement(args.agreement_path, inputs);
        const ReconTable csv_table = cli::recon_table(table, loaded, args.agreement_path);
        const cli::ReconView view =
            cli::recon_view(loaded, view_args, args.agreement_path, !commitments.empty(), csv_table,
                            args.out.format);
        const Period period = view.to;
        // The variations in effect by the period, and by the one before (SPEC §14).
        const Agreement a = as_varied(loaded, period), before = as_varied_before(loaded, period);
        cli::check_forecast_options(forecast_args, !commitments.empty(), csv_table);
        LedgerRun run = cli::read_statement_ledgers("pool-recon", a, args, inputs);
        const auto cash = cli::read_cash_args("pool-recon", a, args.cash, inputs);
        std::optional<CommitmentsRead> reg;
        if (!commitments.empty())
            reg = cli::read_commitments_arg("pool-recon", a, commitments, inputs);
        const cli::ForecastInputs fin =
            cli::read_forecast_args("pool-recon", a, period, forecast_args, inputs);
        ReconStatement st{
            a,
            reconcile(a, *run.actuals, period,
                      forecast_methods.parse(forecast).value_or(ForecastMethod::profile),
                      cli::cash_of(cash), cli::commitments_for(a, reg, period),
                      cli::adjustments_of(a, fin.adjust), &before),
            run.control,
            run.files.size(), // the ledgers, or the one --actuals file
            args.ledgers.rejects_path,
            std::move(started.record)};
        st.cash_register = cli::cash_summary(cash);
        st.actuals = &*run.actuals;
        st.rejects = std::move(run.rejects);
        cli::add_forecast_inputs(st, fin, reg);
        cli::add_view(st, view, loaded, *run.actuals, cli::cash_of(cash));
        const auto output = [&](const std::string& format) {
            return cli::statement_output(format, [&] { return recon_document(st); },
                                         {{"json", [&] { return recon_json(st); }},
                                          {"csv", [&] { return recon_csv(st, csv_table); }}});
        };
        cli::write_output(args.out.output, output(args.out.format));
        if (args.workspace.save)
            cli::save_statements("pool-recon", "recon", *started.workspace, period.label(), formats,
                                 output, st.run.inputs);
        return std::max(cli::recon_findings(st, args.out.format), cli::rejected_rows(reg, fin));
    });
}
