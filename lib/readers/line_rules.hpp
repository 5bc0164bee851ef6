// A profile's rules, maps and trailer (SPEC §11) resolved against one file's header: each
// condition's and map's column index, grouped so that a line asks each column once; and the
// per-thread memo that keeps the reader fast: a rule's verdict on a value is worked out once per
// distinct value of its column (a bounded cache, so that a file of unique values cannot grow it
// without limit), then looked up.
#pragma once

#include "readers/amount_style.hpp"
#include "readers/ledger_codes.hpp"
#include "readers/ledger_profile.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace poolkit::ledger {

struct LineRules {
    // A rule's condition that is cheaper to test on each line than to look up in the memo: an
    // equals or a prefix of up to 16 bytes, compared as two masked words when the line's value is
    // inside the block (with readable padding after it). A regular expression, or a longer
    // value, always goes through the memo.
    struct DirectTest {
        bool prefix = false;
        std::string_view value;
        int rule = -1;
        std::uint64_t w[2] = {0, 0}, m[2] = {0, 0}; // the value's bytes and their mask, by word

        DirectTest(bool is_prefix, std::string_view v, int r);
        [[gnu::always_inline]] bool holds(std::string_view v, bool padded) const {
            if (prefix ? v.size() < value.size() : v.size() != value.size()) return false;
            if (!padded) return v.compare(0, value.size(), value) == 0;
            std::uint64_t a, b = 0;
            std::memcpy(&a, v.data(), 8);
            if (m[1]) std::memcpy(&b, v.data() + 8, 8);
            return (((a ^ w[0]) & m[0]) | ((b ^ w[1]) & m[1])) == 0;
        }
    };
    static constexpr std::size_t max_direct = 4;      // rules on a column tested directly
    static constexpr std::size_t max_direct_len = 16; // bytes of a value tested directly
    // The rules on one column of the export, in profile order.
    struct RuleColumn {
        int col = -1;
        std::vector<std::size_t> rules; // indices into profile->line_rules.rules
        // Not empty when every rule of the column is a direct test: then the memo is not asked.
        std::vector<DirectTest> direct;
    };
    struct MapColumn {
        std::size_t field = 0;
        int col = -1;
        const ProfileMap* map = nullptr;
        // The map's (value, what it maps to), sorted: the memo's verdict is an index into them.
        std::vector<std::pair<std::string_view, std::string_view>> entries;
    };
    const LedgerProfile* profile = nullptr;
    std::vector<RuleColumn> rule_columns;
    std::vector<MapColumn> maps;
    int trailer_col = -1;
    std::vector<int> trailer_amount_cols; // empty: the line's own amount
    std::vector<int> amount_cols;         // amount = [a, b, ...]: every amount column, summed

    // Whether a line's amount is read as without a profile: one amount column, no [amounts].
    bool plain_amount = false;

    const std::vector<ProfileRule>& rules() const { return profile->line_rules.rules; }
    // The memo's slots: the rule columns', the trailer's condition, then the maps'.
    std::size_t trailer_slot() const { return rule_columns.size(); }
    std::size_t map_slot(std::size_t m) const { return rule_columns.size() + 1 + m; }
    std::size_t slots() const { return rule_columns.size() + 1 + maps.size(); }
};

// Resolves `profile`'s rules against a header: `column(name, what)` gives a column's index, or
// throws naming `what` when the header lacks it. Null when the profile has nothing to resolve.
std::shared_ptr<const LineRules>
resolve_line_rules(const LedgerProfile& profile,
                   const std::function<int(const std::string&, const std::string&)>& column);

// The verdicts of one column's values: an open-addressed table keyed by the value's bytes (a value
// of up to 16 bytes by its two words, a longer one by its hash and its copy in an arena), with the
// last value looked up checked first (exports repeat a value down many lines). Bounded: at `limit`
// values, or when the arena passes `arena_limit` bytes, it starts again, so that a column of
// unique values cannot grow it without limit.
class VerdictCache {
  public:
    static constexpr std::size_t limit = 1 << 16;
    static constexpr std::size_t arena_limit = 8u << 20;

