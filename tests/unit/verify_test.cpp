// pool-verify's parts (SPEC §5): the arguments a statement records, the footer that prints them,
// the check of recorded inputs against the files, and the figure-by-figure comparison.
#include "calc/compare_figures.hpp"
#include "cli.hpp"
#include "model/schemas.hpp"
#include "readers/json_reader.hpp"
#include "readers/verify_inputs.hpp"
#include "statement_arguments.hpp"
#include "support/version.hpp"
#include "writers/inputs.hpp"
#include "writers/json.hpp"
#include "writers/verify_report.hpp"

#include "ledger_test_support.hpp"

#include <doctest/doctest.h>

using namespace poolkit;

namespace {

std::vector<std::string> recorded(std::vector<const char*> args) {
    args.insert(args.begin(), "pool-recon");
    return cli::recorded_arguments(static_cast<int>(args.size()), args.data());
}

using Strings = std::vector<std::string>;

// SHA-256("abc"), FIPS 180-2 appendix B.1.
const std::string abc_sha = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

} // namespace

TEST_CASE("verify: the recorded arguments drop only the output options, in every form") {
    CHECK(recorded({"a.toml", "l.csv", "--period", "P06"}) ==
          Strings{"a.toml", "l.csv", "--period", "P06"});
    // --format json, --format=json, -o FILE, -oFILE, --output FILE, --output=FILE.
    CHECK(recorded({"--format", "json", "a.toml", "-o", "s.json", "--period", "P06"}) ==
          Strings{"a.toml", "--period", "P06"});
    CHECK(recorded({"--format=md", "-os.json", "a.toml", "--output=x", "--output", "y", "l.csv"}) ==
          Strings{"a.toml", "l.csv"});
    // --table, --rejects and --threads choose what is written where, or how fast: dropped.
    CHECK(recorded({"--table", "partners", "--rejects", "r.csv", "--threads=2", "a.toml",
                    "--rejects=r2.csv", "--threads", "1", "--table=ledger"}) == Strings{"a.toml"});
    // What shapes the result stays, as given: --profile, --forecast, --paid, --memorandum, --by.
    CHECK(recorded({"--profile", "p.toml", "--forecast=run-rate", "--paid", "paid.csv",
                    "--memorandum", "--by", "scheme", "--no-duplicate-check"}) ==
          Strings{"--profile", "p.toml", "--forecast=run-rate", "--paid", "paid.csv",
                  "--memorandum", "--by", "scheme", "--no-duplicate-check"});
    // After "--" every argument is a file, even one named like an option.
    CHECK(recorded({"a.toml", "--", "-o", "--format"}) ==
          Strings{"a.toml", "--", "-o", "--format"});
    // A trailing option without its value (a usage error the tool reports) is dropped too.
    CHECK(recorded({"a.toml", "-o"}) == Strings{"a.toml"});
    CHECK(recorded({}).empty());

    RunRecord r =
        cli::run_record("pool-recon", 3, std::vector<const char*>{"x", "a", "-oB"}.data());
    CHECK(r.tool == "pool-recon");
    CHECK(r.arguments == Strings{"a"});
    CHECK(r.inputs.empty());
}

TEST_CASE("verify: a statement's record is read back, and may not choose an output or a file") {
    auto read = [](const std::string& arguments, const std::string& inputs) {
        return cli::read_statement_run(
            parse_json("{\"schema\": \"poolkit.recon/1\", \"tool\": \"pool-recon\", "
                       "\"version\": \"0.1.0\", \"arguments\": [" +
                           arguments + "], \"inputs\": [" + inputs + "]}",
                       "s.json"),
            "s.json");
    };
    const std::string agreement =
        R"({"role": "agreement", "path": "a.toml", "bytes": 3, "sha256": "x"})";
    StatementRun r = read(R"("a.toml", "--period", "P06")", agreement);
    CHECK(r.schema == schema::recon_v1);
    CHECK(r.version == "0.1.0");
    CHECK(r.run.tool == "pool-recon");
    REQUIRE(r.run.inputs.size() == 1);
    CHECK(r.run.inputs[0].path == "a.toml");
    CHECK(r.run.inputs[0].bytes == 3);
    // Run again: the statement as JSON on standard output, then the recorded arguments.
    CHECK(cli::rerun_arguments(r.run) ==
          Strings{"--format", "json", "-o", "-", "a.toml", "--period", "P06"});

    // An output option in any form, a bundle of short options too, is refused.
    for (const char* args : {R"("-o", "x")", R"("--rejects=x")", R"("-ho", "x")", R"("-hox")"})
        CHECK_THROWS_WITH_AS(read(args, agreement),
                             "not a poolkit statement: its \"arguments\" choose where output "
                             "goes (-o, --format, --table, --rejects or --threads), which a tool "
                             "never records",
                             Error);

    // The paths the arguments name that are not inputs, where something exists: here everything
    // but "P06" exists, and only a.toml is an input.
    auto exists = [](const std::string& p) { return p != "P06"; };
    CHECK(cli::unrecorded_paths(r.run, exists).empty());
    StatementRun edited = read(
        R"("a.toml", "--period", "P06", "/dev/zero", "--paid=p.csv", "-", "/dev/zero")", agreement);
    CHECK(cli::unrecorded_paths(edited.run, exists) == Strings{"/dev/zero", "p.csv"});
}

