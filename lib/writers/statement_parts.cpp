#include "writers/statement_parts.hpp"

#include "calc/reconciliation.hpp"

#include <fmt/format.h>

namespace poolkit {

const char* kind_phrase(AgreementKind kind) {
    return agreement_kinds.words(kind).data();
}

std::string format_count(std::uint64_t n) {
    std::string d = std::to_string(n), out;
    for (std::size_t i = 0; i < d.size(); ++i) {
        if (i > 0 && (d.size() - i) % 3 == 0) out += ',';
        out += d[i];
    }
    return out;
}

std::string ledger_summary(const ControlTotals& c, std::size_t files, const LineTally* after,
                           int period) {
    std::string of_which;
    if (after)
        of_which = after->lines == 0 ? fmt::format(", of which 0 after P{:02d}", period)
                                     : fmt::format(", of which {} (£{}) after P{:02d}",
                                                   format_count(after->lines),
                                                   format_display(after->total), period);
    return fmt::format("Ledgers: {} file{}, {} line{} read; {} accepted (£{}){}; {} rejected (£{})",
                       files, files == 1 ? "" : "s", format_count(c.lines_read),
                       c.lines_read == 1 ? "" : "s", format_count(c.lines_accepted),
                       format_display(c.total_accepted), of_which, format_count(c.lines_rejected),
                       format_display(c.total_rejected));
}

void write_agreement_fields(JsonWriter& json, const Agreement& a) {
    json.field("id", a.id);
    json.field("title", a.title);
    json.field("kind", kind_name(a.kind));
    json.field("legal_basis", a.legal_basis);
    json.field("financial_year", a.year.label());
    json.key("host");
    if (a.host)
        json.value(a.partners.at(*a.host).id);
    else
        json.null();
}

void write_control_json(JsonWriter& json, const ControlTotals& c) {
    json.field("lines_read", c.lines_read);
    json.field("lines_accepted", c.lines_accepted);
    json.field("lines_rejected", c.lines_rejected);
    json.field("total_read", c.total_read);
    json.field("total_accepted", c.total_accepted);
    json.field("total_rejected", c.total_rejected);
}

void write_ledger_json(JsonWriter& json, const ControlTotals& control, std::size_t files,
                       const LineTally* after) {
    json.key("ledger").begin_object();
    json.field("files", static_cast<std::uint64_t>(files));
    write_control_json(json, control);
    if (after) {
        json.field("lines_after_period", after->lines);
        json.field("total_after_period", after->total);
    }
    json.end_object();
}

std::string note_lines(const std::string& lines, bool markdown) {
    if (!markdown) return lines;
    std::string out;
    std::size_t start = 0;
    while (start < lines.size()) {
        std::size_t end = lines.find('\n', start);
        if (end == std::string::npos) end = lines.size() - 1;
        out += "\n" + lines.substr(start, end - start + 1);
        start = end + 1;
    }
    return out;
}

} // namespace poolkit
