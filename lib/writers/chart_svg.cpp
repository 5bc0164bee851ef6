#include "writers/chart_svg.hpp"

#include "support/visible_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace poolkit {

std::string html_escape(const std::string& text) {
    std::string out;
    for (char c : visible_lines(text)) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

namespace {

// The canvas, in pixels: the plot stands inside the margins; labels and the legend outside it.
constexpr std::int64_t width = 640, height = 270;
constexpr std::int64_t left = 92, right = 16, top = 30, bottom = 52;
constexpr std::int64_t plot_w = width - left - right, plot_h = height - top - bottom;

// The colours of the statement, in each enum's order (the HTML stylesheet uses the same).
constexpr std::array<const char*, 3> rag_colours{"#2e7d32", "#e69500", "#c62828"};
constexpr std::array<const char*, 3> series_colours{"#7a7a7a", "#1f5fa8", "#d9822b"};
static_assert(rag_colours.size() == rag_ratings.entries.size());
const char* rag_colour(Rag r) {
    return rag_colours.at(static_cast<std::size_t>(r));
}
const char* series_colour(SeriesRole role) {
    return series_colours.at(static_cast<std::size_t>(role));
}

// An axis label: whole thousands of pounds as "£1,200k", smaller steps in pounds and pence.
// Negative amounts in brackets, as the statement shows them (SPEC §9): "(£20k)".
std::string axis_label(Money tick, Money step) {
    const Money size = tick.is_negative() ? -tick : tick;
    std::string shown;
    if (step.pence() % 100000 == 0) {
        shown = format_display(Money::from_pence(size.pence() / 100000 * 100));
        shown = "£" + shown.substr(0, shown.size() - 3) + "k"; // "1,200.00" less its pence
    } else {
        shown = "£" + format_display(size);
    }
    return tick.is_negative() ? "(" + shown + ")" : shown;
}

std::string t(std::int64_t tenths) {
    return svg_tenths(tenths);
}

std::string text_at(std::int64_t x, std::int64_t y, const std::string& s, const char* anchor,
                    const char* cls = "") {
    return fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"{}\"{}>{}</text>\n", t(x), t(y),
                       anchor, *cls ? fmt::format(" class=\"{}\"", cls) : "", html_escape(s));
}

// Gridlines and labels of the y axis, and the zero line.
std::string y_axis(const ChartScale& scale) {
    std::string out;
    for (std::int64_t p = scale.lo().pence(); p <= scale.hi().pence(); p += scale.step().pence()) {
        const Money tick = Money::from_pence(p);
        const std::int64_t y = top * 10 + scale.tenths(tick);
        out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" class=\"{}\"/>\n", left,
                           t(y), left + plot_w, t(y), p == 0 ? "zero" : "grid");
        out += text_at((left - 6) * 10, y + 35, axis_label(tick, scale.step()), "end", "axis");
    }
    return out;
}

std::string open_svg(const Chart& c) {
    return fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" "
                       "role=\"img\" aria-label=\"{}\" class=\"chart\">\n<title>{}</title>\n",
                       width, height, html_escape(c.title), html_escape(c.title)) +
           text_at(left * 10, 180, c.title, "start", "title");
}

std::vector<Money> amounts_of(const Chart& c) {
    std::vector<Money> out;
    for (const auto& s : c.series)
        for (const auto& v : s.values)
            if (v) out.push_back(*v);
    for (const auto& b : c.bars) {
        out.push_back(b.from);
        out.push_back(b.to);
    }
    return out;
}

