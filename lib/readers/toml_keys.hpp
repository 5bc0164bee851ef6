// The one check every TOML file of poolkit makes of its keys (SPEC §8: an error names file, line
// and what to do): a key a table does not know is refused where it is written, with the closest
// known key ("did you mean") and the list of them.
#pragma once

#include "support/error.hpp"

#include <toml++/toml.h>

#include <span>
#include <string>
#include <string_view>

namespace poolkit {

// FILE:LINE:COL of a region of `file`.
SourceLocation toml_location(const std::string& file, const toml::source_region& r);

// The message for a key a table does not know, the same in every file: "unknown key 'K' in
// WHERE; did you mean 'X'? (known keys: a, b, c)", without the question when no known key is
// close.
std::string unknown_key_message(std::string_view key, std::string_view where,
                                std::span<const std::string_view> known);

// Throws Error(input) at the first key of `t` not in `known`, with unknown_key_message (WHERE is
// written in brackets: "[ledger]" gives "[[ledger]]").
void only_keys(const toml::table& t, const std::string& file, std::string_view where,
               std::span<const std::string_view> known);

} // namespace poolkit
