// A profile's rules, maps and trailer (SPEC §11) resolved against one file's header: each
// condition's and map's column index, grouped so that a line asks each column once; and the
// per-thread memo that keeps the reader fast: a rule's verdict on a value is worked out once per
// distinct value of its column (a bounded cache, so that a file of unique values cannot grow it
// without limit), then looked up.
#pragma once

#include "readers/amount_style.hpp"
#include "readers/ledger_profile.hpp"

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace poolkit::ledger {

struct LineRules {
    // The rules on one column of the export, in profile order.
    struct RuleColumn {
        int col = -1;
        std::vector<std::size_t> rules; // indices into profile->line_rules.rules
    };
    struct MapColumn {
        std::size_t field = 0;
        int col = -1;
        const ProfileMap* map = nullptr;
    };
    const LedgerProfile* profile = nullptr;
    std::vector<RuleColumn> rule_columns;
    std::vector<MapColumn> maps;
    int trailer_col = -1;
    std::vector<int> trailer_amount_cols; // empty: the line's own amount
    std::vector<int> amount_cols;         // amount = [a, b, ...]: every amount column, summed

    const std::vector<ProfileRule>& rules() const { return profile->line_rules.rules; }
    // The memo's slot for the trailer's condition (after the rule columns').
    std::size_t trailer_slot() const { return rule_columns.size(); }
};

// Resolves `profile`'s rules against a header: `column(name, what)` gives a column's index, or
// throws naming `what` when the header lacks it. Null when the profile has nothing to resolve.
std::shared_ptr<const LineRules>
resolve_line_rules(const LedgerProfile& profile,
                   const std::function<int(const std::string&, const std::string&)>& column);

// One thread's memo for one file: per slot (a rule column, then the trailer), the first of the
// slot's rules that matches each value seen (-1: none).
class RuleMemo {
  public:
    static constexpr std::size_t limit = 1 << 16; // values kept per slot before it starts again

    // The index of the first rule of `slot` whose condition holds for `value` (for the trailer's
    // slot, 0 when it holds), -1 when none does.
    int first_match(const LineRules& rules, std::size_t slot, std::string_view value);

  private:
    using Cache = std::unordered_map<std::string, int, TextHash, std::equal_to<>>;
    std::vector<Cache> slots_;
};

} // namespace poolkit::ledger
