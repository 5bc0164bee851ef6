// The pool workspace (SPEC §13): pool.toml's keys and defaults, located errors, paths relative to
// the workspace file, and ledger globs in byte order; the day-month ambiguity of date formats
// (SPEC §11).
#include "readers/ledger_date.hpp"
#include "readers/workspace.hpp"
#include "support/error.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace poolkit;

namespace {
std::string error_of(const std::string& toml) {
    try {
        parse_workspace(toml, "ws/pool.toml");
    } catch (const Error& e) {
        return e.formatted();
    }
    return "";
}
} // namespace

TEST_CASE("workspace: keys, defaults and paths relative to the workspace file") {
    Workspace ws = parse_workspace("agreement = \"agreement.toml\"\n"
                                   "[[ledger]]\npath = \"ledgers/*.csv\"\nprofile = \"p.toml\"\n"
                                   "partner = \"ICB\"\n",
                                   "ws/pool.toml");
    CHECK(ws.agreement == "agreement.toml");
    CHECK(ws.cash.empty());
    CHECK(ws.formats == std::vector<std::string>{"text"}); // default: text alone
    REQUIRE(ws.ledgers.size() == 1);
    CHECK(ws.ledgers[0].partner == "ICB");
    CHECK(ws.ledgers[0].where.line == 3);
    CHECK(workspace_path(ws, "agreement.toml") == "ws/agreement.toml");
    CHECK(workspace_path(ws, "/abs/a.toml") == "/abs/a.toml");
    CHECK(profile_is_path("p.toml"));
    CHECK(profile_is_path("profiles/p"));
    CHECK_FALSE(profile_is_path("icb-oracle"));
}

TEST_CASE("workspace: errors are located at the key, with a hint") {
    CHECK(error_of("agreemnt = \"a.toml\"\n") ==
          "ws/pool.toml:1:1: error: unknown key 'agreemnt' in [top level]; did you mean "
          "'agreement'? (known keys: agreement, cash, commitments, output, formats, ledger)");
    CHECK(error_of("agreement = 3\n") == "ws/pool.toml:1:13: error: 'agreement' must be a string");
    CHECK(error_of("formats = [\"text\", \"text\"]\n") ==
          "ws/pool.toml:1:20: error: 'formats' lists \"text\" twice");
    CHECK(error_of("[[ledger]]\nprofile = \"icb-oracle\"\n").find("a [[ledger]] needs a path") !=
          std::string::npos);
}

TEST_CASE("workspace: a ledger glob expands in byte order, relative to the workspace file") {
    const auto dir = std::filesystem::temp_directory_path() / "poolkit-workspace-test";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "ledgers");
    for (const char* name : {"b.csv", "B.csv", "a.csv", "a.txt"})
        std::ofstream(dir / "ledgers" / name) << "x\n";
    Workspace ws;
    ws.file = (dir / "pool.toml").string();
    WorkspaceLedger led{"ledgers/*.csv", "", "", {}, {}};
    const std::string d = (dir / "ledgers/").string();
    // Byte order: upper case before lower case, whatever the locale's collation.
    CHECK(expand_ledger_glob(ws, led) ==
          std::vector<std::string>{d + "B.csv", d + "a.csv", d + "b.csv"});
    led.path = "ledgers/none-*.csv";
    CHECK_THROWS_AS(expand_ledger_glob(ws, led), Error);
    std::filesystem::remove_all(dir);
}

TEST_CASE("date formats: day and month could be swapped unless the year comes first") {
    CHECK(DateFormat::compile("%d/%m/%Y")->day_month_ambiguous());
    CHECK(DateFormat::compile("%m/%d/%Y")->day_month_ambiguous());
    CHECK_FALSE(DateFormat::compile("%Y-%m-%d")->day_month_ambiguous());
    CHECK_FALSE(DateFormat::compile("%Y%m%d")->day_month_ambiguous());
}
