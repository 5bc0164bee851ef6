// What the threads of a ledger run work on (SPEC §8: every core parses, nothing is shared while
// they run): each worker's totals, groups, rejected lines and duplicate-key hashes, and what all
// of them read (the agreement's code tables, the options). The line rules (ledger_line) fill a
// worker; the merge (ledger_merge) adds the workers up in file and line order.
#pragma once

#include "model/actuals.hpp"
#include "model/agreement.hpp"
#include "readers/ledger_codes.hpp"
#include "readers/ledger_dup_index.hpp"
#include "readers/ledger_key_runs.hpp"
#include "readers/ledger_reader.hpp"
#include "readers/line_rules.hpp"
#include "readers/reject_spill.hpp"
#include "readers/spill.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace poolkit::ledger {

// The size of a cache line: what one thread writes on every line is kept on lines of its own, as
// two threads writing the same cache line (false sharing) make each wait for the other.
inline constexpr std::size_t cache_line = 64;

// Raw counters of one thread, added up without the checked Money type on the hot path: the adds
// wrap, and are exact because the totals are checked to fit (see add_wrap). Written on every line,
// so on cache lines of their own.
struct alignas(cache_line) RawTotals {
    std::uint64_t read = 0, accepted = 0, rejected = 0;
    std::int64_t p_read = 0, p_accepted = 0, p_rejected = 0;
    // A profile's rules (SPEC §11): excluded and skipped lines (the trailer's among the skipped),
    // per rule, and the income among the accepted (p_income positive: income received).
    std::uint64_t excluded = 0, skipped = 0, income = 0;
    std::int64_t p_excluded = 0, p_skipped = 0, p_income = 0;
    struct ByRule {
        std::uint64_t lines = 0;
        std::int64_t pence = 0;
    };
    std::vector<ByRule> by_rule; // by the rule's index
    std::uint64_t trailer_rows = 0, trailer_unreadable = 0, trailer_line = 0;
    std::int64_t p_trailer = 0;
    // With an agreement: per partner index, bit period.index() set when a line of the period was
    // accepted (to name the files of a partner whose year is short, SPEC §7).
    std::vector<std::uint16_t> periods;
    int max_day = 0; // the largest day of a date read (SPEC §11: an ambiguous date format)

    [[gnu::always_inline]] void mark(std::size_t partner, Period period, std::size_t partners) {
        if (periods.size() < partners) [[unlikely]]
            grow_periods(partners);
        periods[partner] |= static_cast<std::uint16_t>(1u << period.index());
    }
    // At least a cache line's worth, so that no other thread's data shares the line.
    [[gnu::noinline]] void grow_periods(std::size_t partners) {
        periods.reserve(std::max(partners, 2 * cache_line / sizeof(std::uint16_t)));
        periods.resize(partners);
    }
    void merge_periods(const RawTotals& o) {
        if (periods.size() < o.periods.size()) periods.resize(o.periods.size());
        for (std::size_t i = 0; i < o.periods.size(); ++i)
            periods[i] |= o.periods[i];
    }

    void count_rule(std::size_t rule, std::int64_t pence);
    void merge(const RawTotals& o); // o's counts and totals added to these

    // The counts and totals (the reasons are the caller's: it knows the rules).
    ControlTotals control() const;
};

// The adds of every total, by the threads and when their parts are merged. They wrap (defined,
// as unsigned), so the parts may pass the range of int64 on the way; what counts is the total in
// file and line order (SPEC §2: int64, overflow checked). No total can leave the range while the
// magnitudes of all the amounts read add up to at most INT64_MAX, which is nearly always so;
// when they do not, a pass over the files in order on one thread adds every total up again,
// checked, and names the line that takes one out of range. A wrapped sum whose true value is in
// range is that value, so the threads' totals are exact once that pass finds nothing.
[[gnu::always_inline]] inline void add_wrap(std::int64_t& to, std::int64_t v) {
    to = static_cast<std::int64_t>(static_cast<std::uint64_t>(to) + static_cast<std::uint64_t>(v));
}
[[gnu::always_inline]] inline void sub_wrap(std::int64_t& from, std::int64_t v) {
    from =
        static_cast<std::int64_t>(static_cast<std::uint64_t>(from) - static_cast<std::uint64_t>(v));
}
inline std::uint64_t magnitude(std::int64_t v) {
    return v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
}
constexpr auto total_limit =
    static_cast<unsigned __int128>(std::numeric_limits<std::int64_t>::max());

struct Cell {
    std::int64_t pence = 0; // net (SPEC §4)
    std::int64_t lines = 0;
    std::int64_t income = 0; // income received, positive
};

