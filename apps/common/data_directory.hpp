// Where a tool finds what poolkit ships beside it (config/ of the source tree): the ledger
// profiles, the agreement templates and the legal bases. It is ../share/poolkit relative to the
// directory of the running program, so an installed tree (/usr/bin -> /usr/share/poolkit) works
// wherever it is installed or unpacked, and so does the build tree (build/bin, with
// build/share/poolkit a link to config/).
#pragma once

#include "model/input_file.hpp"

#include <string>

namespace poolkit::cli {

// The data directory, or "" when the running program has none beside it.
std::string data_directory();

// The file of a --profile argument (SPEC §11): "default", "-", a name holding '/' or ending in
// ".toml" are as given; another name is a shipped profile, <data>/ledger-profiles/NAME.toml (a
// file of that name in the working directory is still read, when nothing is shipped by that
// name). Throws Error(input) for a name that is neither, listing the shipped ones; `given` is the
// argument as the message names it (default: "--profile NAME").
std::string profile_path(const std::string& name, const std::string& given = "");

// Where a statement's input recorded by name is now (a shipped profile, which the tools record by
// its name: SPEC §11), or "" for an input recorded by its path (an InputLocator of
// readers/verify_inputs.hpp).
std::string shipped_input_path(const InputFile& input);

} // namespace poolkit::cli
