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

namespace {

// The last line of the report: verified, or how many figures differ.
std::string verdict(const std::string& statement, const FigureComparison& comparison,
                    std::size_t inputs, const std::string& made_by) {
    if (comparison.identical())
        return fmt::format("pool-verify: {} verified: {} figure{} from {} input{} match ({})",
                           visible(statement), comparison.compared,
                           comparison.compared == 1 ? "" : "s", inputs, inputs == 1 ? "" : "s",
                           visible(made_by));
    const std::size_t n = comparison.differences.size();
    return fmt::format("pool-verify: {} does not match its recomputation: {} difference{} in {} "
                       "figure{} ({})",
                       visible(statement), n, n == 1 ? "" : "s", comparison.compared,
                       comparison.compared == 1 ? "" : "s", visible(made_by));
}

// A side of a difference in the table: its value, "" for an empty one, or that it has none.
std::string side(const std::optional<std::string>& v, const char* none) {
    return v ? shown(*v) : none;
}

} // namespace

std::string verify_report(const std::string& statement, const FigureComparison& comparison,
                          std::size_t inputs, const std::string& made_by) {
    std::string out;
    for (const auto& d : comparison.differences)
        out += describe_difference(d) + "\n";
    return out + verdict(statement, comparison, inputs, made_by) + "\n";
}

Document verify_document(const VerifiedStatement& statement, const FigureComparison& comparison,
                         const RunRecord& run) {
    const std::string made_by = statement.tool + " " + statement.version;
    const std::string title = "Verification of " + visible(statement.name);
    Document d({title, "Statement verification", "", "", ""});
    // Text: the lines pool-verify has always printed, each difference then the verdict.
    d.only_in({DocumentFormat::text});
    d.verbatim(verify_report(statement.name, comparison, statement.inputs, made_by));
    // The other formats: the same verdict, the differences as a table, and this run's record.
    d.only_in({DocumentFormat::md, DocumentFormat::html, DocumentFormat::xlsx});
    d.title({title, fmt::format("A {} statement made by {}, recomputed from its {} recorded "
                                "input{} by running {} again.",
                                visible(statement.schema), visible(made_by), statement.inputs,
                                statement.inputs == 1 ? "" : "s", visible(statement.tool))});
    const std::string said = verdict(statement.name, comparison, statement.inputs, made_by);
    if (comparison.identical()) {
        d.paragraph(said);
    } else {
        d.warning({said});
        d.heading("Differences");
        Table t({{"Figure", false}, {"Statement", false}, {"Recomputed", false}});
        for (const auto& x : comparison.differences)
            t.add_row({text_cell(visible(x.path)), text_cell(side(x.statement, "(not in it)")),
                       text_cell(side(x.recomputed, "(not in it)"))});
        d.table(std::move(t), "Differences");
    }
    d.footer({}, run);
    d.in_every_format();
    return d;
}

std::string older_schema_note(const std::string& statement, const std::string& schema,
                              const std::string& schema_now, const FigureComparison& comparison) {
    return fmt::format("pool-verify: note: {} is a {} statement; this poolkit writes {}: the {} "
                       "figures both carry are compared, {} that only one of them has are not\n",
                       statement, schema, schema_now, comparison.compared, comparison.not_compared);
}

} // namespace poolkit
