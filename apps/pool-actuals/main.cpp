// pool-actuals: validate and aggregate ledgers into actuals by partner, scheme and period
// (SPEC §4, §5). Exit 0 clean, 1 with rejected lines, 2 when it cannot run.
#include "cli.hpp"

#include "calc/aggregate.hpp"
#include "money/error.hpp"
#include "readers/agreement_loader.hpp"
#include "readers/ledger_profile.hpp"
#include "readers/ledger_reader.hpp"
#include "writers/actuals_statement.hpp"

#include <fmt/format.h>

#include <iostream>

using namespace poolkit;

int main(int argc, char** argv) {
    CLI::App app{"Validate ledgers and add them up by partner, scheme and period (SPEC §4).\n"
                 "Every line is accepted or rejected with its file, line and reason.",
                 "pool-actuals"};
    cli::describe_tool(app, "pool-actuals");
    std::string agreement_path, rejects_path, by = "partner,scheme,period";
    std::vector<std::string> profiles, ledgers;
    bool no_dup = false;
    unsigned threads = 0;
    cli::OutputOptions out;
    app.add_option("--agreement", agreement_path,
                   "check codes and dates against this agreement (TOML); without one any codes "
                   "and any month are accepted")
        ->type_name("FILE");
    app.add_option("--profile", profiles,
                   "the ledger profile (TOML; \"default\" is the built-in layout). Once for every "
                   "ledger, or once per ledger in the same order")
        ->type_name("FILE")
        ->allow_extra_args(false);
    app.add_option("--rejects", rejects_path,
                   "write the rejected lines (file, line, reason, fields) to FILE as CSV")
        ->type_name("FILE");
    app.add_option("--by", by, "group by any of partner,scheme,period,cost_centre")
        ->default_str("partner,scheme,period");
    app.add_flag("--no-duplicate-check", no_dup, "do not reject lines with a repeated key");
    app.add_option("--threads", threads, "parsing threads (default: every core)")->group("");
    cli::add_output_options(app, out, {"text", "csv", "json"});
    app.add_option("ledgers", ledgers, "ledger CSV files (- is standard input)")
        ->required()
        ->type_name("LEDGER");

    return cli::run(app, argc, argv, [&]() -> int {
        std::string why;
        auto grouping = parse_grouping(by, &why);
        if (!grouping) throw Error(ErrorKind::usage, "--by: " + why);
        if (!profiles.empty() && profiles.size() != 1 && profiles.size() != ledgers.size())
            throw Error(ErrorKind::usage,
                        fmt::format("--profile is given {} times for {} ledger file{}: give it "
                                    "once (for every ledger) or once per ledger",
                                    profiles.size(), ledgers.size(),
                                    ledgers.size() == 1 ? "" : "s"));

        std::optional<Agreement> agreement;
        std::vector<InputFile> inputs;
        if (!agreement_path.empty()) {
            AgreementLoad load = load_agreement(agreement_path);
            for (const auto& d : load.diagnostics.items)
                std::cerr << d.formatted() << '\n';
            if (!load.agreement)
                throw Error(ErrorKind::input, {agreement_path, 0, 0},
                            "the agreement has errors (above); run pool-check on it");
            agreement = std::move(load.agreement);
            inputs.push_back(load.input);
        }

        std::vector<LedgerSpec> specs;
        std::vector<LoadedProfile> loaded;
        for (const auto& p : profiles)
            loaded.push_back(load_ledger_profile(p));
        for (std::size_t i = 0; i < ledgers.size(); ++i) {
            LedgerSpec s;
            s.path = ledgers[i];
            if (!loaded.empty()) {
                const LoadedProfile& lp = loaded[loaded.size() == 1 ? 0 : i];
                s.profile = lp.profile;
                if (!lp.record.path.empty() && (loaded.size() > 1 || i == 0))
                    s.profile_record = lp.record;
            }
            specs.push_back(std::move(s));
        }

        LedgerOptions opts;
        opts.duplicate_check = !no_dup;
        opts.by_cost_centre = grouping->cost_centre;
        opts.threads = threads;
        // CSV output records no inputs, so it needs no SHA-256 of the ledgers.
        opts.hash_inputs = out.format != "csv";
        LedgerRun run = read_ledgers(agreement ? &*agreement : nullptr, specs, opts);

        ActualsStatement st;
        st.rows = group_rows(run.rows, *grouping);
        st.by = *grouping;
        st.control = run.control;
        st.files = run.files;
        st.rejects = std::move(run.rejects);
        for (auto& in : run.inputs)
            inputs.push_back(std::move(in));
        st.inputs = std::move(inputs);
        if (agreement) {
            st.agreement_id = agreement->id;
            st.agreement_title = agreement->title;
            st.financial_year = agreement->year.label();
        }
        st.rejects_path = rejects_path;

        if (!rejects_path.empty())
            cli::write_output(rejects_path, rejects_csv(st.rejects, run.headers));
        std::string doc = out.format == "json"  ? actuals_json(st)
                          : out.format == "csv" ? actuals_csv(st)
                                                : actuals_text(st);
        cli::write_output(out.output, doc);
        if (!st.rejects.empty() && out.format != "text")
            std::cerr << fmt::format("pool-actuals: {} of {} lines rejected{}\n",
                                     st.control.lines_rejected, st.control.lines_read,
                                     rejects_path.empty() ? " (--rejects FILE lists them)"
                                                          : " (see " + rejects_path + ")");
        return st.rejects.empty() ? cli::exit_clean : cli::exit_findings;
    });
}
