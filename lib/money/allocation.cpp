#include "money/allocation.hpp"

#include "support/error.hpp"

#include <algorithm>
#include <numeric>

namespace poolkit {

std::vector<Money> allocate(Money total, std::span<const Rational> weights) {
    std::vector<Money> parts(weights.size());
    if (total.is_zero()) return parts;
    Rational sum = 0;
    for (const auto& w : weights) {
        if (w < 0) throw Error(ErrorKind::invariant, "allocation over a negative weight");
        sum += w;
    }
    if (sum == 0)
        throw Error(ErrorKind::invariant, "allocation of a non-zero amount over zero weights");

    const bool negative = total.is_negative();
    const BigInt t = negative ? -BigInt(total.pence()) : BigInt(total.pence());
    // Exact share t·w_i/Σw = (t·num_i·den_sum) / (den_i·num_sum); floor it, keep the remainder as a
    // fraction over a common-per-item denominator so remainders compare exactly.
    struct Rem {
        Rational frac;
        std::size_t index;
    };
    std::vector<Rem> rems;
    rems.reserve(weights.size());
    BigInt given = 0;
    std::vector<BigInt> floors(weights.size());
    for (std::size_t i = 0; i < weights.size(); ++i) {
        Rational share = Rational(t) * weights[i] / sum;
        BigInt fl = numerator(share) / denominator(share); // share >= 0: truncation is floor
        floors[i] = fl;
        given += fl;
        rems.push_back({share - Rational(fl), i});
    }
    BigInt left = t - given; // 0 <= left < number of items
    std::stable_sort(rems.begin(), rems.end(),
                     [](const Rem& a, const Rem& b) { return a.frac > b.frac; });
    for (std::size_t k = 0; left > 0 && k < rems.size(); ++k, --left)
        floors[rems[k].index] += 1;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        // |part| <= |total|, so the signed part always fits in int64.
        BigInt signed_part = negative ? BigInt(-floors[i]) : floors[i];
        parts[i] = Money::from_pence(static_cast<std::int64_t>(signed_part));
    }
    return parts;
}

std::vector<Money> allocate(Money total, std::span<const Money> weights) {
    std::vector<Rational> w;
    w.reserve(weights.size());
    for (Money m : weights)
        w.push_back(m.as_rational());
    return allocate(total, std::span<const Rational>(w));
}

} // namespace poolkit
