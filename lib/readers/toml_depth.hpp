// A guard run before toml::parse: toml++ 3.3 limits nested arrays and inline tables to 256, but
// not the keys of a table header or a dotted key ([a.a.a...], a.a.a = 1), and a file with some
// 30,000 of them overflows the stack inside the parser (a crash, SPEC §8: never a crash). No
// agreement or profile needs keys more than a few deep, so a deeper one is refused first.
#pragma once

#include "support/error.hpp"

#include <toml++/toml.h>

#include <string>

#include <string_view>

namespace poolkit {

inline constexpr int max_toml_key_depth = 64;

// Throws Error(input) at FILE:LINE:COL of the first key with more than max_toml_key_depth parts.
// `file` names the text in the message. A cheap scan: strings and comments are skipped, and only
// keys are counted (dots in values — numbers, dates — are not).
void check_toml_key_depth(std::string_view text, const std::string& file);

// Every TOML file poolkit reads (agreements, profiles, workspaces) is parsed by this: the depth
// guard, then toml::parse; a syntax error is Error(input) at FILE:LINE:COL, "not valid TOML: …".
toml::table parse_toml(std::string_view text, const std::string& file);

} // namespace poolkit
