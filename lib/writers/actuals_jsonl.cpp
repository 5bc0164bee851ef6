// pool-actuals as JSON Lines (SPEC §5 `--format jsonl`): one record a line, for scripts that read
// a stream (docs/formats.md gives each record's shape).
#include "writers/actuals_statement.hpp"
#include "writers/json.hpp"

namespace poolkit {

std::string actuals_jsonl(const ActualsStatement& st) {
    std::string out;
    for (const ActualsRow& r : st.rows) {
        JsonWriter json(JsonWriter::Layout::one_line);
        json.begin_object();
        write_actuals_row_fields(json, st.by, r);
        json.end_object();
        out += json.str();
    }
    return out;
}

void write_rejects_jsonl(const RejectedLines& rejects,
                         const std::function<void(std::string_view)>& put) {
    std::string out;
    rejects.for_each([&](const RejectedLine& r) {
        JsonWriter json(JsonWriter::Layout::one_line);
        json.begin_object();
        json.field("file", r.file);
        json.field("line", r.line);
        json.field("code", reject_code(r.kind));
        json.field("reason", r.reason);
        json.field("amount", r.amount);
        json.key("fields").begin_array();
        for (const auto& f : r.fields)
            json.value(f);
        json.end_array();
        json.end_object();
        out += json.str();
        if (out.size() >= (std::size_t(1) << 16)) {
            put(out);
            out.clear();
        }
    });
    put(out);
}

} // namespace poolkit
