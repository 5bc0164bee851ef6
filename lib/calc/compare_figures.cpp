#include "calc/compare_figures.hpp"

#include <map>

namespace poolkit {

FigureComparison compare_figures(const Figures& statement, const Figures& recomputed,
                                 bool shared_only) {
    // Each path's values in the recomputation, and how many of them the statement has matched.
    std::map<std::string, std::vector<std::size_t>> where;
    for (std::size_t i = 0; i < recomputed.size(); ++i)
        where[recomputed[i].first].push_back(i);
    std::map<std::string, std::size_t> used;
    std::vector<bool> matched(recomputed.size(), false);

    FigureComparison result;
    result.compared = statement.size();
    for (const auto& [path, value] : statement) {
        auto it = where.find(path);
        std::size_t& n = used[path];
        if (it == where.end() || n >= it->second.size()) {
            result.differences.push_back({path, value, std::nullopt});
            continue;
        }
        std::size_t i = it->second[n++];
        matched[i] = true;
        if (recomputed[i].second != value)
            result.differences.push_back({path, value, recomputed[i].second});
    }
    for (std::size_t i = 0; i < recomputed.size(); ++i)
        if (!matched[i])
            result.differences.push_back({recomputed[i].first, std::nullopt, recomputed[i].second});
    if (shared_only) {
        std::vector<FigureDifference> kept;
        for (auto& d : result.differences) {
            if (d.path == "schema" || !d.statement || !d.recomputed) {
                result.not_compared += 1;
                if (d.statement) result.compared -= 1;
                continue;
            }
            kept.push_back(std::move(d));
        }
        result.differences = std::move(kept);
    }
    return result;
}

} // namespace poolkit
