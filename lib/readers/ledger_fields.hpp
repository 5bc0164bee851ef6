// The logical fields of a ledger line (SPEC §4) as one table: each field's keyword (the name a
// profile's [columns], [fixed] and duplicate_key use, and the default layout's header name), its
// words in a message, and what a profile and a header may do with it. The profile loader, the
// header reader and their messages all read this table; a new ledger column is one enum value
// and one entry here, then the line rule that reads it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace poolkit {

enum class LedgerField : std::size_t {
    date,
    ref,
    partner,
    scheme,
    cost_centre,
    description,
    amount, // one signed column...
    debit,  // ...or debit and credit columns: amount = debit - credit
    credit,
    case_ref, // the panel case a line is spent on (SPEC §12): pool-cases' spend per case
};
inline constexpr std::size_t ledger_field_count = 10;

struct LedgerFieldEntry {
    LedgerField field;
    std::string_view keyword; // "cost_centre"
    std::string_view words;   // "cost centre"
    bool default_column;      // a column of the default layout (date,ref,...,amount)
    bool optional_column;     // a header may lack the profile's column for it
    bool fixable;             // a profile may fix its value for every line ([fixed])
    std::string_view needed;  // why a profile must map it (empty: it need not)
};

// Every field, in enum order.
inline constexpr LedgerFieldEntry ledger_fields[ledger_field_count] = {
    {LedgerField::date, "date", "date", true, false, false, "every line needs a date"},
    {LedgerField::ref, "ref", "ref", true, true, false, {}},
    {LedgerField::partner, "partner", "partner", true, false, true,
     "a column, or a fixed partner in [fixed]"},
    {LedgerField::scheme, "scheme", "scheme", true, false, true,
     "a column, or a fixed scheme in [fixed]"},
    {LedgerField::cost_centre, "cost_centre", "cost centre", true, true, true, {}},
    {LedgerField::description, "description", "description", true, true, false, {}},
    {LedgerField::amount, "amount", "amount", true, false, false, {}},
    {LedgerField::debit, "debit", "debit", false, false, false, {}},
    {LedgerField::credit, "credit", "credit", false, false, false, {}},
    {LedgerField::case_ref, "case", "case", false, true, false, {}},
};

inline constexpr const LedgerFieldEntry& ledger_field(LedgerField f) {
    return ledger_fields[static_cast<std::size_t>(f)];
}
const char* ledger_field_name(LedgerField f); // its keyword: "cost_centre"
std::optional<LedgerField> ledger_field_named(std::string_view keyword);
// The default layout's header row: "date,ref,partner,scheme,cost_centre,description,amount".
std::string default_ledger_header();

} // namespace poolkit
