#include "writers/actuals_statement.hpp"

#include "model/schemas.hpp"
#include "writers/inputs.hpp"
#include "writers/json.hpp"
#include "writers/statement_parts.hpp"

namespace poolkit {

void write_actuals_row_fields(JsonWriter& json, const Grouping& by, const ActualsRow& r) {
    if (by.partner) json.field("partner", r.partner);
    if (by.scheme) json.field("scheme", r.scheme);
    if (by.period) json.field("period", r.period);
    if (by.cost_centre) json.field("cost_centre", r.cost_centre);
    json.field("lines", r.lines);
    json.field("amount", r.amount);
    json.field("income", r.income); // SPEC §5: expenditure = amount + income
}

std::string actuals_json(const ActualsStatement& st) {
    JsonWriter json = begin_statement_json(schema::actuals, st.run);
    json.key("agreement");
    if (st.agreement_id) {
        json.begin_object();
        json.field("id", *st.agreement_id);
        json.field("title", st.agreement_title.value_or(""));
        json.field("financial_year", st.financial_year.value_or(""));
        json.end_object();
    } else {
        json.null();
    }
    json.key("by").begin_array();
    if (st.by.partner) json.value("partner");
    if (st.by.scheme) json.value("scheme");
    if (st.by.period) json.value("period");
    if (st.by.cost_centre) json.value("cost_centre");
    json.end_array();
    json.objects("actuals", st.rows,
                 [&](const ActualsRow& r) { write_actuals_row_fields(json, st.by, r); });
    json.key("ledger").begin_object();
    write_control_json(json, st.control);
    write_line_kinds_json(json, st.control);
    json.end_object();
    json.objects("files", st.files, [&](const auto& f) {
        json.field("path", f.path);
        write_control_json(json, f.control);
        write_line_kinds_json(json, f.control);
    });
    json.objects("rejects", st.rejects, [&](const auto& r) {
        json.field("file", r.file);
        json.field("line", r.line);
        json.field("reason", r.reason);
        json.field("amount", r.amount);
    });
    if (st.control.lines_rejected > st.rejects.size())
        json.field("rejects_omitted", st.control.lines_rejected - st.rejects.size());
    json.end_object();
    return json.str();
}

} // namespace poolkit
