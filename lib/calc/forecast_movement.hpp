// The movement of the forecast against last month's statement as issued (SPEC §12, pool-recon
// --previous): this forecast − that one, by scheme and for the pool, and with commitments split
// from the two statements' cases into new cases, ended cases, changed rates and the rest.
#pragma once

#include "model/agreement.hpp"
#include "model/commitments.hpp"
#include "model/previous_statement.hpp"

#include <optional>
#include <vector>

namespace poolkit {

struct Reconciliation;

// The parts of a movement (SPEC §12); new_cases + ended_cases + changed_rates + rest = the
// movement, to the penny. With m0 the previous statement's period and m this one's, a case is its
// rows on one scheme; P its committed cost after m0 as the previous statement reported it, R its
// cost after m0 by this month's register (so R − P is how the register's view of the months after
// m0 changed, and the months m0+1..m of R have since been spent, or not, in the actuals):
//   new_cases     Σ R of the cases in this register that the previous statement did not have;
//   ended_cases   Σ (R − P) of the cases whose planned end is now earlier than it was (ended
//                 early, or given an end when they were open-ended), and − P of the cases gone
//                 from the register;
//   changed_rates Σ (R − P) of the other cases in both: their rate (or their dates otherwise)
//                 changed;
//   rest          the movement less those: the actuals of m0+1..m less what the register
//                 committed for those months, the allowance of those months, a change of the
//                 adjustments, and actuals of earlier months booked since (actuals differing from
//                 commitments).
struct MovementSplit {
    Money new_cases, ended_cases, changed_rates, rest;
    Money total() const { return new_cases + ended_cases + changed_rates + rest; }
    MovementSplit& operator+=(const MovementSplit& o);
};

struct ForecastMovement {
    Period against = Period::first();                // the previous statement's period
    std::vector<Money> previous;                     // each scheme's forecast as reported
    std::vector<Money> movement;                     // this forecast − that one, by scheme
    std::vector<std::optional<MovementSplit>> split; // schemes forecast from commitments
    Money previous_total, movement_total;
    // Σ split, a scheme with none counting wholly in the rest: so it adds up to movement_total
    std::optional<MovementSplit> total_split;
};

// Measures `r` (this month's reconciliation; with its commitments forecast made from `reg`)
// against `previous`, and sets each scheme's and the total's previous forecast and movement to it.
// Throws Error(invariant) if a split does not add up to its movement.
ForecastMovement measure_against(Reconciliation& r, const Agreement& agreement,
                                 const CommitmentsRegister* reg, const PreviousStatement& previous);

} // namespace poolkit
