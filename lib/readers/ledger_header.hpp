// The layout of a ledger file (SPEC §4): which column holds which field, read from the file's
// header row as its profile names them (case and surrounding blanks aside), with the profile's
// fixed values and the columns of the duplicate key. A header that lacks a column the profile
// needs, or names one twice, stops the run with the columns it does have.
#pragma once

#include "readers/ledger_date.hpp"
#include "readers/ledger_fields.hpp"
#include "readers/ledger_split.hpp"
#include "readers/ledger_worker.hpp"
#include "readers/line_rules.hpp"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace poolkit::ledger {

constexpr std::size_t F(LedgerField f) {
    return static_cast<std::size_t>(f);
}

// A ledger file's layout, resolved from its header and profile.
struct Layout {
    std::size_t index = 0;
    std::string path;
    char delim = ',';
    std::optional<DateFormat> date;
    std::size_t ncols = 0;
    int col[ledger_field_count]; // the column of each field, or -1
    std::optional<std::string> fixed[ledger_field_count];
    int fixed_partner = -1, fixed_scheme = -1; // agreement indices of fixed codes
    std::vector<int> key_cols;
    std::string key_name; // "ref", "Document No+Line No"
    std::vector<std::string> header;
    // A profile's rules, maps, trailer, amount style or summed amounts (SPEC §11); null when it
    // has none, and the line rules take their plain path.
    std::shared_ptr<const LineRules> rules;
};

// Reads the header (after the profile's skip_lines) at the start of the file's first block, and
// moves the block's start past it. Throws Error(input) for a header the run cannot read.
Layout read_header(LedgerBlock& b, const LedgerSpec& spec, std::size_t index, const Shared& sh);

} // namespace poolkit::ledger
