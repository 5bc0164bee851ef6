// The pool workspace (SPEC §13): a pool.toml that names a month-end's files once — the agreement,
// the cash register and commitments (optional), where --save writes and in which formats, and
// each ledger (a glob, relative to the workspace file) with its profile and whose it is. Errors
// are located FILE:LINE:COL with the key; an unknown key is refused with a "did you mean".
#pragma once

#include "model/input_file.hpp"
#include "support/error.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace poolkit {

struct WorkspaceLedger {
    std::string path;             // as written: a glob, relative to the workspace file
    std::string profile;          // a shipped name or a path; empty: the default layout
    std::string partner;          // whose ledger it is; empty: not said
    SourceLocation where;         // the `path` key, for messages
    SourceLocation partner_where; // the `partner` key's value, when there is one
};

struct Workspace {
    std::string file;                                 // the workspace file as given ("pool.toml")
    std::string agreement, cash, commitments, output; // as written; empty when absent
    SourceLocation agreement_where, cash_where, commitments_where; // their values, for messages
    std::vector<std::string> formats; // what --save writes (default: text)
    std::vector<WorkspaceLedger> ledgers;
    InputFile record; // role "workspace"
};

// The formats a workspace may list (SPEC §5's): a tool writes those it has.
inline constexpr std::string_view workspace_formats[] = {"text", "md",   "json",
                                                         "csv",  "html", "xlsx"};

// Reads and checks the workspace at `path`. Throws Error(input) located at the key at fault.
Workspace load_workspace(const std::string& path);
Workspace parse_workspace(std::string_view text, const std::string& file);

// A path the workspace names, as the working directory finds it: relative ones are relative to
// the workspace file's directory.
std::string workspace_path(const Workspace& ws, const std::string& path);

// Whether a profile argument is a file path rather than a shipped name (SPEC §11: it holds '/'
// or ends in .toml).
bool profile_is_path(std::string_view profile);

// The files a ledger's glob matches (glob(3), hidden files only when the pattern says so), as
// workspace_path gives them, in byte order. Throws Error(input) at the ledger's `path` when none
// matches.
std::vector<std::string> expand_ledger_glob(const Workspace& ws, const WorkspaceLedger& ledger);

} // namespace poolkit