std::string line_chart(const Chart& c) {
    const ChartScale scale(amounts_of(c), plot_h);
    const std::size_t n = c.categories.size();
    auto x = [&](std::size_t i) -> std::int64_t {
        if (n < 2) return (left + plot_w / 2) * 10;
        return left * 10 +
               static_cast<std::int64_t>(i) * plot_w * 10 / static_cast<std::int64_t>(n - 1);
    };
    auto y = [&](Money m) { return top * 10 + scale.tenths(m); };
    std::string out = open_svg(c) + y_axis(scale);
    for (std::size_t i = 0; i < n; ++i)
        out += text_at(x(i), (top + plot_h + 16) * 10, c.categories[i], "middle", "axis");
    for (const ChartSeries& s : c.series) {
        std::string points;
        for (std::size_t i = 0; i < s.values.size() && i < n; ++i)
            if (s.values[i])
                points += (points.empty() ? "" : " ") + t(x(i)) + "," + t(y(*s.values[i]));
        out +=
            fmt::format("<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" "
                        "stroke-width=\"{}\"{}/>\n",
                        points, series_colour(s.role), s.role == SeriesRole::actual ? "2.5" : "2",
                        s.role == SeriesRole::forecast ? " stroke-dasharray=\"6 4\"" : "");
        if (!c.markers) continue;
        for (std::size_t i = 0; i < s.values.size() && i < n; ++i)
            if (s.values[i])
                out += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"3.5\" fill=\"{}\"/>\n", t(x(i)),
                                   t(y(*s.values[i])), series_colour(s.role));
    }
    // The legend, under the axis labels.
    std::int64_t lx = left;
    for (const ChartSeries& s : c.series) {
        const std::int64_t ly = height - 12;
        out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" "
                           "stroke-width=\"2.5\"{}/>\n",
                           lx, ly - 4, lx + 22, ly - 4, series_colour(s.role),
                           s.role == SeriesRole::forecast ? " stroke-dasharray=\"6 4\"" : "");
        out += text_at((lx + 28) * 10, ly * 10, s.name, "start", "legend");
        lx += 40 + static_cast<std::int64_t>(s.name.size()) * 6;
    }
    return out + "</svg>\n";
}

const char* bar_colour(const ChartBar& b, ChartKind kind) {
    if (b.rag) return rag_colour(*b.rag);
    if (b.total) return "#1f5fa8";
    const bool up = b.to > b.from;
    if (kind == ChartKind::waterfall) return up ? "#c62828" : "#2e7d32";
    return up ? "#1f5fa8" : "#6a9f3a";
}

std::string bar_chart(const Chart& c) {
    const ChartScale scale(amounts_of(c), plot_h);
    const std::int64_t n = std::max<std::int64_t>(1, static_cast<std::int64_t>(c.bars.size()));
    const std::int64_t slot = plot_w * 10 / n, bar = slot * 6 / 10;
    auto y = [&](Money m) { return top * 10 + scale.tenths(m); };
    std::string out = open_svg(c) + y_axis(scale);
    for (std::size_t i = 0; i < c.bars.size(); ++i) {
        const ChartBar& b = c.bars[i];
        const std::int64_t x0 = left * 10 + static_cast<std::int64_t>(i) * slot + (slot - bar) / 2;
        const std::int64_t y1 = y(b.from), y2 = y(b.to);
        const std::int64_t ytop = std::min(y1, y2),
                           h = std::max<std::int64_t>(5, y1 > y2 ? y1 - y2 : y2 - y1);
        out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>\n",
                           t(x0), t(ytop), t(bar), t(h), bar_colour(b, c.kind));
        // The amount above the bar (below it when the bar goes down), the label under the axis.
        const Money amount = b.total || c.kind != ChartKind::waterfall ? b.to : b.to - b.from;
        const bool down = b.to < b.from;
        out += text_at(x0 + bar / 2, down ? std::max(y1, y2) + 120 : ytop - 40,
                       format_display(amount), "middle", "value");
        out += text_at(x0 + bar / 2, (top + plot_h + 16) * 10, b.label, "middle", "axis");
        if (c.kind == ChartKind::waterfall && i + 1 < c.bars.size())
            out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" class=\"link\"/>\n",
                               t(x0 + bar), t(y2), t(x0 + slot), t(y2));
    }
    return out + "</svg>\n";
}

} // namespace

std::string chart_svg(const Chart& c) {
    return c.kind == ChartKind::line ? line_chart(c) : bar_chart(c);
}

} // namespace poolkit