TEST_CASE("verify: the run is recorded in JSON and in the text footer") {
    RunRecord run{"pool-recon",
                  {"--period", "P06", "my agreement.toml", "it's.csv"},
                  {{"agreement", "my agreement.toml", 3, abc_sha}}};
    JsonWriter json;
    json.begin_object();
    json.field("schema", schema::recon_v1);
    write_run_json(json, run);
    json.end_object();
    auto flat = flatten_json(parse_json(json.str(), "t.json"));
    std::vector<std::pair<std::string, std::string>> want{{"schema", std::string(schema::recon_v1)},
                                                          {"tool", "pool-recon"},
                                                          {"version", poolkit_version},
                                                          {"arguments[0]", "--period"},
                                                          {"arguments[1]", "P06"},
                                                          {"arguments[2]", "my agreement.toml"},
                                                          {"arguments[3]", "it's.csv"},
                                                          {"inputs[0].role", "agreement"},
                                                          {"inputs[0].path", "my agreement.toml"},
                                                          {"inputs[0].sha256", abc_sha},
                                                          {"inputs[0].bytes", "3"}};
    CHECK(flat == want);
    // The footer quotes what a shell would split or expand, so the Run: line can be pasted.
    CHECK(run_footer(run) == "Inputs: my agreement.toml (sha256 ba7816bf8f01, 3 bytes). poolkit " +
                                 std::string(poolkit_version) +
                                 "\nRun: pool-recon --period P06 'my agreement.toml' "
                                 "'it'\\''s.csv'\n");
    CHECK(shell_quote("examples/a-b_c.toml") == "examples/a-b_c.toml");
    CHECK(shell_quote("") == "''");
    CHECK(shell_quote("$HOME") == "'$HOME'");
}

TEST_CASE("verify: recorded inputs are checked by size and SHA-256") {
    test::TempDir dir;
    dir.file("abc.csv", "abc");
    const InputFile rec{"ledger", "abc.csv", 3, abc_sha};

    // Found at base/path: the same.
    InputCheck same = check_input(rec, dir.path());
    CHECK(same.status == InputCheck::Status::same);
    CHECK(same.looked_at == dir.path() + "/abc.csv");
    CHECK(same.bytes == 3);
    CHECK(same.sha256 == abc_sha);
    CHECK(same.problem.empty());
    // An absolute path is not moved by the base.
    CHECK(check_input({"ledger", dir.path() + "/abc.csv", 3, abc_sha}, "/nowhere").status ==
          InputCheck::Status::same);

    // One byte changed, the same size: the hash tells.
    dir.file("abc.csv", "abd");
    InputCheck changed = check_input(rec, dir.path());
    CHECK(changed.status == InputCheck::Status::changed);
    CHECK(changed.problem.find("ledger abc.csv: changed (looked for " + dir.path() +
                               "/abc.csv): same size (3 bytes) but sha256 ") == 0);
    CHECK(changed.problem.find(", ba7816bf8f01… in the statement") != std::string::npos);

    // A byte more: both sizes are named, from the file's size without reading it.
    dir.file("abc.csv", "abcd");
    InputCheck longer = check_input(rec, dir.path());
    CHECK(longer.status == InputCheck::Status::changed);
    CHECK(longer.bytes == 4);
    CHECK(longer.problem == "ledger abc.csv: changed (looked for " + dir.path() +
                                "/abc.csv): 4 bytes now, 3 bytes in the statement");

    InputCheck missing = check_input({"profile", "p.toml", 1, abc_sha}, dir.path());
    CHECK(missing.status == InputCheck::Status::missing);
    CHECK(missing.problem == "profile p.toml: missing (looked for " + dir.path() + "/p.toml)");

    CHECK(check_input({"agreement", "-", 3, abc_sha}, "").status ==
          InputCheck::Status::standard_input);
    CHECK(check_input({"ledger", dir.path(), 3, abc_sha}, "").status ==
          InputCheck::Status::unreadable);

    // Only regular files are read: a device is refused unread (a FIFO or /dev/zero, which could
    // hold pool-verify for ever, are cases in tests/e2e/verify/hostile.test, under a timeout).
    InputCheck device = check_input({"ledger", "/dev/null", 0, abc_sha}, "");
    CHECK(device.status == InputCheck::Status::unreadable);
    CHECK(device.problem == "ledger /dev/null: is a character device, not a regular file: "
                            "pool-verify reads only the files a statement was made from");
    // No more than the recorded size and one byte: a file whose size stat cannot tell (in /proc
    // it says 0) is read for 1 byte when the statement says 0, and is then known to be longer.
    InputCheck proc = check_input({"ledger", "/proc/self/status", 0, abc_sha}, "");
    CHECK(proc.status == InputCheck::Status::changed);
    CHECK(proc.bytes == 1);
    CHECK(proc.problem == "ledger /proc/self/status: changed: more than 0 bytes now, 0 bytes in "
                          "the statement");

    CHECK(resolve_input_path("a/b.csv", "") == "a/b.csv");
    CHECK(resolve_input_path("a/b.csv", "copy") == "copy/a/b.csv");
    CHECK(resolve_input_path("a/b.csv", "copy/") == "copy/a/b.csv");
    CHECK(resolve_input_path("/abs/b.csv", "copy") == "/abs/b.csv");
}

