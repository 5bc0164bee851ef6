// Whether a year's ledgers are complete (SPEC §7): every partner that has any accepted line in the
// year has one dated in P12, however its ledgers are split into files. pool-settle marks a
// settlement on an incomplete year PROVISIONAL and reports each short partner.
#pragma once

#include "model/actuals.hpp"
#include "model/period.hpp"
#include "support/keyword_table.hpp"

#include <cstddef>
#include <vector>

namespace poolkit {

struct ShortPartner {
    PartnerIndex partner{};               // in [[partner]] order (whose ledger the lines are in)
    Period last_period = Period::first(); // P01..P11: the last period with an accepted line
};

struct YearCompleteness {
    bool complete = true;
    // The earliest of the short partners' last periods; P12 when the year is complete (and when
    // no partner has any line at all: there is nothing to be short of).
    Period last_period = Period::last();
    std::vector<ShortPartner> short_partners; // [[partner]] order
};

YearCompleteness year_completeness(const Actuals& actuals);

// What a settlement says of its year (SPEC §7): complete by the ledgers; incomplete (a finding,
// exit 1); provisional, as intended (--provisional); or asserted complete (--complete) although a
// partner has no March lines.
enum class YearEnd { complete, incomplete, provisional, asserted };
// The keyword of each: the JSON `status` of the year (SPEC §5).
inline constexpr auto year_ends =
    keywords_in_order<YearEnd>({"complete", "incomplete", "provisional", "asserted"});
const char* year_end_name(YearEnd y); // "complete", "incomplete", "provisional", "asserted"

// `provisional` and `asserted` are the two options; they exclude each other (the caller checks).
YearEnd year_end(const YearCompleteness& c, bool provisional, bool asserted);

// Whether the statement is final: complete by the ledgers, or asserted so.
inline bool year_end_is_complete(YearEnd y) {
    return y == YearEnd::complete || y == YearEnd::asserted;
}

} // namespace poolkit
