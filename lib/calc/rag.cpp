#include "calc/rag.hpp"

namespace poolkit {

RagStatus rag_status(Money forecast_variance, Money budget, const Monitoring& t) {
    RagStatus s;
    if (forecast_variance.is_positive()) s.direction = RagDirection::over;
    if (forecast_variance.is_negative()) s.direction = RagDirection::under;
    if (!budget.is_positive()) return s; // no budget, no rating (SPEC §3)
    Rational share = forecast_variance.as_rational() / budget.as_rational();
    if (share < 0) share = -share; // either direction (SPEC §3)
    s.rating = share >= t.red ? Rag::red : share >= t.amber ? Rag::amber : Rag::green;
    return s;
}

std::string rag_wording(const RagStatus& s) {
    if (!s.rating) return "no budget";
    std::string out = rag_keyword(*s.rating);
    if (*s.rating != Rag::green && s.direction)
        out += std::string(" ") + direction_keyword(*s.direction);
    return out;
}

} // namespace poolkit
