#include "calc/shares.hpp"

#include "support/error.hpp"

#include <fmt/format.h>

namespace poolkit {

std::optional<Rational> fraction_of(Money part, Money whole) {
    if (whole.is_zero()) return std::nullopt;
    return Rational(part.as_rational() / whole.as_rational());
}

ContributionShares compute_shares(const Agreement& agreement) {
    const std::size_t np = agreement.partners.size();
    ContributionShares out;
    out.partner_totals.assign(np, Money());
    for (std::size_t s = 0; s < agreement.schemes.size(); ++s) {
        const Scheme& scheme = agreement.schemes[s];
        if (scheme.contributions.size() != np)
            throw Error(ErrorKind::invariant,
                        fmt::format("scheme {} has {} resolved contributions for {} partners",
                                    scheme.id, scheme.contributions.size(), np));
        SchemeShares row{SchemeIndex{s}, scheme.budget, scheme.contributions, {}};
        Money sum;
        for (std::size_t p = 0; p < np; ++p) {
            sum += scheme.contributions[p];
            out.partner_totals[p] += scheme.contributions[p];
            row.fractions.push_back(fraction_of(scheme.contributions[p], scheme.budget));
        }
        if (sum != scheme.budget)
            throw Error(ErrorKind::invariant,
                        fmt::format("the contributions to scheme {} sum to {}, not its budget {}",
                                    scheme.id, format_plain(sum), format_plain(scheme.budget)));
        out.total += scheme.budget;
        out.schemes.push_back(std::move(row));
    }
    for (std::size_t p = 0; p < np; ++p)
        out.partner_fractions.push_back(fraction_of(out.partner_totals[p], out.total));
    return out;
}

} // namespace poolkit
