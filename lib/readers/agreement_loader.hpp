// Loading an agreement file (SPEC §3): parses the TOML, checks every rule of SPEC §3, reporting
// all failures in one run, each at FILE:LINE:COLUMN of the value at fault, and resolves each
// scheme's contributions and phased budget. The Agreement is returned only when there is no error
// (warnings, e.g. a repealed legal basis, are allowed).
#pragma once

#include "model/agreement.hpp"
#include "model/diagnostic.hpp"
#include "model/input_file.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace poolkit {

struct AgreementLoad {
    std::optional<Agreement> agreement; // set only when diagnostics has no error
    Diagnostics diagnostics;            // in the order of their place in the file
    InputFile input;                    // the file's record (path, bytes, sha256)
};

// Reads and checks the agreement at `path` ("-" is standard input). A file that cannot be read,
// a directory, or a TOML syntax error (located at its line and column) is Error(input): the tool
// could not run (exit 2). Broken rules are diagnostics, not exceptions.
AgreementLoad load_agreement(const std::string& path);

// The same on text already read; `path` names it in diagnostics ("-" shows as "<stdin>").
AgreementLoad load_agreement_text(std::string_view text, std::string path);

} // namespace poolkit
