// Fuzz target: pool-verify's path from a statement to the tool it runs again (SPEC §5, §8). The
// input is the statement (JSON); a statement may have been edited by anyone, so what it records
// must never make the re-run do more than the tool that made it did.
// Properties, whenever read_statement_run accepts the statement:
// - the tool is the one that writes the statement's schema;
// - the re-run's arguments hold exactly one output, pool-verify's own "-o -", by the argument
//   split (run_arguments.hpp) and by CLI11 itself parsing them with the tools' own output and
//   ledger options: no statement can choose a file to write, by any spelling of an option;
// - the paths the arguments name are either recorded inputs or reported by unrecorded_paths
//   (asked of a world where every path exists), and none when nothing exists.
// Allowed failure: poolkit::Error of kind input, naming the statement's file. Anything else (a
// crash, a sanitizer report, another exception escaping) is a bug.
#include "fuzz_target.hpp"

#include "cli.hpp"
#include "inputs_args.hpp"
#include "model/schemas.hpp"
#include "readers/json_reader.hpp"
#include "statement_arguments.hpp"
#include "support/error.hpp"

#include <algorithm>
#include <string>
#include <string_view>

namespace {

using namespace poolkit;

// The re-run's arguments as the tools' parser reads them, with the options every ledger tool has:
// the output is still standard output and no rejects file is named. Checked after a usage error
// too (a missing ledger, --help): CLI11 has assigned the options' values by then, and a value that
// reached -o or --rejects is a spelling the argument split missed.
void check_with_cli11(const std::vector<std::string>& args) {
    CLI::App app{"fuzz", "pool-settle"};
    cli::OutputOptions out;
    cli::add_output_options(app, out, {"text", "csv", "json", "md"});
    cli::LedgerArgs ledger_args;
    std::string agreement, period, paid, table;
    app.add_option("--period", period);
    app.add_option("--paid", paid);
    app.add_option("--table", table);
    app.add_flag("--memorandum");
    app.add_option("agreement", agreement);
    cli::add_ledger_options(app, ledger_args);
    std::vector<std::string> reversed(args.rbegin(), args.rend()); // CLI11 takes them backwards
    try {
        app.parse(reversed);
    } catch (const CLI::Error&) {
    }
    FUZZ_CHECK(out.output == "-");
    FUZZ_CHECK(ledger_args.rejects_path.empty());
}

void check(const StatementRun& r) {
    // Every schema a tool writes or wrote (SPEC §5: recon and settle are at version 2, and a
    // statement of version 1 is still verified).
    FUZZ_CHECK(std::any_of(schema::makers.begin(), schema::makers.end(), [&](const auto& m) {
        return m.schema == r.schema && m.tool == r.run.tool;
    }));

    const std::vector<std::string> args = cli::rerun_arguments(r.run);
    std::vector<const char*> argv{r.run.tool.c_str()};
    for (const auto& a : args)
        argv.push_back(a.c_str());
    cli::SplitArguments split = cli::split_arguments(static_cast<int>(argv.size()), argv.data());
    FUZZ_CHECK(split.outputs.size() == 1);
    FUZZ_CHECK(split.outputs[0].option == "-o" && split.outputs[0].path == "-");
    FUZZ_CHECK(split.recorded == r.run.arguments);
    check_with_cli11(args);

    auto everything = [](const std::string&) { return true; };
    auto nothing = [](const std::string&) { return false; };
    const std::vector<std::string> unrecorded = cli::unrecorded_paths(r.run, everything);
    FUZZ_CHECK(cli::unrecorded_paths(r.run, nothing).empty());
    for (const auto& path : cli::named_paths(r.run.arguments)) {
        if (path == "-") continue;
        bool recorded = std::any_of(r.run.inputs.begin(), r.run.inputs.end(),
                                    [&](const InputFile& in) { return in.path == path; });
        bool reported = std::find(unrecorded.begin(), unrecorded.end(), path) != unrecorded.end();
        FUZZ_CHECK(recorded != reported);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(size ? reinterpret_cast<const char*>(data) : "", size);
    try {
        JsonValue doc = parse_json(text, "s.json");
        check(cli::read_statement_run(doc, "s.json"));
    } catch (const Error& e) {
        FUZZ_CHECK(e.kind() == ErrorKind::input);
        FUZZ_CHECK(e.where().file == "s.json");
        FUZZ_CHECK(std::string_view(e.what()).size() > 0);
    }
    return 0;
}
