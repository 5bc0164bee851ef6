// pool-shares [AGREEMENT]: contribution shares by partner and scheme, and the payment schedule by
// period (SPEC §5). Thin: load the agreement, compute, pick the writer, write atomically.
#include "binary_output.hpp"
#include "cli.hpp"
#include "statement_output.hpp"
#include "workspace_args.hpp"

#include "model/varied_agreement.hpp"
#include "readers/agreement_loader.hpp"
#include "statement_options.hpp"
#include "support/visible_text.hpp"
#include "writers/shares_csv.hpp"
#include "writers/shares_json.hpp"
#include "writers/shares_text.hpp"

#include <iostream>

using namespace poolkit;

int main(int argc, char** argv) {
    cli::ToolApp app{cli::Tool::shares};
    cli::AgreementArgs args;
    cli::add_agreement_options(app, args);
    cli::OutputOptions out;
    cli::add_output_options(app, out, cli::statement_formats({"csv", "json"}));
    std::string table = "contributions", period_text;
    app.add_option("--period", period_text,
                   "the shares and schedule as varied by the variations in effect by PERIOD "
                   "(P01..P12 or YYYY-MM; default: every variation, SPEC §14)")
        ->type_name("PERIOD");
    app.add_option("--table", table,
                   "with --format csv: contributions (by scheme and partner, the default), "
                   "partners, or schedule")
        ->check(CLI::IsMember({"contributions", "partners", "schedule"}))
        ->default_str("contributions");

    return cli::run(app, argc, argv, [&] {
        cli::refuse_binary_to_terminal(out);
        if (app.count("--table") && out.format != "csv")
            throw Error(ErrorKind::usage,
                        "--table chooses the table of CSV output; use it with --format csv");
        RunRecord record = cli::agreement_run_record("pool-shares", argc, argv, args);
        AgreementLoad loaded = load_agreement(args.path);
        for (const auto& d : loaded.diagnostics.items)
            std::cerr << d.formatted() << '\n';
        if (!loaded.agreement) {
            cli::report_error("pool-shares", "the agreement is not valid; run pool-check " +
                                                 args.path + " for the full report");
            return int(cli::exit_findings);
        }
        const Period period =
            period_text.empty() ? Period::last() : cli::period_arg(*loaded.agreement, period_text);
        const Agreement varied = as_varied(*loaded.agreement, period); // SPEC §14
        // The workspace (when read), the agreement and last year's settlement (SPEC §13, §14).
        std::vector<InputFile> inputs = std::move(record.inputs);
        inputs.push_back(loaded.input);
        inputs.insert(inputs.end(), varied.inputs_read.begin(), varied.inputs_read.end());
        SharesStatement st = make_shares_statement(varied, std::move(inputs));
        st.run.tool = "pool-shares";
        st.run.arguments = std::move(record.arguments);
        std::string content;
        if (out.format == "json")
            content = shares_json(st);
        else if (out.format == "csv") {
            SharesTable which = *parse_shares_table(table);
            content = shares_csv(st, which);
            // The CSV holds only its header: say why, so an empty table is not taken for a fault.
            if (which == SharesTable::schedule && !st.schedule.has_instalments())
                std::cerr << "pool-shares: note: " << visible(st.agreement.id) << " is "
                          << (st.agreement.kind == AgreementKind::aligned ? "an aligned"
                                                                          : "a joint")
                          << " budget, which has no payment schedule (see the text output); the "
                             "CSV holds only its header\n";
        } else
            content = cli::statement_output(out.format, [&] { return shares_document(st); });
        cli::write_output(out.output, content);
        return int(cli::exit_clean);
    });
}
