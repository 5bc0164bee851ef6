#include "inputs_args.hpp"

#include "cli.hpp"
#include "data_directory.hpp"
#include "readers/actuals_csv_reader.hpp"
#include "readers/agreement_loader.hpp"
#include "readers/ledger_profile.hpp"
#include "support/error.hpp"
#include "support/visible_text.hpp"
#include "writers/actuals_statement.hpp"

#include <fmt/format.h>

#include <iostream>

namespace poolkit::cli {

Agreement load_valid_agreement(const std::string& path, std::vector<InputFile>& inputs) {
    AgreementLoad load = load_agreement(path);
    for (const auto& d : load.diagnostics.items)
        std::cerr << d.formatted() << '\n';
    if (!load.agreement)
        throw Error(ErrorKind::findings, {path, 0, 0},
                    fmt::format("the agreement has {} error{} (above): nothing was computed; run "
                                "pool-check {} for the full report",
                                load.diagnostics.error_count(),
                                load.diagnostics.error_count() == 1 ? "" : "s", path));
    inputs.push_back(load.input);
    for (const InputFile& f : load.agreement->inputs_read) // SPEC §14: last year's settlement
        inputs.push_back(f);
    return std::move(*load.agreement);
}

void add_ledger_options(CLI::App& app, LedgerArgs& args) {
    app.add_option("--profile", args.profiles,
                   "the ledger profile of every LEDGER not written LEDGER=PROFILE: a shipped one "
                   "by name (icb-oracle, bristol-agresso) or a TOML file; \"default\" is the "
                   "built-in layout (given once per ledger instead, it pairs by position, only "
                   "when no ledger is paired and the counts match)")
        ->type_name("FILE")
        ->allow_extra_args(false);
    app.add_option("--ledger-partner", args.ledger_partners,
                   "LEDGER=ID: LEDGER is partner ID's ledger: the partner of a layout that has "
                   "none, checked against its lines' partner or its profile's [fixed] partner")
        ->type_name("LEDGER=ID")
        ->allow_extra_args(false);
    app.add_option("--rejects", args.rejects_path,
                   "write the rejected lines (file, line, reason, fields) to FILE as CSV, or as "
                   "JSON Lines when FILE ends .jsonl")
        ->type_name("FILE");
    app.add_flag("--no-duplicate-check", args.no_duplicate_check,
                 "do not reject lines whose key (default: ref) was seen before");
    app.add_option("--threads", args.threads, "parsing threads (default: every core)")->group("");
    app.add_option("ledgers", args.ledgers,
                   "ledger CSV files (- is standard input), each FILE (the default layout, or "
                   "--profile's) or FILE=PROFILE (a shipped profile's name or a TOML file)")
        ->required()
        ->type_name("LEDGER");
}

void add_agreement_and_ledgers(CLI::App& app, std::string& agreement_path, LedgerArgs& args) {
    // Not required: a workspace may name it (SPEC §13; workspace_args.hpp).
    app.add_option("agreement", agreement_path,
                   "the agreement (TOML); default: the workspace's (--pool, or pool.toml here)")
        ->type_name("AGREEMENT");
    add_ledger_options(app, args);
    app.get_option("ledgers")->required(false); // or --actuals: read_ledger_args checks
    app.add_option("--actuals", args.actuals_path,
                   "read the aggregate that pool-actuals --format csv writes (partner,scheme,"
                   "period,lines,amount,income; - is standard input) instead of LEDGER...")
        ->type_name("FILE");
}

LedgerOptions ledger_options(const std::string& format) {
    LedgerOptions options;
    options.hash_inputs = format != "csv" && format != "jsonl";
    return options;
}

void write_rejects(const std::string& path, const LedgerRun& run) {
    // A name ending .jsonl asks for JSON Lines, as -o FILE.html picks HTML (SPEC §5).
    const bool jsonl = path.ends_with(".jsonl");
    write_output(path, [&](const PutPiece& put) {
        if (jsonl)
            write_rejects_jsonl(*run.all_rejects, put);
        else
            write_rejects_csv(*run.all_rejects, run.headers, put);
    });
}

namespace {

// Whether the run reads the aggregate --actuals instead of ledgers: a statement tool (it has the
// agreement) given --actuals, or given no ledger (read_actuals_args says what to give).
bool reads_aggregate(const Agreement* agreement, const LedgerArgs& args) {
    return agreement && (!args.actuals_path.empty() || args.ledgers.empty());
}

// --actuals in place of the ledgers (SPEC §5): the aggregate was read and checked by the run that
// made it, so the options that shape a ledger read have nothing to act on.
LedgerRun read_actuals_args(const Agreement& agreement, const LedgerArgs& args,
                            std::vector<InputFile>& inputs) {
    if (args.actuals_path.empty())
        throw Error(ErrorKind::usage,
                    "no ledger given; name one or more ledger CSV files after the agreement (- "
                    "for standard input), or give --actuals FILE, the aggregate pool-actuals "
                    "--format csv wrote of them");
    if (!args.ledgers.empty())
        throw Error(ErrorKind::usage,
                    "--actuals and ledger files together: give the ledgers, or --actuals with "
                    "the aggregate of all of them (pool-actuals --format csv LEDGER...), not both");
    for (const auto& [given, name] : {std::pair{!args.profiles.empty(), "--profile"},
                                      {!args.ledger_partners.empty(), "--ledger-partner"},
                                      {!args.rejects_path.empty(), "--rejects"},
                                      {args.no_duplicate_check, "--no-duplicate-check"}})
        if (given)
            throw Error(ErrorKind::usage,
                        fmt::format("{} goes with ledger files, not --actuals: give it to the "
                                    "pool-actuals run that wrote the aggregate",
                                    name));
    LedgerRun run = read_actuals_csv(agreement, args.actuals_path);
    for (auto& in : run.inputs)
        inputs.push_back(std::move(in));
    return run;
}

} // namespace

LedgerRun read_ledger_files(const Agreement* agreement, const LedgerArgs& args,
                            LedgerOptions options, std::vector<InputFile>& inputs) {
    if (reads_aggregate(agreement, args)) return read_actuals_args(*agreement, args, inputs);
    options.duplicate_check = !args.no_duplicate_check;
    options.threads = args.threads;
    options.rejects_kept = rejects_kept;
    if (agreement) check_partners_known(*agreement, args);
    const std::vector<LedgerSpec> specs = ledger_specs(args);
    LedgerRun run = read_ledgers(agreement, specs, options);
    if (agreement) check_ledger_partners(*agreement, specs, run.files);
    warn_ambiguous_dates(specs, run.files);
    if (!args.rejects_path.empty()) write_rejects(args.rejects_path, run);
    for (auto& in : run.inputs)
        inputs.push_back(std::move(in));
    run.inputs.clear();
    return run;
}

LedgerRun read_ledger_args(std::string_view tool, const Agreement* agreement,
                           const LedgerArgs& args, LedgerOptions options,
                           std::vector<InputFile>& inputs) {
    LedgerRun run = read_ledger_files(agreement, args, options, inputs);
    if (reads_aggregate(agreement, args)) return run;
    const std::size_t shown = 10;
    for (std::size_t i = 0; i < run.rejects.size() && i < shown; ++i)
        std::cerr << fmt::format("{}:{}: rejected: {}\n", visible(run.rejects[i].file),
                                 run.rejects[i].line, visible(run.rejects[i].reason));
    if (run.control.lines_rejected > shown)
        std::cerr << fmt::format(
            "{}: ... and {} more rejected lines{}\n", tool, run.control.lines_rejected - shown,
            args.rejects_path.empty() ? " (--rejects FILE lists them all)"
                                      : " (all in " + visible(args.rejects_path) + ")");
    return run;
}

} // namespace poolkit::cli
