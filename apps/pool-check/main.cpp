// pool-check [AGREEMENT]: validates an agreement against every rule of SPEC §3 and, when it is
// valid, prints a one-screen summary of its terms (SPEC §5). Diagnostics, and the findings on terms
// that are lawful but risky (as warnings), go to stderr as "FILE:LINE:COL: error: MESSAGE";
// --format json puts them in a poolkit.check/1 document and --format csv in rows instead.
// --explain prints the terms in plain English with the findings (writers/explain.hpp) as text or
// Markdown, the diagnostics within it. In a document, only their count is on stderr.
// Exit 0 valid (warnings allowed), 1 invalid, 2 could not run (unreadable, syntax error, usage).
#include "binary_output.hpp"
#include "cli.hpp"
#include "statement_output.hpp"
#include "workspace_args.hpp"

#include "readers/agreement_loader.hpp"
#include "support/error.hpp"
#include "writers/check_csv.hpp"
#include "writers/check_json.hpp"
#include "writers/check_summary.hpp"
#include "writers/explain.hpp"

#include <iostream>

using namespace poolkit;

int main(int argc, char** argv) {
    cli::ToolApp app{cli::Tool::check};
    cli::AgreementArgs args;
    cli::add_agreement_options(app, args);
    bool explain = false;
    app.add_flag("--explain", explain,
                 "print the agreement's terms in plain English, then the findings: errors, and "
                 "terms that are lawful but risky, each with why it matters");
    cli::OutputOptions out;
    cli::add_output_options(app, out, cli::statement_formats({"json", "csv"}));

    return cli::run(app, argc, argv, [&] {
        cli::refuse_binary_to_terminal(out);
        RunRecord run = cli::agreement_run_record("pool-check", argc, argv, args);
        AgreementLoad load = load_agreement(args.path);
        run.inputs.push_back(load.input);
        if (load.agreement) // and last year's settlement, when it gives the opening balance (§14)
            for (const InputFile& f : load.agreement->inputs_read)
                run.inputs.push_back(f);
        const Agreement* agreement = load.agreement ? &*load.agreement : nullptr;
        Explanation e = make_explanation(agreement, args.path, load.diagnostics, run);
        // The same warnings in every form: the loader's and the findings (SPEC §5).
        const Diagnostics all = checked_diagnostics(e);
        std::string content;
        if (out.format == "json")
            content = check_json(e);
        else if (out.format == "csv")
            content = check_csv(e);
        else if (explain)
            content = cli::statement_output(out.format, [&] { return explain_document(e); });
        else {
            for (const auto& d : all.items)
                std::cerr << d.formatted() << '\n';
            if (agreement)
                content = cli::statement_output(out.format,
                                                [&] { return check_document(*agreement, run); });
        }
        if (!all.items.empty()) std::cerr << check_count_line(args.path, all);
        if (!content.empty()) cli::write_output(out.output, content);
        return int(load.agreement ? cli::exit_clean : cli::exit_findings);
    });
}
