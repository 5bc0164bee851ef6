// pool-verify STATEMENT.json: recomputes a statement from the run it records (issue 7, SPEC §5):
// checks each recorded input is there with its recorded size and SHA-256, runs the tool that made
// the statement again on them with the recorded arguments, and compares every figure. Exit 0
// identical; 1 a figure differs; 2 could not verify (an input missing or changed, not a statement,
// the tool failed or did not finish in time).
#include "cli.hpp"
#include "statement_run.hpp"

#include "calc/compare_figures.hpp"
#include "readers/input_source.hpp"
#include "readers/json_reader.hpp"
#include "readers/verify_inputs.hpp"
#include "support/child_process.hpp"
#include "support/error.hpp"
#include "support/visible_text.hpp"
#include "writers/verify_report.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <sys/stat.h>
#include <unistd.h>

using namespace poolkit;

namespace {

std::string this_directory() {
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) throw Error(ErrorKind::input, "cannot find where pool-verify is installed");
    return exe.parent_path().string();
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"Recompute a JSON statement from the inputs and arguments it records and report "
                 "any difference: an input missing or changed (exit 2, each one named), a figure "
                 "that differs (exit 1, each one listed), or identical (exit 0).",
                 "pool-verify"};
    cli::describe_tool(app, "pool-verify");
    std::string statement_path, base;
    unsigned timeout = 600;
    app.add_option("STATEMENT", statement_path,
                   "a JSON statement of pool-shares, pool-actuals, pool-recon, pool-settle or "
                   "pool-check (- reads standard input)")
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

    return cli::run(app, argc, argv, [&]() -> int {
        const std::string name = statement_path == "-" ? "<stdin>" : statement_path;
        InputText text = read_input(statement_path, "statement");
        JsonValue doc = parse_json(text.text, name);
        cli::StatementRun rec = cli::read_statement_run(doc, name);

        struct stat st {};
        if (!base.empty() && (::stat(base.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)))
            throw Error(ErrorKind::usage,
                        fmt::format("--base {}: not a directory (give the directory that holds "
                                    "the copied inputs at their recorded relative paths)",
                                    base));

        // Every input as recorded, or the statement cannot be recomputed from them.
        std::size_t problems = 0;
        for (const auto& in : rec.run.inputs) {
            InputCheck c = check_input(in, base);
            if (c.status == InputCheck::Status::same) continue;
            std::cerr << "pool-verify: " << visible(c.problem) << '\n';
            ++problems;
        }
        if (problems > 0)
            throw Error(ErrorKind::input,
                        fmt::format("{}: cannot be recomputed: {} of its {} input{} {} not as "
                                    "recorded (above)",
                                    name, problems, rec.run.inputs.size(),
                                    rec.run.inputs.size() == 1 ? "" : "s",
                                    problems == 1 ? "is" : "are"));
        cli::check_arguments_are_inputs(rec.run, base, name);

        const std::string program = this_directory() + "/" + rec.run.tool;
        if (::access(program.c_str(), X_OK) != 0)
            throw Error(ErrorKind::input,
                        fmt::format("cannot run {}: it is not next to pool-verify ({})",
                                    rec.run.tool, program));
        ChildResult redo = run_child(program, cli::rerun_arguments(rec.run),
                                     base.empty() ? "." : base, std::chrono::seconds(timeout),
                                     {"pool-verify: cannot change to the --base directory\n",
                                      "pool-verify: cannot run the tool\n"});
        if (redo.timed_out) {
            std::cerr << redo.err;
            throw Error(ErrorKind::input,
                        fmt::format("{} did not finish recomputing {} within {} second{}, so it "
                                    "was stopped (a slower machine or a bigger ledger may need a "
                                    "longer --timeout)",
                                    rec.run.tool, name, timeout, timeout == 1 ? "" : "s"));
        }
        // Exit 1 is a tool's findings (rejected lines, an invalid agreement): its statement is
        // still there to compare.
        if (redo.exit_code != 0 && redo.exit_code != 1) {
            std::cerr << visible_lines(redo.err);
            throw Error(ErrorKind::input,
                        fmt::format("{} could not recompute {} ({}; its messages are above)",
                                    rec.run.tool, name,
                                    redo.exit_code < 0 ? std::string("killed by a signal")
                                                       : fmt::format("exit {}", redo.exit_code)));
        }
        if (redo.out.empty()) {
            std::cerr << visible_lines(redo.err);
            throw Error(ErrorKind::input,
                        fmt::format("{} wrote no statement when run again (its messages are "
                                    "above)",
                                    rec.run.tool));
        }
        JsonValue again = parse_json(redo.out, "the output of " + rec.run.tool);

        // A statement of an earlier schema version (SPEC §5) is checked on the figures both
        // versions carry; the report says how many it could not compare.
        const JsonValue* schema_now = again.find("schema");
        const bool older = !schema_now || schema_now->text != rec.schema;
        FigureComparison cmp = compare_figures(flatten_json(doc), flatten_json(again), older);
        if (older)
            std::cerr << fmt::format("pool-verify: note: {} is a {} statement; this poolkit writes "
                                     "{}: the {} figures both carry are compared, {} that only "
                                     "one of them has are not\n",
                                     name, rec.schema, schema_now ? schema_now->text : "?",
                                     cmp.compared, cmp.not_compared);
        std::cout << verify_report(name, cmp, rec.run.inputs.size(),
                                   rec.run.tool + " " + rec.version);
        return cmp.identical() ? cli::exit_clean : cli::exit_findings;
    });
}
