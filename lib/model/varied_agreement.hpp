// An agreement as varied (SPEC §14): its deeds of variation applied in date order, each from its
// effective period on. A scheme's budget to date never changes for the periods before a variation;
// what is left of its new annual budget is allocated over the remaining periods by its profile's
// weights for them (SPEC §2), evenly when they are all zero. A virement moves each partner's
// contribution in proportion to its share of the `from` scheme (an allocation); a change in a
// partner's annual contribution falls on its remaining instalments by their weights. The loader
// applies every variation once to check them (the errors reported at the change); a tool applies
// those in effect by its period.
#pragma once

#include "model/agreement.hpp"
#include "model/diagnostic.hpp"

#include <span>

namespace poolkit {

// Applies the variations of `a` effective in `through` or before, in order, to `a` (as loaded:
// none applied yet). A failure (a budget below its budget to date, contributions that do not sum,
// a change to a closed scheme or one not yet added) is reported at the change; returns false
// after the first variation that failed, leaving `a` partly varied.
bool apply_variations(Agreement& a, Period through, Diagnostics& diags);

// The agreement as it stands at the end of period `through`, from a loaded agreement (whose
// variations the loader has checked).
Agreement as_varied(const Agreement& a, Period through);

// The agreement as it stood at the end of the period before `period`: as_varied(a, period − 1);
// at P01, as_varied(a, P01) (nothing was issued before it). Last month's figures are worked on
// these terms, so that a variation never restates a month already reported (SPEC §14).
Agreement as_varied_before(const Agreement& a, Period period);

// The sum of `phased` over the periods before `from`: the budget to date a variation effective
// from `from` leaves as it was.
Money budget_before(const PeriodArray<Money>& phased, Period from);

// `phased` with the periods from `from` on re-phased so that the whole sums to `budget` (at least
// budget_before(phased, from)): the rest allocated by the profile's weights for those periods,
// even when they are all zero (SPEC §2, §14).
PeriodArray<Money> rephase(const Profile& profile, const PeriodArray<Money>& phased, Money budget,
                           Period from);

// The variations in effect by `through` (the first Agreement::variations_applied of them when
// varied by as_varied).
std::span<const Variation> variations_applied(const Agreement& a);

} // namespace poolkit