// A group of one thread: partner, scheme, month, cost centre as that thread's ids.
struct GroupKey {
    std::uint32_t p, s, month, cc;
    bool operator==(const GroupKey&) const = default;
};

// An open-addressing map GroupKey -> Cell (free mode, and cost centres).
class GroupMap {
  public:
    GroupMap() : keys_(256), cells_(256), used_(256, 0) {}
    Cell& at(const GroupKey& k) {
        std::size_t mask = keys_.size() - 1;
        for (std::size_t i = hash(k) & mask;; i = (i + 1) & mask) {
            if (!used_[i]) {
                if ((count_ + 1) * 2 > keys_.size()) {
                    grow();
                    return at(k);
                }
                used_[i] = 1;
                keys_[i] = k;
                ++count_;
                return cells_[i];
            }
            if (keys_[i] == k) return cells_[i];
        }
    }
    template <typename Fn> void each(Fn fn) const {
        for (std::size_t i = 0; i < keys_.size(); ++i)
            if (used_[i]) fn(keys_[i], cells_[i]);
    }

  private:
    static std::size_t hash(const GroupKey& k) {
        return static_cast<std::size_t>(
            mix64((std::uint64_t(k.p) << 32 | k.s) ^ 0x9e3779b97f4a7c15ull,
                  (std::uint64_t(k.month) << 32 | k.cc) ^ 0xc2b2ae3d27d4eb4full));
    }
    void grow() {
        GroupMap bigger;
        bigger.keys_.assign(keys_.size() * 2, {});
        bigger.cells_.assign(keys_.size() * 2, {});
        bigger.used_.assign(keys_.size() * 2, 0);
        each([&](const GroupKey& k, const Cell& c) { bigger.at(k) = c; });
        *this = std::move(bigger);
    }
    std::vector<GroupKey> keys_;
    std::vector<Cell> cells_;
    std::vector<char> used_;
    std::size_t count_ = 0;
};

// A line whose key hash was suspected in the first pass, as the second pass sees it: read from
// the worker's spill in (file, line) order and judged there (SPEC §4: the first keeps its place).
struct Occurrence {
    LinePlace at;
    std::uint64_t hash = 0;
    std::int64_t pence = 0;
    bool income = false;    // an income line (SPEC §4)
    std::int32_t month = 0; // year * 12 + month - 1
    std::string partner, scheme, cost_centre;
    std::vector<std::string> fields;
};

void put_occurrence(Spill& s, const Occurrence& o);
void get_occurrence(Spill::Cursor& c, Occurrence& o);

// Everything one worker thread accumulates (never shared while the threads run), on cache lines
// of its own.
struct alignas(cache_line) Worker {
    std::vector<Cell> dense; // agreement mode without cost centres: partner x scheme x period
    GroupMap groups;
    CodeDict partners, schemes, centres;
    std::vector<RawTotals> files;
    RejectSpill rejects;              // the lines it rejected, in (file, line) order (first pass)
    DupCollector keys;                // the key hashes of the accepted lines (first pass)
    BlockKeys block_keys;             // of the block being read, while its keys rise
    std::vector<KeyRange> key_ranges; // of the blocks it read (first pass)
    Spill occurrences;                // the lines with a suspected key hash, in order (second pass)
    unsigned __int128 magnitude = 0;  // of every amount read: the range check
    std::vector<RuleMemo> memos;      // by file, for a profile with rules (line_rules)
};

// aggregate: every line judged and summed; hash: the key hashes of the blocks whose keys rose
// but may repeat another's (ledger_key_runs); confirm: the suspected duplicates set aside;
// locate: one thread, in order, to find the line at which the amounts leave the range.
enum class Pass { aggregate, hash, confirm, locate };

struct Located;

struct Shared {
    // The code tables of the agreement's partners and schemes (none without one), and whether
    // its cells fit in an array per thread.
    Shared(const Agreement* agreement, const LedgerOptions& options);

    const Agreement* agreement = nullptr;
    const LedgerOptions* options = nullptr;
    CodeTable partner_codes, scheme_codes;
    std::size_t P = 0, S = 0;
    bool dense = false;         // cells in an array (a small agreement) or a map
    SuspectSet suspect_set;     // for the second pass
    Located* located = nullptr; // the locate pass's (ledger_overflow)
};

// `threads` workers, each with its totals for `files` files (and its cells, when dense).
std::vector<Worker> make_workers(const Shared& sh, unsigned threads, std::size_t files);

} // namespace poolkit::ledger
