#include "writers/check_json.hpp"

#include "model/schemas.hpp"
#include "writers/explain.hpp"
#include "writers/inputs.hpp"
#include "writers/json.hpp"

namespace poolkit {

std::string check_json(bool valid, const Diagnostics& diagnostics, const RunRecord& run,
                       const std::vector<Finding>* findings) {
    JsonWriter j;
    j.begin_object();
    j.field("schema", schema::check);
    j.field("valid", valid);
    write_run_json(j, run);
    std::size_t warnings = 0;
    for (const auto& d : diagnostics.items)
        warnings += d.severity == Severity::warning;
    j.field("errors", static_cast<std::uint64_t>(diagnostics.error_count()));
    j.field("warnings", static_cast<std::uint64_t>(warnings));
    j.objects("diagnostics", diagnostics.items, [&](const auto& d) {
        j.field("file", d.where.file);
        j.field("line", static_cast<std::int64_t>(d.where.line));
        j.field("column", static_cast<std::int64_t>(d.where.column));
        j.field("severity", severity_name(d.severity));
        j.field("message", d.message);
    });
    if (findings) write_findings_json(j, *findings);
    j.end_object();
    return j.str();
}

} // namespace poolkit
