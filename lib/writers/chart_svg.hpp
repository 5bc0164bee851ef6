// A Chart (chart.hpp) drawn as inline SVG for the HTML statement (SPEC §9): well-formed XML, no
// script, no reference outside it; every label escaped. Coordinates come from ChartScale.
#pragma once

#include "writers/chart.hpp"

#include <string>

namespace poolkit {

// One <svg> element, sized by its viewBox so that it scales to the page.
std::string chart_svg(const Chart& chart);

// Text for HTML and XML: control characters shown visibly (SPEC §8), then & < > " ' escaped.
std::string html_escape(const std::string& text);

} // namespace poolkit
