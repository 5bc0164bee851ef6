#include "writers/chart.hpp"

#include <algorithm>

namespace poolkit {

namespace {

// The smallest 1, 2 or 5 times a power of ten (pence) of which `ticks` cover `span`.
std::int64_t nice_step(std::int64_t span, int ticks) {
    const std::int64_t want = std::max<std::int64_t>(1, span / std::max(1, ticks));
    for (std::int64_t power = 1;; power *= 10)
        for (std::int64_t m : {1, 2, 5})
            if (m * power >= want || power > INT64_MAX / 100) return m * power;
}

// Floor and ceiling of `v` to a multiple of `step` (step > 0), for negative values too.
std::int64_t floor_to(std::int64_t v, std::int64_t step) {
    std::int64_t q = v / step;
    if (v % step != 0 && v < 0) --q;
    return q * step;
}
std::int64_t ceil_to(std::int64_t v, std::int64_t step) {
    std::int64_t q = v / step;
    if (v % step != 0 && v > 0) ++q;
    return q * step;
}

} // namespace

ChartScale::ChartScale(const std::vector<Money>& amounts, std::int64_t pixels, int ticks)
    : pixels_(pixels) {
    std::int64_t lo = 0, hi = 0; // zero is always on the axis
    for (Money m : amounts) {
        lo = std::min(lo, m.pence());
        hi = std::max(hi, m.pence());
    }
    if (hi == lo) hi = lo + 100; // nothing to show: an axis of one pound
    const std::int64_t step = nice_step(hi - lo, ticks);
    lo_ = Money::from_pence(floor_to(lo, step));
    hi_ = Money::from_pence(ceil_to(hi, step));
    step_ = Money::from_pence(step);
}

std::int64_t ChartScale::tenths(Money m) const {
    // y = pixels × (hi − m) / (hi − lo), in tenths, rounded half up: exact in 128 bits.
    const __int128 num = static_cast<__int128>(hi_.pence() - m.pence()) * pixels_ * 10;
    const __int128 den = hi_.pence() - lo_.pence();
    __int128 q = num / den, r = num % den;
    if (r < 0) {
        --q;
        r += den;
    }
    if (2 * r >= den) ++q;
    return static_cast<std::int64_t>(q);
}

std::string ChartScale::at(Money m) const {
    return svg_tenths(tenths(m));
}

std::string svg_tenths(std::int64_t t) {
    const bool negative = t < 0;
    const std::uint64_t a = negative ? 0 - static_cast<std::uint64_t>(t) : t;
    std::string out = negative ? "-" : "";
    out += std::to_string(a / 10);
    if (a % 10) out += "." + std::to_string(a % 10);
    return out;
}

} // namespace poolkit
