#include "writers/verify_report.hpp"

#include "support/visible_text.hpp"

#include <fmt/format.h>

namespace poolkit {

namespace {

// A value as the reader sees it in the JSON; an empty string is shown as "" so it is not lost.
// Statements are inputs: their paths and values are shown visibly (SPEC §8).
std::string shown(const std::string& v) {
    return v.empty() ? "\"\"" : visible(v);
}

} // namespace

std::string describe_difference(const FigureDifference& d) {
    if (!d.recomputed)
        return fmt::format("{}: statement {}, not in the recomputation", visible(d.path),
                           shown(*d.statement));
    if (!d.statement)
        return fmt::format("{}: not in the statement, recomputed {}", visible(d.path),
                           shown(*d.recomputed));
    return fmt::format("{}: statement {}, recomputed {}", visible(d.path), shown(*d.statement),
                       shown(*d.recomputed));
}

std::string verify_report(const std::string& statement, const FigureComparison& comparison,
                          std::size_t inputs, const std::string& made_by) {
    if (comparison.identical())
        return fmt::format("pool-verify: {} verified: {} figure{} from {} input{} match ({})\n",
                           visible(statement), comparison.compared,
                           comparison.compared == 1 ? "" : "s", inputs, inputs == 1 ? "" : "s",
                           visible(made_by));
    std::string out;
    for (const auto& d : comparison.differences)
        out += describe_difference(d) + "\n";
    const std::size_t n = comparison.differences.size();
    out += fmt::format("pool-verify: {} does not match its recomputation: {} difference{} in {} "
                       "figure{} ({})\n",
                       visible(statement), n, n == 1 ? "" : "s", comparison.compared,
                       comparison.compared == 1 ? "" : "s", visible(made_by));
    return out;
}

std::string older_schema_note(const std::string& statement, const std::string& schema,
                              const std::string& schema_now, const FigureComparison& comparison) {
    return fmt::format("pool-verify: note: {} is a {} statement; this poolkit writes {}: the {} "
                       "figures both carry are compared, {} that only one of them has are not\n",
                       statement, schema, schema_now, comparison.compared, comparison.not_compared);
}

} // namespace poolkit