    // The verdict kept for the n bytes at p; false when there is none. `padded`: p is text inside
    // a ledger block, with readable bytes after it.
    [[gnu::always_inline]] bool find(const char* p, std::size_t n, bool padded, int& verdict) {
        Key k = key(p, n, padded);
        const Entry& l = table_[last_];
        if (l.len == n && (n <= 16 ? l.a == k.a && l.b == k.b : same_long(l, p, n))) {
            verdict = l.verdict;
            return true;
        }
        if (n > 16) k.a = hash_bytes(p, n);
        std::size_t mask = table_.size() - 1;
        for (std::size_t i = slot(k, n) & mask;; i = (i + 1) & mask) {
            const Entry& e = table_[i];
            if (e.len == empty) return false;
            if (e.len == n && e.a == k.a && (n <= 16 ? e.b == k.b : same_long(e, p, n))) {
                last_ = i;
                verdict = e.verdict;
                return true;
            }
        }
    }
    // Keeps the verdict of a value that find() did not have.
    void add(const char* p, std::size_t n, bool padded, int verdict);

  private:
    static constexpr std::uint32_t empty = ~std::uint32_t(0); // no value has this length
    struct Key {
        std::uint64_t a = 0, b = 0;
    };
    // a, b: the bytes of a value of up to 16 bytes; for a longer one, its hash and its offset in
    // the arena. Slot 0 of an empty table is an empty entry, so `last_` always points somewhere.
    struct Entry {
        std::uint64_t a = 0, b = 0;
        std::uint32_t len = empty;
        std::int32_t verdict = -1;
    };
    [[gnu::always_inline]] static Key key(const char* p, std::size_t n, bool padded) {
        if (n > 16) return {};
        char buf[24];
        if (!padded) {
            std::memset(buf, 0, sizeof buf);
            std::memcpy(buf, p, n);
            p = buf;
        }
        return {load_masked(p, n > 8 ? 8 : n), n > 8 ? load_masked(p + 8, n - 8) : 0};
    }
    [[gnu::always_inline]] static std::size_t slot(const Key& k, std::size_t n) {
        return static_cast<std::size_t>(
            mix64(k.a ^ 0x9e3779b97f4a7c15ull, k.b ^ (n * 0xc2b2ae3d27d4eb4full)));
    }
    // A value of 17 to 32 bytes (a description, say) by four overlapping word loads of each side,
    // inside both: no call to memcmp on the line's path.
    [[gnu::always_inline]] bool same_long(const Entry& e, const char* p, std::size_t n) const {
        const char* q = arena_.data() + e.b;
        if (n > 32) return std::memcmp(q, p, n) == 0;
        auto word = [](const char* x) {
            std::uint64_t w;
            std::memcpy(&w, x, 8);
            return w;
        };
        return ((word(q) ^ word(p)) | (word(q + 8) ^ word(p + 8)) |
                (word(q + n - 16) ^ word(p + n - 16)) | (word(q + n - 8) ^ word(p + n - 8))) == 0;
    }
    void clear(std::size_t slots);

    std::vector<Entry> table_ = std::vector<Entry>(64);
    std::string arena_;
    std::size_t count_ = 0, last_ = 0;
};

// One thread's memo for one file: per slot (a rule column, then the trailer, then the maps), the
// verdict on each value seen: for a rule column the first of its rules that matches, for the
// trailer 0 when its condition holds, for a map the index of the value it maps to (-1: none).
class RuleMemo {
  public:
    // The verdict of `slot` on `value` (see above), worked out once per distinct value.
    [[gnu::always_inline]] int verdict(const LineRules& rules, std::size_t slot,
                                       std::string_view value, bool padded) {
        if (slots_.size() <= slot) [[unlikely]]
            slots_.resize(rules.slots());
        int v;
        if (slots_[slot].find(value.data(), value.size(), padded, v)) return v;
        return work_out(rules, slot, value, padded);
    }

  private:
    int work_out(const LineRules& rules, std::size_t slot, std::string_view value, bool padded);
    std::vector<VerdictCache> slots_;
};

} // namespace poolkit::ledger
