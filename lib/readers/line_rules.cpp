#include "readers/line_rules.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace poolkit::ledger {

namespace {
// The first amount column's index (the header found it already), or -1 for debit and credit.
int column_of_amount(const LedgerProfile& profile,
                     const std::function<int(const std::string&, const std::string&)>& column) {
    const std::string& name = profile.column(LedgerField::amount);
    return name.empty() ? -1 : column(name, "amount");
}
} // namespace

std::shared_ptr<const LineRules>
resolve_line_rules(const LedgerProfile& profile,
                   const std::function<int(const std::string&, const std::string&)>& column) {
    if (!profile.general()) return nullptr;
    auto out = std::make_shared<LineRules>();
    out->profile = &profile;
    const ProfileLineRules& lr = profile.line_rules;
    for (std::size_t i = 0; i < lr.rules.size(); ++i) {
        int col = column(lr.rules[i].when.column, fmt::format("[[rule]] {}", i + 1));
        auto it = std::find_if(out->rule_columns.begin(), out->rule_columns.end(),
                               [&](const LineRules::RuleColumn& c) { return c.col == col; });
        if (it == out->rule_columns.end())
            it = out->rule_columns.insert(out->rule_columns.end(), {col, {}});
        it->rules.push_back(i);
    }
    for (const auto& m : lr.maps)
        out->maps.push_back({static_cast<std::size_t>(m.field),
                             column(m.column, fmt::format("[map.{}]", ledger_field_name(m.field))),
                             &m});
    if (lr.trailer) {
        out->trailer_col = column(lr.trailer->when.column, "[trailer]");
        if (!lr.trailer->amount_column.empty())
            out->trailer_amount_cols.push_back(
                column(lr.trailer->amount_column, "[trailer] amount"));
    }
    if (int a = column_of_amount(profile, column); a >= 0) {
        out->amount_cols.push_back(a);
        for (const auto& name : profile.more_amount_columns)
            out->amount_cols.push_back(column(name, "amount"));
    }
    return out;
}

int RuleMemo::first_match(const LineRules& rules, std::size_t slot, std::string_view value) {
    if (slots_.size() <= slot) slots_.resize(rules.rule_columns.size() + 1);
    Cache& cache = slots_[slot];
    if (auto it = cache.find(value); it != cache.end()) return it->second;
    int found = -1;
    if (slot == rules.trailer_slot()) {
        if (rules.profile->line_rules.trailer->when.holds(value)) found = 0;
    } else {
        const auto& list = rules.rule_columns[slot].rules;
        for (std::size_t k = 0; k < list.size(); ++k)
            if (rules.rules()[list[k]].when.holds(value)) {
                found = static_cast<int>(list[k]);
                break;
            }
    }
    if (cache.size() >= limit) cache.clear(); // bounded: start again rather than grow
    cache.emplace(std::string(value), found);
    return found;
}

} // namespace poolkit::ledger
