// pool-verify STATEMENT.json: recomputes a statement from the run it records (SPEC §5): checks
// each recorded input is there with its recorded size and SHA-256, runs the tool that made the
// statement again on them with the recorded arguments, and compares every figure. Exit 0
// identical; 1 a figure differs; 2 could not verify (an input missing or changed, not a statement,
// the tool failed or did not finish in time). --format json writes the report as a
// poolkit.verify/1 document.
#include "binary_output.hpp"
#include "cli.hpp"
#include "data_directory.hpp"
#include "statement_arguments.hpp"
#include "statement_output.hpp"

#include "calc/compare_figures.hpp"
#include "readers/input_source.hpp"
#include "readers/statement_rerun.hpp"
#include "readers/verify_inputs.hpp"
#include "support/error.hpp"
#include "support/visible_text.hpp"
#include "writers/verify_report.hpp"

#include <fmt/format.h>

#include <iostream>
#include <sys/stat.h>

using namespace poolkit;

int main(int argc, char** argv) {
    cli::ToolApp app{cli::Tool::verify};
    std::string statement_path, base;
    unsigned timeout = 600;
    app.add_option("STATEMENT", statement_path,
                   "a JSON statement of pool-shares, pool-actuals, pool-recon, pool-settle, "
                   "pool-cases or pool-check (- reads standard input)")
        ->required();
    app.add_option("--base", base,
                   "resolve the statement's relative input paths against DIR (an auditor's copy "
                   "of the inputs) and run the tool there; default: the current directory")
        ->type_name("DIR");
    app.add_option("--timeout", timeout,
                   "give the tool run again SECONDS to finish, then stop it and exit 2")
        ->type_name("SECONDS")
        ->check(CLI::Range(1u, 7u * 24 * 3600))
        ->default_str("600");
    cli::OutputOptions out;
    cli::add_output_options(app, out, cli::statement_formats({"json"}));

    return cli::run(app, argc, argv, [&]() -> int {
        cli::refuse_binary_to_terminal(out);
        const std::string name = statement_path == "-" ? "<stdin>" : statement_path;
        InputText statement = read_input(statement_path, "statement");
        JsonValue doc = parse_json(statement.text, name);
        StatementRun rec = cli::read_statement_run(doc, name);
        cli::check_output_is_not_an_input(rec.run, base, out.output);
        struct stat st {};
        if (!base.empty() && (::stat(base.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)))
            throw Error(ErrorKind::usage,
                        fmt::format("--base {}: not a directory (give the directory that holds "
                                    "the copied inputs at their recorded relative paths)",
                                    base));
        // Every input as recorded, or the statement cannot be recomputed from them.
        check_inputs(
            rec.run.inputs, base, name,
            [](std::string_view problem) {
                std::cerr << "pool-verify: " << visible(problem) << '\n';
            },
            cli::shipped_input_path);
        cli::check_arguments_are_inputs(rec.run, base, name);
        JsonValue again = recompute_statement(
            rec.run, cli::rerun_arguments(rec.run), base, std::chrono::seconds(timeout), name,
            [](std::string_view messages) { std::cerr << messages; });

        // A statement of an earlier schema version (SPEC §5) is checked on the figures both
        // versions carry; the report says how many it could not compare.
        const JsonValue* schema_now = again.find("schema");
        const bool older = !schema_now || schema_now->text != rec.schema;
        FigureComparison cmp = compare_figures(flatten_json(doc), flatten_json(again), older);
        if (older)
            std::cerr << older_schema_note(name, rec.schema, schema_now ? schema_now->text : "?",
                                           cmp);
        RunRecord run = cli::run_record("pool-verify", argc, argv);
        run.inputs.push_back(statement.record);
        const VerifiedStatement verified{name, rec.schema, rec.run.tool, rec.version,
                                         rec.run.inputs.size()};
        cli::write_output(
            out.output,
            cli::statement_output(out.format, [&] { return verify_document(verified, cmp, run); },
                                  {{"json", [&] { return verify_json(verified, cmp, run); }}}));
        return cmp.identical() ? cli::exit_clean : cli::exit_findings;
    });
}
