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
#include <string_view>
#include <vector>

namespace poolkit {

// Lines a profile's rule excluded or skipped for one reason (SPEC §4, §11), and their pence.
struct CountedReason {
    std::string reason;
    std::uint64_t lines = 0;
    Money total;
};

// A file's [trailer] (SPEC §11): the control total its trailer rows state, against the sum, in
// the export's own signs, of its lines but the skipped ones.
struct TrailerCheck {
    std::string path;             // the ledger file
    std::uint64_t rows = 0;       // trailer rows found (0: none, a finding)
    std::uint64_t unreadable = 0; // of them, rows whose amount could not be read
    std::uint64_t line = 0;       // the first one's line
    Money stated;                 // the sum of their amounts
    Money summed;
    bool agrees() const { return rows > 0 && unreadable == 0 && stated == summed; }
};

// Control totals of a ledger run (SPEC §4, §5): every input line is accepted, rejected, excluded
// or skipped, so lines_read = accepted + rejected + excluded + skipped, and so are the totals.
struct ControlTotals {
    std::uint64_t lines_read = 0; // data lines (not the header)
    std::uint64_t lines_accepted = 0;
    std::uint64_t lines_rejected = 0;
    std::uint64_t lines_excluded = 0;
    std::uint64_t lines_skipped = 0;
    std::uint64_t lines_income = 0; // of the accepted: income lines (SPEC §4)
    Money total_read;               // pence of every line whose amount could be read
    Money total_accepted;
    Money total_rejected; // of the rejected lines whose amount could be read
    Money total_excluded;
    Money total_skipped;
    Money total_income; // income received, positive: minus the accepted income lines' amounts
    std::vector<CountedReason> excluded, skipped; // by reason, in the order first met
    std::vector<TrailerCheck> trailers;           // a file's stated total against its lines
    // Whether a trailer disagrees with its lines (or is missing): a finding (SPEC §11).
    bool trailer_findings() const {
        for (const auto& t : trailers)
            if (!t.agrees()) return true;
        return false;
    }

    ControlTotals& operator+=(const ControlTotals& o);
};

// A kind of line the control totals count, as a number of lines and their pence: `name` is the
// kind in the totals' names (lines_read and total_read are "read"'s).
struct ControlKind {
    std::string_view name;
    std::uint64_t ControlTotals::*lines;
    Money ControlTotals::*total;
};

// Every kind, in the order the statements list them: read, accepted, rejected, then the kinds
// beside them, excluded and skipped, then income (SPEC §4, §5).
inline constexpr ControlKind control_kinds[] = {
    {"read", &ControlTotals::lines_read, &ControlTotals::total_read},
    {"accepted", &ControlTotals::lines_accepted, &ControlTotals::total_accepted},
    {"rejected", &ControlTotals::lines_rejected, &ControlTotals::total_rejected},
    {"excluded", &ControlTotals::lines_excluded, &ControlTotals::total_excluded},
    {"skipped", &ControlTotals::lines_skipped, &ControlTotals::total_skipped},
    {"income", &ControlTotals::lines_income, &ControlTotals::total_income},
};

class Actuals {
  public:
    Actuals() = default;
    Actuals(std::size_t partners, std::size_t schemes)
        : partners_(partners), schemes_(schemes), cells_(partners * schemes * Period::count),
          income_(partners * schemes * Period::count), lines_(partners * schemes * Period::count) {}

    std::size_t partners() const { return partners_; }
    std::size_t schemes() const { return schemes_; }

    // `amount` is net (SPEC §4: expenditure − income); `income` the income in it, positive.
    void add(PartnerIndex partner, SchemeIndex scheme, Period period, Money amount,
             std::uint64_t lines = 1, Money income = Money()) {
        std::size_t i = index(partner, scheme, period);
        cells_[i] += amount;
        income_[i] += income;
        lines_[i] += lines;
    }
    Money at(PartnerIndex partner, SchemeIndex scheme, Period period) const {
        return cells_[index(partner, scheme, period)];
    }
    Money income_at(PartnerIndex partner, SchemeIndex scheme, Period period) const {
        return income_[index(partner, scheme, period)];
    }
    std::uint64_t lines_at(PartnerIndex partner, SchemeIndex scheme, Period period) const {
        return lines_[index(partner, scheme, period)];
    }

    // Sums over the first `periods_elapsed` periods (0..12: 0 gives zero, 12 the year).
    Money scheme_to(SchemeIndex scheme, int periods_elapsed) const;    // all partners
    Money partner_to(PartnerIndex partner, int periods_elapsed) const; // all schemes
    Money partner_scheme_to(PartnerIndex partner, SchemeIndex scheme, int periods_elapsed) const;
    Money total_to(int periods_elapsed) const;
    // The income in those sums (SPEC §4: income_ytd, positive), over all partners.
    Money scheme_income_to(SchemeIndex scheme, int periods_elapsed) const;
    Money partner_scheme_income_to(PartnerIndex partner, SchemeIndex scheme,
                                   int periods_elapsed) const;
    Money total_income_to(int periods_elapsed) const;

    ControlTotals control;

  private:
    // The sum of one kind of cell (`cells_` or `income_`) over the first `periods_elapsed`
    // periods, for one partner or all and one scheme or all: every sum above is one of these.
    Money sum_to(const std::vector<Money>& of, std::optional<PartnerIndex> partner,
                 std::optional<SchemeIndex> scheme, int periods_elapsed) const;
    std::size_t index(PartnerIndex p, SchemeIndex s, Period period) const {
        return (to_size(p) * schemes_ + to_size(s)) * Period::count + period.index();
    }
    std::size_t partners_ = 0, schemes_ = 0;
    std::vector<Money> cells_;
    std::vector<Money> income_;
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
    Money amount; // net: expenditure − income (SPEC §4)
    Money income; // the income received, positive
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
                                         PartnerIndex partner);

} // namespace poolkit
