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

#include "calc/reconciliation.hpp"
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
    cli::add_output_options(app, out, cli::statement_formats({"csv", "json", "xlsx"}));
    cli::add_agreement_and_ledgers(app, agreement_path, ledger_args);
    cli::CashArgs cash_args;
    cli::add_cash_option(app, cash_args);

    return cli::run(app, argc, argv, [&]() -> int {
        if (app.count("--table") && out.format != "csv")
            throw Error(ErrorKind::usage, "--table goes with --format csv");
        cli::refuse_binary_to_terminal(out);
        RunRecord record = cli::run_record("pool-recon", argc, argv);
        std::vector<InputFile>& inputs = record.inputs;
        Agreement a = cli::load_valid_agreement(agreement_path, inputs);
        const ReconTable csv_table = cli::recon_table(table, a, agreement_path);
        const cli::ReconView view = cli::recon_view(a, view_args, agreement_path,
                                                    !commitments.empty(), csv_table, out.format);
        const Period period = view.to;
        if (!commitments.empty()) cli::check_commitments_forecast(a);
        LedgerRun run = cli::read_ledger_args("pool-recon", &a, ledger_args,
                                              cli::ledger_options(out.format), inputs);
        const auto cash = cli::read_cash_args("pool-recon", a, cash_args, inputs);

        std::optional<CommitmentsRead> reg;
        if (!commitments.empty())
            reg = cli::read_commitments_arg("pool-recon", a, commitments, inputs);
        ReconStatement st{
            a,
            reconcile(a, *run.actuals, period,
                      forecast_methods.parse(forecast).value_or(ForecastMethod::profile),
                      cli::cash_of(cash), cli::commitments_for(a, reg, period)),
            run.control,
            run.files.size(), // the ledgers, or the one --actuals file
            ledger_args.rejects_path,
            std::move(record)};
        st.cash_register = cli::cash_summary(cash);
        st.actuals = &*run.actuals;
        cli::add_view(st, view, *run.actuals, cli::cash_of(cash));

        cli::write_output(out.output,
                          cli::statement_output(out.format, [&] { return recon_document(st); },
                                                {{"json", [&] { return recon_json(st); }},
                                                 {"csv", [&] { return recon_csv(st, csv_table); }},
                                                 {"xlsx", [&] { return recon_xlsx(st); }}}));
        return std::max(cli::recon_findings(st, out.format), reg && !reg->rejects.empty() ? 1 : 0);
    });
}
