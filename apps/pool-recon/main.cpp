// pool-recon: the month-end reconciliation statement (SPEC §6) for pooled, aligned and joint
// budgets. Exit 0 clean; 1 with findings (rejected ledger lines, an invalid agreement, aligned
// spending where the partner's own budget is zero, joint charges above a cap); 2 when it cannot
// run.
#include "cli.hpp"
#include "inputs_args.hpp"

#include "calc/reconciliation.hpp"
#include "support/error.hpp"
#include "writers/recon_statement.hpp"

#include <fmt/format.h>

#include <iostream>

using namespace poolkit;

int main(int argc, char** argv) {
    CLI::App app{"Month-end reconciliation of a pooled, aligned or joint budget (SPEC §6): budget, "
                 "actual and forecast by scheme, each partner's position, the RAG status and the "
                 "ledger control totals.",
                 "pool-recon"};
    cli::describe_tool(app, "pool-recon");
    std::string agreement_path, period_text, forecast = "profile", table = "schemes";
    cli::LedgerArgs ledger_args;
    cli::OutputOptions out;
    app.add_option("--period", period_text, "the month end: P01..P12 or YYYY-MM")
        ->required()
        ->type_name("PERIOD");
    app.add_option("--forecast", forecast,
                   "forecast outturn method: profile (actual + remaining budget) or run-rate "
                   "(actual × 12 / m)")
        ->check(CLI::IsMember({"profile", "run-rate"}))
        ->default_str("profile");
    app.add_option("--table", table,
                   "with --format csv: schemes, partners, invoices, aligned or ledger")
        ->check(CLI::IsMember({"schemes", "partners", "invoices", "aligned", "ledger"}))
        ->default_str("schemes");
    cli::add_output_options(app, out, {"text", "csv", "json", "md"});
    app.add_option("agreement", agreement_path, "the agreement (TOML)")
        ->required()
        ->type_name("AGREEMENT");
    cli::add_ledger_options(app, ledger_args);

    return cli::run(app, argc, argv, [&]() -> int {
        if (app.count("--table") && out.format != "csv")
            throw Error(ErrorKind::usage, "--table goes with --format csv");
        RunRecord record = cli::run_record("pool-recon", argc, argv);
        std::vector<InputFile>& inputs = record.inputs;
        Agreement a = cli::load_valid_agreement(agreement_path, inputs);
        auto period = a.year.parse_period(period_text);
        if (!period)
            throw Error(ErrorKind::usage,
                        fmt::format("--period {}: give P01..P12 or a month of {} as YYYY-MM "
                                    "({} to {})",
                                    period_text, a.year.label(), a.year.period_ym(1),
                                    a.year.period_ym(12)));
        ReconTable csv_table = ReconTable::schemes;
        for (auto t : {ReconTable::schemes, ReconTable::partners, ReconTable::invoices,
                       ReconTable::aligned, ReconTable::ledger})
            if (table == recon_table_name(t)) csv_table = t;
        // A table the agreement's kind does not have is a mistake in the script, not an empty
        // file (SPEC §6: partners for pooled funds and joint budgets, aligned for aligned
        // budgets, invoices for joint budgets).
        auto needs = [&](ReconTable t, AgreementKind k) {
            if (csv_table == t && a.kind != k)
                throw Error(ErrorKind::usage,
                            fmt::format("--table {} is for {} agreements; {} is {}", table,
                                        kind_name(k), agreement_path, kind_name(a.kind)));
        };
        if (csv_table == ReconTable::partners && a.kind == AgreementKind::aligned)
            throw Error(ErrorKind::usage,
                        fmt::format("--table partners is for pooled and joint agreements; {} is "
                                    "aligned (use --table aligned)",
                                    agreement_path));
        needs(ReconTable::aligned, AgreementKind::aligned);
        needs(ReconTable::invoices, AgreementKind::joint);
        LedgerOptions opts;
        opts.hash_inputs = out.format != "csv"; // CSV tables record no inputs
        LedgerRun run = cli::read_ledger_args("pool-recon", &a, ledger_args, opts, inputs);

        ReconStatement st{
            a,
            reconcile(a, *run.actuals, *period,
                      forecast == "run-rate" ? ForecastMethod::run_rate : ForecastMethod::profile),
            run.control,
            ledger_args.ledgers.size(),
            ledger_args.rejects_path,
            std::move(record)};

        std::string doc = out.format == "json"  ? recon_json(st)
                          : out.format == "csv" ? recon_csv(st, csv_table)
                          : out.format == "md"  ? recon_markdown(st)
                                                : recon_text(st);
        cli::write_output(out.output, doc);
        // Aligned spending where a partner's own budget is zero is a finding (SPEC §5, §6): the
        // partner must recode the lines or agree a budget. Text and Markdown say so themselves.
        std::size_t flagged = st.recon.spend_without_budget;
        if (flagged > 0 && out.format != "text" && out.format != "md")
            std::cerr << fmt::format("pool-recon: warning: {} partner row{} of spending on a "
                                     "scheme where the partner's own budget is zero (flagged "
                                     "spend_without_budget)\n",
                                     flagged, flagged == 1 ? "" : "s");
        // A joint partner's charges above its contribution plus its cap are charged to nobody:
        // a finding (SPEC §6), as an unallocated overspend is at the year end.
        const Money unallocated = st.recon.joint ? st.recon.joint->to_date.unallocated : Money{};
        if (unallocated.is_positive() && out.format != "text" && out.format != "md")
            std::cerr << fmt::format("pool-recon: warning: £{} of the charges to date is "
                                     "unallocated (above a partner's contribution plus its cap): "
                                     "the partners must agree how to meet it\n",
                                     format_display(unallocated));
        bool findings = run.control.lines_rejected > 0 || flagged > 0 || unallocated.is_positive();
        return findings ? cli::exit_findings : cli::exit_clean;
    });
}
