#include "writers/check_json.hpp"

#include "model/schemas.hpp"
#include "writers/inputs.hpp"
#include "writers/json.hpp"

namespace poolkit {

std::string check_json(const Explanation& e) {
    const Diagnostics counted = checked_diagnostics(e);
    const std::size_t errors = counted.error_count();
    JsonWriter j;
    j.begin_object();
    j.field("schema", schema::check);
    j.field("valid", e.agreement != nullptr);
    write_run_json(j, e.run);
    j.field("errors", static_cast<std::uint64_t>(errors));
    j.field("warnings", static_cast<std::uint64_t>(counted.items.size() - errors));
    j.objects("diagnostics", e.diagnostics.items, [&](const auto& d) {
        j.field("file", d.where.file);
        j.field("line", static_cast<std::int64_t>(d.where.line));
        j.field("column", static_cast<std::int64_t>(d.where.column));
        j.field("severity", severity_name(d.severity));
        j.field("message", d.message);
    });
    write_findings_json(j, e.findings);
    j.end_object();
    return j.str();
}

} // namespace poolkit
