#include "model/schemas.hpp"
#include "writers/inputs.hpp"
#include "writers/json.hpp"
#include "writers/verify_report.hpp"

namespace poolkit {

std::string verify_json(const VerifiedStatement& st, const FigureComparison& cmp,
                        const RunRecord& run) {
    JsonWriter j = begin_statement_json(schema::verify, run);
    j.field("statement", st.name);
    j.field("statement_schema", st.schema);
    j.key("made_by").begin_object();
    j.field("tool", st.tool);
    j.field("version", st.version);
    j.end_object();
    j.field("identical", cmp.identical());
    j.field("inputs_checked", static_cast<std::uint64_t>(st.inputs));
    j.field("figures_compared", static_cast<std::uint64_t>(cmp.compared));
    j.field("figures_not_compared", static_cast<std::uint64_t>(cmp.not_compared));
    j.objects("differences", cmp.differences, [&](const FigureDifference& d) {
        j.field("path", d.path);
        j.field("statement", d.statement);
        j.field("recomputed", d.recomputed);
    });
    j.end_object();
    return j.str();
}

} // namespace poolkit
