// A budget holder's adjustments to the forecast (SPEC §12, pool-recon --adjust): an amount added
// to a scheme's forecast outturn, with the reason for it, so that what the figures do not know
// yet (a placement agreed after the register was drawn up, a known refund) is in the forecast and
// shown beside it.
#pragma once

#include "model/indices.hpp"
#include "money/money.hpp"
#include "support/error.hpp"

#include <string>
#include <vector>

namespace poolkit {

struct ForecastAdjustment {
    SchemeIndex scheme{};
    Money amount; // + raises the forecast, − lowers it
    std::string reason;
    SourceLocation where; // its file and line
};

struct ForecastAdjustments {
    std::vector<ForecastAdjustment> rows; // in file order

    // Σ amount by scheme, one entry a scheme of an agreement with `schemes` schemes.
    std::vector<Money> by_scheme(std::size_t schemes) const {
        std::vector<Money> out(schemes);
        for (const ForecastAdjustment& r : rows)
            out[to_size(r.scheme)] += r.amount;
        return out;
    }
};

} // namespace poolkit
