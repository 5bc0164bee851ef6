#include "calc/compare_figures.hpp"

#include <map>

namespace poolkit {

FigureComparison compare_figures(const Figures& statement, const Figures& recomputed) {
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
    return result;
}

} // namespace poolkit
