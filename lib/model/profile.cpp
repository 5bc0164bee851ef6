#include "model/profile.hpp"

#include "money/allocation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace poolkit {

namespace {
// A profile of weights or of amounts has one a period (SPEC §2): else reported, naming the form.
bool one_a_period(const Profile& profile, std::size_t given, std::string_view scheme_id,
                  Diagnostics& diags) {
    if (given == Period::count) return true;
    diags.error(profile.where,
                fmt::format("the profile of scheme {} has {} {}; it needs 12, one per "
                            "period P01 (April) to P12 (March)",
                            scheme_id, given, profile_forms.keyword(profile.form)));
    return false;
}
} // namespace

std::optional<PeriodArray<Money>> phase_budget(const Profile& profile, Money budget,
                                               std::string_view scheme_id, Diagnostics& diags) {
    PeriodArray<Money> out{};
    switch (profile.form) {
    case Profile::Form::even:
    case Profile::Form::weights: {
        std::vector<Rational> w(Period::count, Rational(1));
        if (profile.form == Profile::Form::weights) {
            if (!one_a_period(profile, profile.weights.size(), scheme_id, diags))
                return std::nullopt;
            w = profile.weights;
            if (std::any_of(w.begin(), w.end(), [](const Rational& x) { return x < 0; })) {
                diags.error(profile.where,
                            fmt::format("the profile of scheme {} has a negative weight; weights "
                                        "must be zero or more",
                                        scheme_id));
                return std::nullopt;
            }
            if (!budget.is_zero() &&
                std::all_of(w.begin(), w.end(), [](const Rational& x) { return x == 0; })) {
                diags.error(profile.where,
                            fmt::format("the profile of scheme {} has only zero weights, so its "
                                        "budget cannot be phased",
                                        scheme_id));
                return std::nullopt;
            }
        }
        if (budget.is_zero()) return out; // nothing to phase, whatever the weights
        // SPEC §2: the phased budget is an allocation over the weights, ties to the earlier period.
        auto parts = allocate(budget, std::span<const Rational>(w));
        std::copy(parts.begin(), parts.end(), out.begin());
        return out;
    }
    case Profile::Form::amounts: {
        if (!one_a_period(profile, profile.amounts.size(), scheme_id, diags)) return std::nullopt;
        Money sum;
        for (Period m : Period::all()) {
            const Money& amount = profile.amounts[m.index()];
            if (amount.is_negative()) {
                diags.error(profile.where,
                            fmt::format("the profile of scheme {} has a negative amount in {}; "
                                        "amounts must be zero or more",
                                        scheme_id, m.label()));
                return std::nullopt;
            }
            sum += amount;
            out[m] = amount;
        }
        if (sum != budget) {
            Money gap = budget - sum;
            diags.error(profile.where,
                        fmt::format("the profile amounts of scheme {} sum to {}, not its budget {} "
                                    "({} by {})",
                                    scheme_id, format_display(sum), format_display(budget),
                                    gap.is_positive() ? "short" : "over",
                                    format_display(gap.is_positive() ? gap : -gap)));
            return std::nullopt;
        }
        return out;
    }
    }
    return std::nullopt;
}

PeriodArray<Money> phase_by_weights(const Profile& profile, Money amount) {
    std::vector<Rational> w(Period::count, Rational(1));
    if (profile.form == Profile::Form::weights && profile.weights.size() == Period::count)
        w = profile.weights;
    if (profile.form == Profile::Form::amounts && profile.amounts.size() == Period::count)
        for (std::size_t i = 0; i < Period::count; ++i)
            w[i] = profile.amounts[i].as_rational();
    PeriodArray<Money> out{};
    if (amount.is_zero() ||
        std::all_of(w.begin(), w.end(), [](const Rational& x) { return x == 0; }))
        return out;
    auto parts = allocate(amount, std::span<const Rational>(w));
    std::copy(parts.begin(), parts.end(), out.begin());
    return out;
}

} // namespace poolkit
