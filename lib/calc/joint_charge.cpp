#include "calc/joint_charge.hpp"

#include "model/profile.hpp"
#include "money/allocation.hpp"
#include "support/error.hpp"

#include <algorithm>
#include <string>

namespace poolkit {

namespace {

bool all_zero(std::span<const Money> xs) {
    return std::all_of(xs.begin(), xs.end(), [](Money m) { return m.is_zero(); });
}

// The partner whose term is "rest" (the loader requires one for a fixed recharge).
std::optional<PartnerIndex> rest_partner(const Scheme& s) {
    for (const auto& t : s.contribution_terms)
        if (t.form == ContributionTerm::Form::rest) return t.partner;
    return std::nullopt;
}

SchemeCharge charge_scheme(const Agreement& a, const Scheme& s, Money amount, int periods_elapsed,
                           std::span<const Money> pool_weights) {
    const std::size_t n = a.partners.size();
    SchemeCharge c;
    c.amount = amount;
    c.recharge = s.recharge;
    c.parts.assign(n, Money{});
    if (s.recharge == Recharge::fixed) {
        const auto rest = rest_partner(s);
        if (!rest)
            throw Error(ErrorKind::invariant,
                        "scheme " + s.id + " has a fixed recharge but no rest partner");
        // Each stated amount phased by the profile's weights to the period; the rest partner is
        // charged what the others leave of the amount spent (SPEC §6).
        Money others;
        for (std::size_t p = 0; p < n && p < s.contributions.size(); ++p) {
            if (PartnerIndex{p} == *rest) continue;
            auto phased = phase_by_weights(s.profile, s.contributions[p]);
            for (Period m : Period::first_n(periods_elapsed))
                c.parts[p] += phased[m];
            others += c.parts[p];
        }
        c.rest = rest;
        c.parts[to_size(*rest)] = amount - others;
        return c;
    }
    if (amount.is_zero()) return c;
    std::span<const Money> w = s.contributions;
    if (all_zero(w)) {
        // SPEC §7: a joint scheme whose contributions are all zero is charged by pool
        // contributions.
        c.by_pool = true;
        w = pool_weights;
    }
    if (all_zero(w)) {
        // Nobody agreed to share anything in the whole agreement: the host, which spends, is
        // charged it (no other partner ever agreed to bear any of it).
        if (a.host) c.parts[to_size(*a.host)] = amount;
        return c;
    }
    c.parts = allocate(amount, w);
    return c;
}

} // namespace

JointCharges joint_charges(const Agreement& a, std::span<const Money> amounts,
                           int periods_elapsed) {
    if (amounts.size() != a.schemes.size())
        throw Error(ErrorKind::invariant, "joint charges: " + std::to_string(amounts.size()) +
                                              " amounts for " + std::to_string(a.schemes.size()) +
                                              " schemes");
    if (periods_elapsed < 0 || periods_elapsed > Period::count)
        throw Error(ErrorKind::invariant, "joint charges: the period must be 0..12");
    const std::size_t n = a.partners.size();
    const std::vector<Money> contributions = a.partner_contributions();
    JointCharges r;
    r.periods_elapsed = periods_elapsed;
    r.before_caps.assign(n, Money{});
    Money spent;
    for (std::size_t s = 0; s < a.schemes.size(); ++s) {
        r.schemes.push_back(
            charge_scheme(a, a.schemes[s], amounts[s], periods_elapsed, contributions));
        spent += amounts[s];
        for (std::size_t p = 0; p < n; ++p)
            r.before_caps[p] += r.schemes.back().parts[p];
    }
    // Caps (SPEC §6): a partner is charged at most its annual contribution plus its cap; the
    // excess is charged to nobody.
    r.charge = r.before_caps;
    if (a.risk_share)
        for (std::size_t p = 0; p < n && p < a.risk_share->caps.size(); ++p) {
            const auto& cap = a.risk_share->caps[p];
            if (!cap) continue;
            // Compared exactly: a cap near the int64 limit bounds nothing, and must not overflow.
            if (r.charge[p].as_rational() <= contributions[p].as_rational() + cap->as_rational())
                continue;
            Money bound = contributions[p] + *cap; // below the charge, so it fits
            r.caps.push_back({PartnerIndex{p}, r.charge[p], bound, r.charge[p] - bound});
            r.unallocated += r.charge[p] - bound;
            r.charge[p] = bound;
        }
    Money charged = r.unallocated;
    for (Money c : r.charge)
        charged += c;
    if (charged != spent)
        throw Error(ErrorKind::invariant, "joint charges: the partners' charges " +
                                              format_plain(charged - r.unallocated) +
                                              " + unallocated " + format_plain(r.unallocated) +
                                              " miss the spending " + format_plain(spent));
    return r;
}

} // namespace poolkit
