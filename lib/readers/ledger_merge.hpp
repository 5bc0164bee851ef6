// The workers of a ledger run added up (SPEC §4, §5): their groups put in the order of the rows
// (partner and scheme by rank, then month and cost centre) and merged, their totals by file, their
// rejected lines in the run's log; then the rows, the control totals and the Actuals of the run.
// The same figures whatever the threads did, since every sum is exact (see add_wrap).
#pragma once

#include "readers/ledger_reader.hpp"
#include "readers/ledger_worker.hpp"
#include "readers/reject_spill.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace poolkit::ledger {

// A group of the whole run: partner and scheme by rank, month (year * 12 + month - 1), cost
// centre.
struct RankedGroup {
    std::uint32_t p = 0, s = 0;
    int month = 0;
    std::string cc;
    Cell cell;
    auto key() const { return std::tie(p, s, month, cc); }
};

// The partners' and schemes' ranks: agreement order, else code order over every thread's codes
// (free mode).
class CodeRanks {
  public:
    CodeRanks(const Shared& sh, const std::vector<Worker>& workers);
    std::uint32_t partner(std::string_view code) const;
    std::uint32_t scheme(std::string_view code) const;
    const std::string& partner_code(std::uint32_t rank) const { return partners_[rank]; }
    const std::string& scheme_code(std::uint32_t rank) const { return schemes_[rank]; }

  private:
    const Shared& sh_;
    std::vector<std::string> partners_, schemes_;
};

struct Merged {
    std::vector<RankedGroup> groups; // sorted by key(), each key once
    std::vector<RawTotals> files;    // by file index
};

// Adds the workers up; their rejected lines go to `log`, and each is left empty but for its
// per-file totals (ready for another pass).
Merged merge_workers(const Shared& sh, std::vector<Worker>& workers, const CodeRanks& ranks,
                     std::size_t files, SpilledRejects& log);

// The group of `want`'s key (which must be there: Error(invariant) otherwise).
RankedGroup& group_of(Merged& m, const RankedGroup& want);

// The run's rows (the groups with lines), file and control totals and, with an agreement, its
// Actuals.
void finish_run(const Shared& sh, const CodeRanks& ranks, Merged& m,
                const std::vector<LedgerSpec>& ledgers, LedgerRun& run);

} // namespace poolkit::ledger
