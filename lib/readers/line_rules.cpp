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
            it = out->rule_columns.insert(out->rule_columns.end(), {col, {}, {}});
        it->rules.push_back(i);
    }
    for (auto& c : out->rule_columns) {
        bool direct = c.rules.size() <= LineRules::max_direct;
        for (std::size_t r : c.rules) {
            const ColumnCondition& w = lr.rules[r].when;
            direct = direct && w.test != ColumnCondition::Test::matches &&
                     w.value.size() <= LineRules::max_direct_len;
        }
        if (!direct) continue;
        for (std::size_t r : c.rules) {
            const ColumnCondition& w = lr.rules[r].when;
            c.direct.emplace_back(w.test == ColumnCondition::Test::prefix, w.value,
                                  static_cast<int>(r));
        }
    }
    for (const auto& m : lr.maps) {
        LineRules::MapColumn mc{
            static_cast<std::size_t>(m.field),
            column(m.column, fmt::format("[map.{}]", ledger_field_name(m.field))),
            &m,
            {}};
        for (const auto& [from, to] : m.values)
            mc.entries.emplace_back(from, to);
        std::sort(mc.entries.begin(), mc.entries.end());
        out->maps.push_back(std::move(mc));
    }
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
    out->plain_amount = out->amount_cols.size() == 1 && !profile.amounts.given;
    return out;
}

LineRules::DirectTest::DirectTest(bool is_prefix, std::string_view v, int r)
    : prefix(is_prefix), value(v), rule(r) {
    for (std::size_t i = 0; i < v.size(); ++i) {
        w[i / 8] |= std::uint64_t(static_cast<unsigned char>(v[i])) << (8 * (i % 8));
        m[i / 8] |= std::uint64_t(0xff) << (8 * (i % 8));
    }
}

void VerdictCache::clear(std::size_t slots) {
    table_.assign(slots, Entry{});
    arena_.clear();
    count_ = 0;
    last_ = 0;
}

void VerdictCache::add(const char* p, std::size_t n, bool padded, int verdict) {
    // Bounded: start again rather than grow (a column of unique values).
    if (count_ >= limit || arena_.size() + n > arena_limit) clear(64);
    if ((count_ + 1) * 2 > table_.size()) {
        std::vector<Entry> old(table_.size() * 2);
        old.swap(table_);
        std::size_t mask = table_.size() - 1;
        for (const Entry& e : old) {
            if (e.len == empty) continue;
            std::size_t i = slot({e.a, e.len <= 16 ? e.b : 0}, e.len) & mask;
            while (table_[i].len != empty)
                i = (i + 1) & mask;
            table_[i] = e;
        }
    }
    Key k = key(p, n, padded);
    Entry e;
    e.len = static_cast<std::uint32_t>(n);
    e.verdict = verdict;
    if (n <= 16) {
        e.a = k.a;
        e.b = k.b;
    } else {
        k.a = hash_bytes(p, n);
        e.a = k.a;
        e.b = arena_.size();
        arena_.append(p, n);
    }
    std::size_t mask = table_.size() - 1;
    std::size_t i = slot(k, n) & mask;
    while (table_[i].len != empty)
        i = (i + 1) & mask;
    table_[i] = e;
    last_ = i;
    ++count_;
}

int RuleMemo::work_out(const LineRules& rules, std::size_t slot, std::string_view value,
                       bool padded) {
    int found = -1;
    if (slot == rules.trailer_slot()) {
        if (rules.profile->line_rules.trailer->when.holds(value)) found = 0;
    } else if (slot > rules.trailer_slot()) {
        const LineRules::MapColumn& m = rules.maps[slot - rules.trailer_slot() - 1];
        auto it = std::lower_bound(m.entries.begin(), m.entries.end(), value,
                                   [](const auto& e, std::string_view v) { return e.first < v; });
        if (it != m.entries.end() && it->first == value)
            found = static_cast<int>(it - m.entries.begin());
    } else {
        for (std::size_t r : rules.rule_columns[slot].rules)
            if (rules.rules()[r].when.holds(value)) {
                found = static_cast<int>(r);
                break;
            }
    }
    slots_[slot].add(value.data(), value.size(), padded, found);
    return found;
}

} // namespace poolkit::ledger
