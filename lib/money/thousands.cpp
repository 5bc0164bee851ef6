#include "money/thousands.hpp"

#include "money/allocation.hpp"
#include "money/rational.hpp"

#include <algorithm>
#include <numeric>

namespace poolkit {

namespace {

constexpr std::int64_t pence_per_thousand = 100'000;

// floor(a / b) for b > 0.
std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    return (a % b != 0 && a < 0) ? q - 1 : q;
}

} // namespace

std::int64_t round_thousands(Money m) {
    const std::int64_t p = m.pence();
    const std::int64_t q = p / pence_per_thousand, r = p % pence_per_thousand;
    if (2 * (r < 0 ? -r : r) >= pence_per_thousand) return p < 0 ? q - 1 : q + 1;
    return q;
}

ThousandsColumn in_thousands(std::span<const Money> rows) {
    ThousandsColumn out;
    Money sum;
    bool positive = false, negative = false;
    for (Money m : rows) {
        sum += m;
        positive = positive || m.is_positive();
        negative = negative || m.is_negative();
    }
    out.total = round_thousands(sum);
    out.rows.assign(rows.size(), 0);
    if (!(positive && negative)) {
        if (!positive && !negative) return out; // all zero: a total of 0 too
        std::vector<Money> weights;
        for (Money m : rows)
            weights.push_back(m.is_negative() ? -m : m);
        // A Money carries the count of thousands here: allocate() splits any integer total.
        const auto parts = allocate(Money::from_pence(out.total), std::span<const Money>(weights));
        for (std::size_t i = 0; i < parts.size(); ++i)
            out.rows[i] = parts[i].pence();
        return out;
    }
    std::vector<std::int64_t> remainder(rows.size());
    std::int64_t given = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        out.rows[i] = floor_div(rows[i].pence(), pence_per_thousand);
        remainder[i] = rows[i].pence() - out.rows[i] * pence_per_thousand; // 0..99,999
        given += out.rows[i];
    }
    std::vector<std::size_t> order(rows.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return remainder[a] > remainder[b]; });
    for (std::int64_t left = out.total - given, k = 0;
         left > 0 && k < static_cast<std::int64_t>(order.size()); --left, ++k)
        out.rows[order[static_cast<std::size_t>(k)]] += 1;
    return out;
}

} // namespace poolkit
