// Checking a statement's recorded inputs against the files as they are now (pool-verify, SPEC §5):
// each must be a regular file with the recorded size and SHA-256, or the statement cannot be
// recomputed from them. A FIFO, a device or a directory is refused without reading it, and no more
// than the recorded size and one byte is read, so a statement cannot make pool-verify wait or read
// without end. Hashing streams the file, so a big ledger is not held in memory.
#pragma once

#include "model/input_file.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace poolkit {

struct InputCheck {
    enum class Status { same, missing, changed, unreadable, standard_input };
    Status status = Status::same;
    std::string looked_at;   // the file checked: the recorded path, or base/path for a relative one
    std::uint64_t bytes = 0; // what was found, when it was read
    std::string sha256;
    std::string problem; // for anything but `same`: "ledger icb.csv: changed: ..." (one line)
};

// Where an input recorded by a name rather than a path is now (a shipped ledger profile, SPEC
// §11: found beside the tools), or "" for a path, which is resolved as resolve_input_path says.
using InputLocator = std::function<std::string(const InputFile&)>;

// Checks one recorded input. A relative path is resolved against `base` when it is not empty (an
// auditor's copy of the inputs), else against the current directory; a name `locate` knows is
// looked for where it says.
InputCheck check_input(const InputFile& recorded, const std::string& base,
                       const InputLocator& locate = {});

// Checks every recorded input of the statement `statement`, giving the problem of each one that is
// not as recorded to `show` (one line each); then, if any, throws Error(input): the statement
// cannot be recomputed from them.
void check_inputs(const std::vector<InputFile>& inputs, const std::string& base,
                  const std::string& statement, const std::function<void(std::string_view)>& show,
                  const InputLocator& locate = {});

// `path` resolved as check_input resolves it.
std::string resolve_input_path(const std::string& path, const std::string& base);

} // namespace poolkit
