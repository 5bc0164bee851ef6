// What a ledger profile (SPEC §11) says about a line beyond its columns: the [[rule]]s (a
// condition on one column of the export, and an action: set fields, or make the line income,
// excluded or skipped), the [map.FIELD] tables (one column's values to a field's values) and the
// [trailer] (the row that states the export's control total). Read from the profile's TOML with
// located errors; applied to the lines by line_rules.
#pragma once

#include "readers/ledger_fields.hpp"
#include "support/error.hpp"
#include "support/keyword_table.hpp"

#include <toml++/toml.h>

#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <unordered_map>
#include <vector>

namespace poolkit {

// A hash of text that finds a std::string key by a string_view (no copy on the reader's path).
struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// What a line is (SPEC §4, §11): expenditure unless a rule says otherwise.
enum class LineKind { expenditure, income, exclude, skip };

inline constexpr KeywordTable<LineKind, 4> line_kinds{{{
    {LineKind::expenditure, "expenditure", "expenditure (the default)", {}, {}, false},
    {LineKind::income, "income", "income: reported beside the expenditure it offsets"},
    {LineKind::exclude, "exclude", "excluded with its reason: counted, never in the actuals"},
    {LineKind::skip, "skip", "skipped (a title, subtotal or trailer row): counted as skipped"},
}}};

// `when = { column = "Cost Centre", equals = "RB102" }` (or prefix, or matches: an ECMAScript
// regular expression searched anywhere in the value).
struct ColumnCondition {
    enum class Test { equals, prefix, matches };
    std::string column; // the export's column, by its header name
    Test test = Test::equals;
    std::string value;
    std::shared_ptr<const std::regex> regex; // for matches

    bool holds(std::string_view v) const;
    std::string described() const; // Cost Centre equals "RB102"
};

// The fields a rule's set or a map may supply (SPEC §11): the line's codes and words.
constexpr bool settable(LedgerField f) {
    return f == LedgerField::partner || f == LedgerField::scheme || f == LedgerField::cost_centre ||
           f == LedgerField::description;
}

struct ProfileRule {
    ColumnCondition when;
    LineKind kind = LineKind::expenditure;
    std::string reason; // exclude (required) and skip (optional): said in the control totals
    std::array<std::optional<std::string>, ledger_field_count> set{};
    SourceLocation where;

    std::string reason_text() const; // the reason, or for a skip without one its condition
};

struct ProfileMap {
    LedgerField field = LedgerField::scheme;
    std::string column;
    std::unordered_map<std::string, std::string, TextHash, std::equal_to<>> values;
};

struct ProfileTrailer {
    ColumnCondition when;
    std::string amount_column; // empty: the profile's amount column(s)
};

struct ProfileLineRules {
    std::vector<ProfileRule> rules; // in order: the first that matches wins
    std::vector<ProfileMap> maps;
    std::optional<ProfileTrailer> trailer;

    bool empty() const { return rules.empty() && maps.empty() && !trailer; }
    // Whether a map or a rule's set can supply `f` (then the export needs no column for it).
    bool supplies(LedgerField f) const;
};

// The [[rule]], [map.*] and [trailer] parts of a profile's root table. Throws Error(input) at the
// offending key or value, with what to write instead.
ProfileLineRules read_profile_line_rules(const toml::table& root, const std::string& file);

} // namespace poolkit
