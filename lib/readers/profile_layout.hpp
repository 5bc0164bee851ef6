// What every profile (SPEC §11) says of a file's layout in its [profile] table, whatever the file
// (a ledger, the cash register): its name, the delimiter, the date format and the title lines above
// the header. Read here once, with located errors.
#pragma once

#include <toml++/toml.h>

#include <string>

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

} // namespace poolkit
