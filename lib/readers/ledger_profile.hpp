// A ledger profile (SPEC §4): how one finance system's CSV export maps onto the ledger fields —
// column names, the date format, the delimiter, fixed values (every line of icb.csv is partner
// ICB) and the fields that make a line's duplicate key. Profiles are TOML files (shipped ones
// under config/ledger-profiles/); an error in one is located FILE:LINE:COL like an agreement's.
#pragma once

#include "model/input_file.hpp"
#include "readers/amount_style.hpp"
#include "readers/ledger_fields.hpp"
#include "readers/profile_rules.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace poolkit {

struct LedgerProfile {
    std::string name = "default";
    std::string description;
    std::string file; // the TOML file it was loaded from; empty for the built-in default
    char delimiter = ',';
    std::string date_format = "%Y-%m-%d";
    int skip_lines = 0;        // lines above the header row (report titles) that are not data
    bool windows_1252 = false; // encoding = "windows-1252": transcoded to UTF-8 as it is read

    // The header name of each field's column; empty when the layout has no such column.
    std::array<std::string, ledger_field_count> columns{};
    // Values fixed for every line of a file read with this profile (partner, scheme, cost_centre).
    std::array<std::optional<std::string>, ledger_field_count> fixed{};
    // The fields (logical names, or header names of other columns) whose values together identify
    // a line; a second line with the same key and partner is a duplicate (SPEC §4).
    std::vector<std::string> duplicate_key{"ref"};
    // amount = ["Net", "VAT"]: the columns after the first (columns[amount]) summed with it.
    std::vector<std::string> more_amount_columns;
    AmountStyle amounts;         // [amounts]
    ProfileLineRules line_rules; // [[rule]], [map.*], [trailer] (SPEC §11)

    // Whether a line needs more than the plain reading of the default layout: rules, maps, a
    // trailer, an amount style or several amount columns (the reader's general path).
    bool general() const {
        return !line_rules.empty() || amounts.given || !more_amount_columns.empty();
    }

    const std::string& column(LedgerField f) const { return columns[static_cast<std::size_t>(f)]; }
    const std::optional<std::string>& fixed_value(LedgerField f) const {
        return fixed[static_cast<std::size_t>(f)];
    }
};

// The default layout: date,ref,partner,scheme,cost_centre,description,amount with ISO dates.
LedgerProfile default_ledger_profile();

struct LoadedProfile {
    LedgerProfile profile;
    InputFile record; // role "profile"
};

// Loads a profile file. "default" (not a path) is the built-in layout. Throws Error(input) with
// FILE:LINE:COL for a syntax error, an unknown key (with a hint), a bad value or a missing column.
LoadedProfile load_ledger_profile(const std::string& path);

// Parses a profile from text (for tests and for load_ledger_profile). `file` names it in errors.
LedgerProfile parse_ledger_profile(std::string_view text, const std::string& file);

} // namespace poolkit
