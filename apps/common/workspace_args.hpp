// The pool workspace on a command line (SPEC §13): --pool FILE, or pool.toml in the working
// directory when no agreement is given, fills in what the command line leaves out (arguments on
// the command line win), and the run records the files it names, never the globs, so pool-verify
// redoes it exactly.
#pragma once

#include "model/input_file.hpp"
#include "readers/workspace.hpp"

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace poolkit::cli {

struct LedgerArgs;

struct WorkspaceArgs {
    std::string pool; // --pool FILE
    bool save = false;
};

// Adds --pool FILE; with `save`, --save too.
void add_workspace_options(CLI::App& app, WorkspaceArgs& args, bool save);

// Adds the positional AGREEMENT (a TOML file, - for standard input, the workspace's by default):
// the first argument of every tool that reads one agreement.
void add_agreement_argument(CLI::App& app, std::string& path);

// The one agreement of a tool that reads nothing else (pool-check, pool-shares): the positional
// AGREEMENT, and --pool, whose workspace names it when the command line does not (SPEC §13).
struct AgreementArgs {
    std::string path;
    WorkspaceArgs workspace;
};

// Adds AGREEMENT, then --pool (no --save).
void add_agreement_options(CLI::App& app, AgreementArgs& args);

// What a workspace may fill in; a null target is not the tool's.
struct WorkspaceTargets {
    std::string* agreement = nullptr;
    LedgerArgs* ledgers = nullptr; // filled when no ledger and no --actuals are given
    std::string* cash = nullptr;
    std::string* commitments = nullptr;
    // The option that gives the agreement when it is not the first positional argument
    // ("--agreement": pool-actuals, whose agreement is optional). Such a tool reads a workspace
    // with --pool, or when it is given neither an agreement nor a ledger.
    const char* agreement_option = nullptr;
};

// With --pool, or when the command line names no agreement (with `agreement_option`: neither an
// agreement nor a ledger): loads the workspace (--pool FILE, else ./pool.toml; Error(usage) saying
// what to do when there is none), fills each target the command line left empty (ledger globs
// expanded in byte order, paths relative to the workspace file; a file it names that is not
// there is Error(input) at its line of the workspace), puts the workspace's record first in
// record.inputs and rewrites record.arguments to name what was filled in (--pool kept, --save
// dropped). Otherwise nullopt and nothing changes.
std::optional<Workspace> apply_workspace(const WorkspaceArgs& args, WorkspaceTargets targets,
                                         RunRecord& record);

// The record of a run of `tool` (run_record) that reads one agreement, with the workspace applied
// to it: its path filled in from the workspace when the command line gave none.
RunRecord agreement_run_record(std::string_view tool, int argc, const char* const* argv,
                               AgreementArgs& args);

} // namespace poolkit::cli
