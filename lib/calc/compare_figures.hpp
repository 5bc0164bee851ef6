// Comparing a statement with its recomputation (pool-verify, SPEC §5): every scalar of the two
// JSON documents by its path ("schemes[0].actual_ytd"), as text, so "1234.56" and "1234.57"
// differ and nothing is rounded on the way.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace poolkit {

// A document's scalars by path, in document order (readers/json_reader.hpp flatten_json).
using Figures = std::vector<std::pair<std::string, std::string>>;

struct FigureDifference {
    std::string path;
    std::optional<std::string> statement;  // nullopt: the path is only in the recomputed one
    std::optional<std::string> recomputed; // nullopt: the path is only in the statement
};

struct FigureComparison {
    std::size_t compared = 0;     // figures of the statement (each one is checked)
    std::size_t not_compared = 0; // shared_only: figures that only one of the two versions has
    std::vector<FigureDifference> differences; // in the statement's order, then the paths only
                                               // the recomputation has, in its order
    bool identical() const { return differences.empty(); }
};

// Matches the figures by path (a path that appears twice, say from a duplicated key, matches its
// occurrences in order) and lists every difference. `shared_only` (a statement of an earlier
// schema version, SPEC §5) compares only the paths both documents have, other than "schema", and
// counts the rest as not compared.
FigureComparison compare_figures(const Figures& statement, const Figures& recomputed,
                                 bool shared_only = false);

} // namespace poolkit
