// Making a statement again (SPEC §5, pool-verify): the tool found beside the running program, run
// in the base directory with the recorded arguments, its statement read from its output; each way
// it can fail is an input error naming the statement, the tool's own messages shown first. Here
// "the tool" is a small shell script, named by its path from the test program's directory.
#include "ledger_test_support.hpp"

#include "readers/statement_rerun.hpp"
#include "support/child_process.hpp"
#include "support/error.hpp"

#include <doctest/doctest.h>

#include <fmt/format.h>

#include <filesystem>
#include <string>
#include <sys/stat.h>

using namespace poolkit;
using poolkit::test::TempDir;

namespace {

struct Rerun {
    std::string shown;   // what was given to `show`
    std::string error;   // the error's message, or "" when it succeeded
    JsonValue statement; // what was read, when it succeeded
};

// Writes `script` as an executable file "tool" in `dir` and recomputes s.json with it, passing
// `args`, in the directory `base`, for `seconds` at most.
Rerun rerun(const TempDir& dir, const std::string& script, std::vector<std::string> args,
            std::string base = ".", int seconds = 60) {
    const std::string path = dir.file("tool", "#!/bin/sh\n" + script + "\n");
    ::chmod(path.c_str(), 0755);
    RunRecord run;
    run.tool = std::filesystem::relative(path, program_directory()).string();
    Rerun r;
    try {
        r.statement = recompute_statement(run, args, base, std::chrono::seconds(seconds), "s.json",
                                          [&](std::string_view s) { r.shown += s; });
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::input);
        // The tool is named by its path as given: replace it by "TOOL".
        r.error = e.what();
        for (auto at = r.error.find(run.tool); at != std::string::npos; at = r.error.find(run.tool))
            r.error.replace(at, run.tool.size(), "TOOL");
    }
    return r;
}

} // namespace

TEST_CASE("rerun: the tool's statement is read from its output, exit 0 or 1") {
    TempDir dir;
    // The arguments reach the tool as given, and it runs in the base directory.
    Rerun r =
        rerun(dir, R"sh(printf '{"first": "%s", "count": %d, "dir": "%s"}' "$1" $# "$(pwd)")sh",
              {"a b", "--period"}, dir.path());
    CHECK(r.error.empty());
    REQUIRE(r.statement.find("first"));
    CHECK(r.statement.find("first")->text == "a b");
    CHECK(r.statement.find("count")->text == "2");
    CHECK(std::filesystem::equivalent(r.statement.find("dir")->text, dir.path()));
    CHECK(r.shown.empty());
    // Exit 1 is the tool's findings (rejected lines): its statement is still read, and its
    // messages are not shown again here (the tool's run shows them).
    r = rerun(dir, R"sh(echo "line 3 rejected" >&2; echo '{"ok": true}'; exit 1)sh", {});
    CHECK(r.error.empty());
    CHECK(r.statement.find("ok")->scalar() == "true");
    CHECK(r.shown.empty());
}

TEST_CASE("rerun: a tool that is not there, fails, is killed or prints nothing is refused") {
    TempDir dir;
    // Not beside the program (no such file).
    RunRecord missing;
    missing.tool = "pool-nothing-here";
    try {
        recompute_statement(missing, {}, "", std::chrono::seconds(60), "s.json",
                            [](std::string_view) {});
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::input);
        CHECK(std::string(e.what()) ==
              fmt::format("cannot run pool-nothing-here: it is not next to pool-verify "
                          "({}/pool-nothing-here)",
                          program_directory()));
    }
    // An exit other than 0 and 1: its messages are shown, then the exit.
    Rerun r = rerun(dir, "echo 'cannot read the ledger' >&2; exit 3", {});
    CHECK(r.shown == "cannot read the ledger\n");
    CHECK(r.error == "TOOL could not recompute s.json (exit 3; its messages are above)");
    // Killed by a signal.
    r = rerun(dir, "kill -9 $$", {});
    CHECK(r.error ==
          "TOOL could not recompute s.json (killed by a signal; its messages are above)");
    // Nothing on standard output.
    r = rerun(dir, "echo 'nothing to say' >&2", {});
    CHECK(r.shown == "nothing to say\n");
    CHECK(r.error == "TOOL wrote no statement when run again (its messages are above)");
    // A base directory that is not there: the child says so and exits 127.
    r = rerun(dir, "echo '{}'", {}, dir.path() + "/no-such-base");
    CHECK(r.shown == "pool-verify: cannot change to the --base directory\n");
    CHECK(r.error == "TOOL could not recompute s.json (exit 127; its messages are above)");
}

TEST_CASE("rerun: a tool that runs past the time limit is stopped, its messages shown") {
    TempDir dir;
    Rerun r = rerun(dir, "echo 'reading the ledger' >&2; sleep 30", {}, ".", 1);
    CHECK(r.shown == "reading the ledger\n");
    CHECK(r.error == "TOOL did not finish recomputing s.json within 1 second, so it was stopped (a "
                     "slower machine or a bigger ledger may need a longer --timeout)");
}