TEST_CASE("verify: figures are compared by path, as text, to the penny") {
    Figures statement{{"schema", "poolkit.settle/1"},
                      {"schemes[0].outturn", "1234.56"},
                      {"schemes[0].variance", "-0.01"},
                      {"carried_forward", "0.00"}};

    FigureComparison same = compare_figures(statement, statement);
    CHECK(same.identical());
    CHECK(same.compared == 4);

    // One penny on one figure; one figure the statement lacks; one the recomputation lacks.
    Figures again{{"schema", "poolkit.settle/1"},
                  {"schemes[0].outturn", "1234.57"},
                  {"schemes[0].variance", "-0.01"},
                  {"unallocated", "0.00"}};
    FigureComparison cmp = compare_figures(statement, again);
    REQUIRE(cmp.differences.size() == 3);
    CHECK(describe_difference(cmp.differences[0]) ==
          "schemes[0].outturn: statement 1234.56, recomputed 1234.57");
    CHECK(describe_difference(cmp.differences[1]) ==
          "carried_forward: statement 0.00, not in the recomputation");
    CHECK(describe_difference(cmp.differences[2]) ==
          "unallocated: not in the statement, recomputed 0.00");

    // Text, not numbers: "1234.5" is not "1234.50" (the writers always give two decimals).
    CHECK_FALSE(compare_figures({{"a", "1234.5"}}, {{"a", "1234.50"}}).identical());
    // A key duplicated by hand matches the recomputation's one occurrence; the extra is reported.
    FigureComparison dup = compare_figures({{"a", "1"}, {"a", "2"}}, {{"a", "1"}});
    REQUIRE(dup.differences.size() == 1);
    CHECK(describe_difference(dup.differences[0]) == "a: statement 2, not in the recomputation");
    CHECK(describe_difference({"note", std::string(), std::string("x")}) ==
          "note: statement \"\", recomputed x");
}

TEST_CASE("verify: the report, identical or not") {
    Figures f{{"schema", "poolkit.shares/1"}, {"total_budget", "3100000.00"}};
    CHECK(verify_report("s.json", compare_figures(f, f), 1, "pool-shares 0.1.0") ==
          "pool-verify: s.json verified: 2 figures from 1 input match (pool-shares 0.1.0)\n");
    Figures g{{"schema", "poolkit.shares/1"}, {"total_budget", "3100000.01"}};
    CHECK(verify_report("s.json", compare_figures(f, g), 1, "pool-shares 0.1.0") ==
          "total_budget: statement 3100000.00, recomputed 3100000.01\n"
          "pool-verify: s.json does not match its recomputation: 1 difference in 2 figures "
          "(pool-shares 0.1.0)\n");
}

TEST_CASE("verify: the JSON report, read back") {
    // One figure changed (3100000.00 -> .01) and one only in the recomputation ("note"): the
    // report names both, the missing side as null, and counts the statement's 2 figures.
    Figures f{{"schema", "poolkit.shares/1"}, {"total_budget", "3100000.00"}};
    Figures g{{"schema", "poolkit.shares/1"}, {"total_budget", "3100000.01"}, {"note", "x"}};
    RunRecord run{"pool-verify", {"s.json"}, {{"statement", "s.json", 12, std::string(64, 'a')}}};
    JsonValue doc =
        parse_json(verify_json({"s.json", "poolkit.shares/1", "pool-shares", "0.1.0", 1},
                               compare_figures(f, g), run),
                   "report");
    Figures got = flatten_json(doc);
    auto at = [&](const std::string& path) {
        for (const auto& [p, v] : got)
            if (p == path) return v;
        return std::string("(absent)");
    };
    CHECK(at("schema") == "poolkit.verify/1");
    CHECK(at("made_by.tool") == "pool-shares");
    CHECK(at("identical") == "false");
    CHECK(at("figures_compared") == "2");
    CHECK(at("differences[0].path") == "total_budget");
    CHECK(at("differences[0].statement") == "3100000.00");
    CHECK(at("differences[0].recomputed") == "3100000.01");
    CHECK(at("differences[1].path") == "note");
    CHECK(at("differences[1].statement") == "null");
    CHECK(at("differences[1].recomputed") == "x");
    CHECK(at("inputs[0].role") == "statement");
}
