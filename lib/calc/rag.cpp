#include "calc/rag.hpp"

#include <array>

namespace poolkit {

namespace {

// Each enum with its words, in one place (SPEC §3, §5).
struct RagTerm {
    Rag rating;
    const char* keyword;
};
constexpr std::array<RagTerm, 3> rag_terms{
    {{Rag::green, "green"}, {Rag::amber, "amber"}, {Rag::red, "red"}}};

struct DirectionTerm {
    RagDirection direction;
    const char* keyword;
    const char* noun;
};
constexpr std::array<DirectionTerm, 2> direction_terms{
    {{RagDirection::over, "over", "overspend"}, {RagDirection::under, "under", "underspend"}}};

const DirectionTerm& term(RagDirection d) {
    for (const auto& t : direction_terms)
        if (t.direction == d) return t;
    return direction_terms[0];
}

} // namespace

const char* rag_keyword(Rag r) {
    for (const auto& t : rag_terms)
        if (t.rating == r) return t.keyword;
    return "?";
}

const char* direction_keyword(RagDirection d) {
    return term(d).keyword;
}

const char* direction_noun(RagDirection d) {
    return term(d).noun;
}

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
