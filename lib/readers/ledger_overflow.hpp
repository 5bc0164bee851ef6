// The ledgers' totals checked in file and line order, when they may be out of range (SPEC §2:
// int64 pence, overflow checked; see add_wrap in ledger_worker.hpp): the threads add with
// wrapping adds, which are exact unless the magnitudes of all the amounts read pass INT64_MAX;
// then one thread reads the files again, in order, adding every total up checked, and names the
// line that takes one out of range.
#pragma once

#include "readers/ledger_header.hpp"
#include "readers/ledger_source.hpp"
#include "readers/ledger_worker.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace poolkit::ledger {

// A group of the whole run: partner, scheme, month (year * 12 + month - 1), cost centre.
using GlobalKey = std::tuple<std::string, std::string, int, std::string>;

// The locate pass's totals (one thread, file and line order), added checked (see add_wrap): each
// kind of line in its own total, as the run reports them (SPEC §4: read, accepted, rejected,
// excluded, skipped).
struct Located {
    enum class Figure { read, accepted, rejected, excluded, skipped };
    static constexpr std::size_t figures = 5;
    std::vector<std::int64_t> by_file[figures]; // by Figure, then by file
    std::int64_t all[figures] = {};
    // The accepted lines' totals by every grouping a statement may show: partner, scheme, month,
    // cost centre and each combination of them (the bits of the first), and their groups.
    std::map<std::pair<unsigned, GlobalKey>, std::int64_t> groups;
    std::optional<Spill::Cursor> dup; // through the places of the duplicates, in order
    std::optional<LinePlace> next_dup;
    // Adds an amount to the file's and the run's total of a kind, and (accepted lines) to its
    // groups' by every grouping, checked; the first that leaves the range stops the run here
    // (Error(arithmetic) naming the line).
    void add(const Layout& L, std::uint64_t line, std::int64_t pence, Figure f,
             const GlobalKey* group, bool by_cost_centre);
    void advance() {
        next_dup.reset();
        if (dup && !dup->at_end()) {
            LinePlace p;
            p.file = dup->get_u32();
            p.line = dup->get_u64();
            next_dup = p;
        }
    }
};

// Reads the files again in order on one thread (`duplicates`: the places of the duplicates the
// run rejected, in order), and throws at the first line that takes a total out of range.
void locate_overflow(Shared& sh, const std::vector<LedgerSpec>& ledgers, const LedgerSources& files,
                     const Spill& duplicates);

} // namespace poolkit::ledger
