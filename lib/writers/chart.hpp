// The charts a statement shows (SPEC §9): what they plot, in Money, not how they are drawn. A
// line chart (cumulative budget, actual and forecast by month), bars (forecast variance by scheme,
// coloured by RAG; each partner's position) and a waterfall (contribution, risk share, final
// share). chart_svg.hpp draws them; ChartScale is the one place amounts become coordinates.
#pragma once

#include "calc/rag.hpp"
#include "money/money.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace poolkit {

enum class ChartKind { line, bars, waterfall };

// How a line is drawn: the budget solid grey, the actual solid, the forecast dashed.
enum class SeriesRole { budget, actual, forecast };

struct ChartSeries {
    std::string name;
    SeriesRole role = SeriesRole::actual;
    std::vector<std::optional<Money>> values; // one per category; none: no point there
};

// A bar from `from` to `to` (a plain bar: from zero); a waterfall's total bars start at zero.
struct ChartBar {
    std::string label;
    Money from{};
    Money to{};
    std::optional<Rag> rag; // colours the bar; none: positive/negative colours
    bool total = false;     // a waterfall's running total (drawn solid, from zero)
};

struct Chart {
    ChartKind kind = ChartKind::line;
    std::string title;
    std::vector<std::string> categories; // the x axis of a line chart (months)
    std::vector<ChartSeries> series;     // a line chart's lines
    std::vector<ChartBar> bars;          // bars and waterfall steps, left to right
    bool markers = false;                // a line chart's points marked (a month on its own shows)
};

// Amounts onto a pixel axis, exactly: [lo, hi] (pence, lo < hi after widening to whole ticks)
// maps linearly onto [pixels, 0] (SVG's y grows downwards). Coordinates are worked in integer
// arithmetic (128-bit) and written in tenths of a pixel, rounded half up; no binary float.
class ChartScale {
  public:
    // The range covers every amount given and zero, widened to a whole number of "nice" ticks
    // (1, 2 or 5 times a power of ten pence), at most about `ticks` of them.
    ChartScale(const std::vector<Money>& amounts, std::int64_t pixels, int ticks = 5);

    // The coordinate of `m` as SVG text, in tenths of a pixel: "123.4".
    std::string at(Money m) const;
    // The same, as tenths of a pixel (for arithmetic: bar heights).
    std::int64_t tenths(Money m) const;
    Money lo() const { return lo_; }
    Money hi() const { return hi_; }
    Money step() const { return step_; }

  private:
    Money lo_, hi_, step_;
    std::int64_t pixels_;
};

// Tenths of a pixel as SVG text: 1234 -> "123.4", -5 -> "-0.5".
std::string svg_tenths(std::int64_t tenths);

} // namespace poolkit
