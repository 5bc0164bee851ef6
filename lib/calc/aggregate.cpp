#include "calc/aggregate.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace poolkit {

std::optional<Grouping> parse_grouping(std::string_view text, std::string* why) {
    Grouping g{false, false, false, false};
    bool any = false;
    while (true) {
        std::size_t comma = text.find(',');
        std::string_view name = text.substr(0, comma);
        bool* dim = name == "partner"       ? &g.partner
                    : name == "scheme"      ? &g.scheme
                    : name == "period"      ? &g.period
                    : name == "cost_centre" ? &g.cost_centre
                                            : nullptr;
        if (!dim || *dim) {
            if (why)
                *why = std::string(dim ? "repeated" : "unknown") + " dimension '" +
                       std::string(name) + "' (choose from partner, scheme, period, cost_centre)";
            return std::nullopt;
        }
        *dim = true;
        any = true;
        if (comma == std::string_view::npos) break;
        text.remove_prefix(comma + 1);
    }
    if (!any) return std::nullopt;
    return g;
}

std::vector<ActualsRow> group_rows(const std::vector<ActualsRow>& rows, const Grouping& by) {
    using Key =
        std::tuple<std::size_t, std::size_t, std::string, std::string, std::string, std::string>;
    std::map<Key, ActualsRow> out;
    for (const ActualsRow& r : rows) {
        ActualsRow g;
        if (by.partner) g.partner = r.partner, g.partner_rank = r.partner_rank;
        if (by.scheme) g.scheme = r.scheme, g.scheme_rank = r.scheme_rank;
        if (by.period) g.period = r.period;
        if (by.cost_centre) g.cost_centre = r.cost_centre;
        Key k{g.partner_rank, g.scheme_rank, g.period, g.cost_centre, g.partner, g.scheme};
        auto [it, fresh] = out.emplace(k, g);
        it->second.lines += r.lines;
        it->second.amount += r.amount;
        it->second.income += r.income;
    }
    std::vector<ActualsRow> result;
    result.reserve(out.size());
    for (auto& [k, r] : out)
        result.push_back(std::move(r));
    return result;
}

} // namespace poolkit
