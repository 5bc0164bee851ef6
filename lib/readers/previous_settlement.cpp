#include "readers/previous_settlement.hpp"

#include "model/schemas.hpp"
#include "readers/input_source.hpp"

#include <fmt/format.h>

namespace poolkit {

namespace {

std::string member(const JsonValue& doc, std::string_view object, std::string_view key) {
    const JsonValue* o = doc.find(object);
    const JsonValue* v = o ? o->find(key) : nullptr;
    return v ? v->scalar() : std::string();
}

} // namespace

std::optional<std::string> previous_settlement_problem(const JsonValue& doc, const std::string& id,
                                                       const FinancialYear& year) {
    const JsonValue* s = doc.find("schema");
    const std::string schema = s ? s->scalar() : std::string();
    if (schema != schema::settle && schema != schema::settle_v1)
        return fmt::format("not a settlement statement (its schema is \"{}\"): give the JSON "
                           "that pool-settle --format json wrote of last year",
                           schema);
    if (const std::string of = member(doc, "agreement", "id"); of != id)
        return fmt::format("the settlement of agreement '{}', not of '{}': last year's "
                           "settlement of the same agreement is needed",
                           of, id);
    const std::string before = FinancialYear::starting(year.start_year() - 1).label();
    if (const std::string y = member(doc, "agreement", "financial_year"); y != before)
        return fmt::format("the settlement of {}, not of {}, the year before {}", y, before,
                           year.label());
    if (const std::string status = member(doc, "year_end", "status");
        status != "complete" && status != "asserted")
        return fmt::format("a {} settlement (year_end status \"{}\"): use the final one, made "
                           "when every partner's ledgers run to March",
                           status == "provisional" ? "provisional" : "not final", status);
    return std::nullopt;
}

PriorYear read_prior_year(const std::string& path, const Agreement& a, InputFile& record) {
    InputText in = read_input(path, "previous year's settlement");
    const JsonValue doc = parse_json(in.text, path);
    auto refuse = [&](const std::string& why) {
        return Error(ErrorKind::input, {path, 0, 0}, "--previous-year: " + why);
    };
    if (auto problem = previous_settlement_problem(doc, a.id, a.year)) throw refuse(*problem);
    if (!doc.find("memorandum") || !doc.find("partner_notes"))
        throw refuse("it has no memorandum account: make last year's statement with pool-settle "
                     "--memorandum --format json");
    PriorYear out;
    out.financial_year = member(doc, "agreement", "financial_year");
    std::vector<std::string> note_ids; // partner_notes[i].id, to key each note by its partner
    for (const auto& [key, value] : flatten_json(doc)) {
        if (key.starts_with("partner_notes[") && key.ends_with("].id")) note_ids.push_back(value);
        std::string where = key;
        if (key.starts_with("partner_notes[")) {
            const auto close = key.find(']');
            const std::size_t i = std::stoul(key.substr(14, close - 14));
            if (i >= note_ids.size()) continue;
            where = "partner_notes." + note_ids[i] + key.substr(close + 1);
        } else if (!key.starts_with("memorandum.")) {
            continue;
        }
        if (const MoneyParse m = parse_money(value)) out.figures.push_back({where, m.value});
    }
    in.record.role = "previous-year";
    record = in.record;
    return out;
}

} // namespace poolkit
