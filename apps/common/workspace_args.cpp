#include "workspace_args.hpp"

#include "cli.hpp"
#include "inputs_args.hpp"
#include "run_arguments.hpp"

#include "support/error.hpp"
#include "support/same_file.hpp"

#include <fmt/format.h>

#include <sys/stat.h>

namespace poolkit::cli {

namespace {

constexpr const char* default_workspace = "pool.toml";

bool exists(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0;
}

// The recorded arguments without --pool (the caller puts it first) and --save, which only says
// where else to write (SPEC §13).
std::vector<std::string> without_workspace_options(const std::vector<std::string>& arguments) {
    std::vector<std::string> out;
    bool positional_only = false;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& a = arguments[i];
        positional_only = positional_only || a == "--";
        if (!positional_only && a == "--save") continue;
        if (!positional_only && a == "--pool") {
            ++i;
            continue;
        }
        if (!positional_only && a.starts_with("--pool=")) continue;
        out.push_back(a);
    }
    return out;
}

} // namespace

void add_workspace_options(CLI::App& app, WorkspaceArgs& args, bool save) {
    app.add_option("--pool", args.pool,
                   "the workspace file (SPEC §13) that names the agreement, ledgers, cash register "
                   "and commitments; default: pool.toml in the current directory when no "
                   "AGREEMENT is given. Arguments on the command line win")
        ->type_name("FILE");
    if (save)
        app.add_flag("--save", args.save,
                     "also write the statement under the workspace's output folder ({period} "
                     "replaced), once in each of its formats");
}

void add_agreement_argument(CLI::App& app, std::string& path) {
    app.add_option("AGREEMENT", path,
                   "the agreement (TOML); - reads standard input; default: the workspace's "
                   "(--pool, or pool.toml here)");
}

void add_agreement_options(CLI::App& app, AgreementArgs& args) {
    add_agreement_argument(app, args.path);
    add_workspace_options(app, args.workspace, false);
}

std::optional<Workspace> apply_workspace(const WorkspaceArgs& args, WorkspaceTargets targets,
                                         RunRecord& record) {
    const bool agreement_given = targets.agreement && !targets.agreement->empty();
    const bool ledgers_given = targets.ledgers && (!targets.ledgers->ledgers.empty() ||
                                                   !targets.ledgers->actuals_path.empty());
    // SPEC §13: a tool run without an agreement argument reads the workspace; one whose agreement
    // is optional (pool-actuals) reads it when it is given nothing to read at all.
    const bool given =
        targets.agreement_option ? agreement_given || ledgers_given : agreement_given;
    if (args.pool.empty() && given) {
        if (args.save)
            throw Error(ErrorKind::usage,
                        "--save writes under a workspace's output folder: give --pool FILE, or "
                        "run in the folder of its pool.toml without an AGREEMENT");
        return std::nullopt;
    }
    const std::string file = args.pool.empty() ? default_workspace : args.pool;
    if (args.pool.empty() && !exists(file)) {
        const std::string what =
            targets.agreement_option ? "no LEDGER given" : "no AGREEMENT given";
        const std::string name = targets.agreement_option ? "the ledgers"
                                 : targets.ledgers        ? "the agreement (and the ledgers)"
                                                          : "the agreement";
        throw Error(ErrorKind::usage,
                    fmt::format("{}, and no pool.toml in the current directory: name {}, give "
                                "--pool FILE, or run in the folder of the workspace (poolkit "
                                "init writes a starter pool.toml)",
                                what, name));
    }
    Workspace ws = load_workspace(file);
    // A file the workspace names that is not there is its mistake: said at its line (SPEC §8).
    auto named = [&](const std::string& value, const SourceLocation& where, const char* key) {
        const std::string path = workspace_path(ws, value);
        if (path != "-" && !exists(path))
            throw Error(
                ErrorKind::input, where,
                fmt::format("{} = \"{}\": there is no such file ({}): correct the path{}", key,
                            value, path,
                            std::string_view(key) == "agreement" ? "" : ", or remove the line"));
        return path;
    };

    // What the command line left out, as arguments that name the files (SPEC §13).
    std::vector<std::string> front{"--pool", file}, positional;
    // An optional agreement (pool-actuals) stays absent when the workspace names none.
    if (targets.agreement && targets.agreement->empty() &&
        !(targets.agreement_option && ws.agreement.empty())) {
        if (ws.agreement.empty())
            throw Error(ErrorKind::usage,
                        fmt::format("{} names no agreement: add agreement = \"agreement.toml\", "
                                    "or give AGREEMENT on the command line",
                                    file));
        *targets.agreement = named(ws.agreement, ws.agreement_where, "agreement");
        if (targets.agreement_option)
            front.insert(front.end(), {targets.agreement_option, *targets.agreement});
        else
            positional.push_back(*targets.agreement);
    }
    LedgerArgs* led = targets.ledgers;
    if (led && led->ledgers.empty() && led->actuals_path.empty()) {
        for (const WorkspaceLedger& l : ws.ledgers) {
            const std::string profile =
                profile_is_path(l.profile) ? workspace_path(ws, l.profile) : l.profile;
            for (const std::string& path : expand_ledger_glob(ws, l)) {
                // A file whose name holds '=' is paired explicitly, even in the default layout.
                const std::string pair = !profile.empty() ? path + "=" + profile
                                         : path.find('=') != std::string::npos ? path + "=default"
                                                                               : path;
                led->ledgers.push_back(pair);
                positional.push_back(pair);
                if (!l.partner.empty()) {
                    led->ledger_partners.push_back(path + "=" + l.partner);
                    led->ledger_partners_at.resize(led->ledger_partners.size() - 1);
                    led->ledger_partners_at.push_back(l.partner_where);
                    front.insert(front.end(), {"--ledger-partner", path + "=" + l.partner});
                }
            }
        }
    }
    for (auto [target, value, where, key, option] :
         {std::tuple{targets.cash, &ws.cash, &ws.cash_where, "cash", "--cash"},
          std::tuple{targets.commitments, &ws.commitments, &ws.commitments_where, "commitments",
                     "--commitments"}}) {
        if (!target || !target->empty() || value->empty()) continue;
        *target = named(*value, *where, key);
        front.insert(front.end(), {option, *target});
    }

    std::vector<std::string> rest = without_workspace_options(record.arguments);
    front.insert(front.end(), rest.begin(), rest.end());
    // Filled-in files go after "--", so that no name is read as an option and the agreement
    // stays the first positional argument.
    if (!positional.empty()) {
        bool has_separator = false;
        for (const auto& a : rest)
            has_separator = has_separator || a == "--";
        if (!has_separator) front.push_back("--");
        front.insert(front.end(), positional.begin(), positional.end());
    }
    record.arguments = std::move(front);
    record.inputs.insert(record.inputs.begin(), ws.record);
    // The workspace and the files it names are inputs as much as those named on the command line:
    // no output may be one of them (SPEC §5).
    poolkit::check_outputs(named_paths(record.arguments), command_line_outputs());
    return ws;
}

RunRecord agreement_run_record(std::string_view tool, int argc, const char* const* argv,
                               AgreementArgs& args) {
    RunRecord record = run_record(tool, argc, argv);
    apply_workspace(args.workspace, {&args.path}, record); // SPEC §13
    return record;
}

} // namespace poolkit::cli
