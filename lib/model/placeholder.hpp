// A placeholder: a value still to be filled in, written "<UPPER-CASE-WORDS>" ("<PARTNER-1>",
// "<BUDGET>"), the one form that `poolkit init` and the templates of config/templates use for
// what a person must replace. The agreement loader refuses a file that still holds one (SPEC §3),
// so a starter cannot be used before it is filled.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace poolkit {

// "<NAME>": `name` in upper case, each run of other characters than letters and digits a '-'.
std::string placeholder(std::string_view name);

// The first placeholder in `text` ("<" one or more of A-Z 0-9 - _ ">"), or nullopt.
std::optional<std::string_view> find_placeholder(std::string_view text);

} // namespace poolkit
