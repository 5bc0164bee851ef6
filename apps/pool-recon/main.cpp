// pool-recon: the month-end reconciliation statement (SPEC §6) for pooled, aligned and joint
// budgets. Exit 0 clean; 1 with findings (rejected ledger lines, an invalid agreement, aligned
// spending where the partner's own budget is zero, joint charges above a cap); 2 when it cannot
// run.
#include "binary_output.hpp"
#include "cash_args.hpp"
#include "cli.hpp"
#include "commitments_args.hpp"
#include "findings_report.hpp"
#include "inputs_args.hpp"
#include "recon_view_args.hpp"
#include "statement_options.hpp"
#include "statement_output.hpp"
#include "statement_save.hpp"
#include "workspace_args.hpp"

#include "calc/reconciliation.hpp"
#include "model/varied_agreement.hpp"
#include "support/error.hpp"
#include "support/text.hpp"
#include "writers/recon_statement.hpp"

#include <fmt/format.h>

using namespace poolkit;

int main(int argc, char** argv) {
    cli::ToolApp app{
        "pool-recon",
        "Month-end reconciliation of a pooled, aligned or joint budget: budget, "
        "actual and forecast by scheme, each partner's position, the RAG status and the "
        "ledger control totals (how each is worked out: docs/formulas.md)."};
    std::string agreement_path, forecast = "profile", table = "schemes", commitments;
    cli::LedgerArgs ledger_args;
    cli::OutputOptions out;
    cli::ReconViewArgs view_args;
    cli::add_recon_view_options(app, view_args);
    app.add_option("--forecast", forecast,
                   "forecast outturn method: profile (actual + remaining budget) or run-rate "
                   "(actual × 12 / m)")
        ->check(CLI::IsMember(cli::choices(forecast_methods)))
        ->default_str("profile");
    app.add_option("--table", table, "with --format csv: " + or_list(cli::choices(recon_tables)))
        ->check(CLI::IsMember(cli::choices(recon_tables)))
        ->default_str("schemes");
    app.add_option("--commitments", commitments,
                   "forecast from a commitments register (SPEC §12): actual + committed cost to "
                   "31 March + [forecast] new_starts; schemes with no rows by --forecast")
        ->type_name("FILE");
    const std::vector<std::string> formats = cli::statement_formats({"csv", "json", "xlsx"});
    cli::add_output_options(app, out, formats);
    cli::add_agreement_and_ledgers(app, agreement_path, ledger_args);
    cli::CashArgs cash_args;
    cli::add_cash_option(app, cash_args);
    cli::WorkspaceArgs ws_args;
    cli::add_workspace_options(app, ws_args, true);
    cli::ForecastArgs forecast_args;
    cli::add_forecast_options(app, forecast_args);

    return cli::run(app, argc, argv, [&]() -> int {
        if (app.count("--table") && out.format != "csv")
            throw Error(ErrorKind::usage, "--table goes with --format csv");
        cli::refuse_binary_to_terminal(out);
        RunRecord record = cli::run_record("pool-recon", argc, argv);
        std::vector<InputFile>& inputs = record.inputs;
        const auto ws = cli::apply_workspace(
            ws_args, {&agreement_path, &ledger_args, &cash_args.path, &commitments}, record);
        Agreement a = cli::load_valid_agreement(agreement_path, inputs);
        const ReconTable csv_table = cli::recon_table(table, a, agreement_path);
        const cli::ReconView view = cli::recon_view(a, view_args, agreement_path,
                                                    !commitments.empty(), csv_table, out.format);
        const Period period = view.to;
        a = as_varied(a, period); // the variations in effect by the period (SPEC §14)
        cli::check_forecast_options(forecast_args, !commitments.empty(), csv_table);
        LedgerRun run = cli::read_ledger_args("pool-recon", &a, ledger_args,
                                              cli::ledger_options(out.format), inputs);
        const auto cash = cli::read_cash_args("pool-recon", a, cash_args, inputs);

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
                      cli::adjustments_of(a, fin.adjust)),
            run.control,
            run.files.size(), // the ledgers, or the one --actuals file
            ledger_args.rejects_path,
            std::move(record)};
        st.cash_register = cli::cash_summary(cash);
        st.actuals = &*run.actuals;
        cli::add_forecast_inputs(st, fin, reg);
        cli::add_view(st, view, *run.actuals, cli::cash_of(cash));

        const auto output = [&](const std::string& format) {
            return cli::statement_output(format, [&] { return recon_document(st); },
                                         {{"json", [&] { return recon_json(st); }},
                                          {"csv", [&] { return recon_csv(st, csv_table); }},
                                          {"xlsx", [&] { return recon_xlsx(st); }}});
        };
        cli::write_output(out.output, output(out.format));
        if (ws_args.save)
            cli::save_statements("pool-recon", "recon", *ws, period.label(), formats, output,
                                 st.run.inputs);
        return std::max(cli::recon_findings(st, out.format), cli::rejected_rows(reg, fin));
    });
}
