// What every profile (SPEC §11) says of a file's layout in its [profile] table, whatever the file
// (a ledger, the cash register): its name, the delimiter, the date format and the title lines above
// the header. Read here once, with located errors.
#pragma once

#include <toml++/toml.h>

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace poolkit {

struct ProfileLayout {
    std::string name = "default";
    std::string description;
    char delimiter = ',';
    std::string date_format = "%Y-%m-%d";
    int skip_lines = 0; // lines above the header row (report titles) that are not data
};

// The layout keys of a [profile] table (the caller checks which keys the table may hold). Throws
// Error(input) at the value for a bad one.
ProfileLayout read_profile_layout(const toml::table& profile, const std::string& file);

// The keys of a ledger profile's [profile] table that say how the file is read (SPEC §11).
inline constexpr std::string_view ledger_reader_keys[] = {"delimiter", "date_format", "skip_lines",
                                                          "encoding", "duplicate_key"};
// The same of a register's profile (the cash register, SPEC §10).
inline constexpr std::string_view register_reader_keys[] = {"delimiter", "date_format",
                                                            "skip_lines"};

// When `key`, found in the table `where` ("top level", "columns", "[[rule]] 2", ...), is one of
// `reader_keys`: what to say (TOML puts a key in the last [table] above it, so a reader key
// written after [columns] is read as a column). nullopt otherwise.
std::optional<std::string> misplaced_reader_key(std::string_view key, std::string_view where,
                                                std::span<const std::string_view> reader_keys);

// Throws Error(input) at the first key of `t` that misplaced_reader_key finds.
void refuse_misplaced_reader_keys(const toml::table& t, const std::string& file,
                                  std::string_view where,
                                  std::span<const std::string_view> reader_keys);

// Throws Error(input) at the first key of `t` not in `known`: a misplaced reader key (above) says
// where it belongs, any other gets unknown_key_message ("top level" and a bare table name such as
// "columns" are written in brackets).
void check_profile_keys(const toml::table& t, const std::string& file, std::string_view where,
                        std::span<const std::string_view> known,
                        std::span<const std::string_view> reader_keys);

} // namespace poolkit
