// The RAG rating of a scheme's forecast (SPEC §3 [monitoring], §6): the size of its forecast
// variance against its annual budget, in either direction. An underspend past the thresholds is
// amber or red as an overspend is, and needs an action plan too; a zero budget has no rating.
#pragma once

#include "model/agreement.hpp"
#include "money/money.hpp"
#include "support/keyword_table.hpp"

#include <optional>
#include <string>

namespace poolkit {

// The keywords of the ratings, for JSON and CSV (SPEC §3, §5); a direction's `words` is its noun
// for people ("overspend", "underspend").
enum class Rag { green, amber, red };
inline constexpr auto rag_ratings = keywords_in_order<Rag>({"green", "amber", "red"});
inline const char* rag_keyword(Rag r) {
    return rag_ratings.keyword(r).data();
}
enum class RagDirection { over, under };
inline constexpr KeywordTable<RagDirection, 2> rag_directions{
    {{{RagDirection::over, "over", "overspend"}, {RagDirection::under, "under", "underspend"}}}};
inline const char* direction_keyword(RagDirection d) {
    return rag_directions.keyword(d).data();
}
inline const char* direction_noun(RagDirection d) {
    return rag_directions.words(d).data();
}

struct RagStatus {
    std::optional<Rag> rating;             // none: a zero budget (SPEC §3: no rating)
    std::optional<RagDirection> direction; // none: the forecast is exactly the budget

    // Amber or red, either way (SPEC §3).
    bool needs_action_plan() const { return rating && *rating != Rag::green; }
    bool operator==(const RagStatus&) const = default;
};

// red when |forecast_variance| / budget ≥ red, else amber when ≥ amber, else green (exact).
RagStatus rag_status(Money forecast_variance, Money budget, const Monitoring& thresholds);

// What a RAG column shows (SPEC §9): "amber under", "red over", "green" (a green forecast needs
// no direction), "no budget" when there is no rating.
std::string rag_wording(const RagStatus& s);

} // namespace poolkit
