// Aggregated ledger spend against an agreement (SPEC §4): by partner (whose ledger the line is in),
// scheme and period. The interface between the ledger reader and the calculations.
#pragma once

#include "model/indices.hpp"
#include "model/period.hpp"
#include "money/money.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace poolkit {

// Control totals of a ledger run (SPEC §4): every input line is accepted or rejected.
struct ControlTotals {
    std::uint64_t lines_read = 0; // data lines (not the header)
    std::uint64_t lines_accepted = 0;
    std::uint64_t lines_rejected = 0;
    Money total_read; // pence of every line whose amount could be read
    Money total_accepted;
    Money total_rejected; // of the rejected lines whose amount could be read

    ControlTotals& operator+=(const ControlTotals& o);
};

class Actuals {
  public:
    Actuals() = default;
    Actuals(std::size_t partners, std::size_t schemes)
        : partners_(partners), schemes_(schemes), cells_(partners * schemes * Period::count),
          lines_(partners * schemes * Period::count) {}

    std::size_t partners() const { return partners_; }
    std::size_t schemes() const { return schemes_; }

    void add(PartnerIndex partner, SchemeIndex scheme, Period period, Money amount,
             std::uint64_t lines = 1) {
        std::size_t i = index(partner, scheme, period);
        cells_[i] += amount;
        lines_[i] += lines;
    }
    Money at(PartnerIndex partner, SchemeIndex scheme, Period period) const {
        return cells_[index(partner, scheme, period)];
    }
    std::uint64_t lines_at(PartnerIndex partner, SchemeIndex scheme, Period period) const {
        return lines_[index(partner, scheme, period)];
    }

    // Sums over the first `periods_elapsed` periods (0..12: 0 gives zero, 12 the year).
    Money scheme_to(SchemeIndex scheme, int periods_elapsed) const;    // all partners
    Money partner_to(PartnerIndex partner, int periods_elapsed) const; // all schemes
    Money partner_scheme_to(PartnerIndex partner, SchemeIndex scheme, int periods_elapsed) const;
    Money total_to(int periods_elapsed) const;

    ControlTotals control;

  private:
    std::size_t index(PartnerIndex p, SchemeIndex s, Period period) const {
        return (to_size(p) * schemes_ + to_size(s)) * Period::count + period.index();
    }
    std::size_t partners_ = 0, schemes_ = 0;
    std::vector<Money> cells_;
    std::vector<std::uint64_t> lines_;
};

// One group of accepted ledger lines, as pool-actuals reports them (SPEC §4, §5): the dimensions
// not grouped by are empty. Works with or without an agreement (free mode: any codes, any month).
struct ActualsRow {
    std::string partner;
    std::string scheme;
    std::string period; // "YYYY-MM"
    std::string cost_centre;
    std::size_t partner_rank = 0; // sort order: [[partner]] order with an agreement, else by code
    std::size_t scheme_rank = 0;  // [[scheme]] order with an agreement, else by code
    std::uint64_t lines = 0;
    Money amount;
};

// One ledger file's control totals.
struct LedgerFileTotals {
    std::string path;
    ControlTotals control;
    // With an agreement: per partner index, bit period.index() set when the file had an accepted
    // line of that partner in the period (empty when it had none).
    std::vector<std::uint16_t> periods_by_partner;
    int max_day = 0; // the largest day of a date read: 12 or less, the date may be month first
};

// The paths of the files that had an accepted line of `partner` (SPEC §7 names them for a partner
// whose year is short), in the order given.
std::vector<std::string> ledger_files_of(const std::vector<LedgerFileTotals>& files,
                                         std::size_t partner);

} // namespace poolkit
