#include "readers/ledger_reasons.hpp"

#include "support/visible_text.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace poolkit {

namespace {
std::string_view words(RejectReason r) {
    return reject_words(r);
}

} // namespace

std::string shown_value(std::string_view s) {
    if (s.empty()) return "(empty)";
    std::size_t cut = std::min<std::size_t>(s.size(), 60);
    while (cut > 0 && cut < s.size() && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80)
        --cut;
    return "\"" + visible(s.substr(0, cut)) + (cut < s.size() ? "...\"" : "\"");
}

std::string bad_quoting_reason() {
    return fmt::format("{}: a field's quotes do not open and close around it (quote a whole "
                       "field, and write a quote inside it as \"\")",
                       words(RejectReason::bad_quoting));
}

std::string wrong_field_count_reason(std::size_t fields, std::size_t header_fields) {
    return fmt::format("{}: {}, the header has {}", words(RejectReason::wrong_field_count), fields,
                       header_fields);
}

std::string cr_split_reason(std::size_t fields, std::size_t header_fields, std::size_t parts,
                            std::size_t whole, std::size_t readable, std::int64_t pence) {
    return wrong_field_count_reason(fields, header_fields) +
           fmt::format(": a carriage return (CR) alone splits the line into {} parts ({} of "
                       "them whole records{}); end each line with LF or CRLF, not CR alone "
                       "(old Mac line endings)",
                       parts, whole,
                       readable ? fmt::format(", whose amounts, {} in all, are counted "
                                              "as rejected",
                                              format_plain(Money::from_pence(pence)))
                                : "");
}

std::string bad_amount_reason(std::string_view value, MoneyParseError error) {
    return fmt::format("{} {}: {}", words(RejectReason::bad_amount), shown_value(value),
                       amount_problem(value, error, true));
}

std::string bad_amount_part_reason(std::string_view part, std::string_view value,
                                   MoneyParseError error) {
    return fmt::format("{}: {} {}: {}", words(RejectReason::bad_amount), part, shown_value(value),
                       amount_problem(value, error, true));
}

std::string empty_debit_credit_reason() {
    return fmt::format("{}: both the debit and the credit are empty",
                       words(RejectReason::bad_amount));
}

std::string debit_credit_range_reason() {
    return fmt::format("{}: debit minus credit is out of range", words(RejectReason::bad_amount));
}

std::string amount_sum_range_reason(std::span<const std::string_view> columns) {
    return fmt::format("{}: the sum of {} is out of range", words(RejectReason::bad_amount),
                       fmt::join(columns, " + "));
}

std::string bad_date_reason(std::string_view value, std::string_view example) {
    return fmt::format("{} {} (expected {}, a real day)", words(RejectReason::bad_date),
                       shown_value(value), example);
}

std::string outside_year_reason(std::string_view value, const FinancialYear& year) {
    return fmt::format("date {} is outside the financial year {} ({} to 31 March {})", value,
                       year.label(), year.start_date(), year.start_year() + 1);
}

std::string unknown_partner_reason(std::string_view value, const Agreement* agreement) {
    std::string out =
        fmt::format("{} {}", words(RejectReason::unknown_partner), shown_value(value));
    if (!agreement) return out;
    std::string ids;
    for (const auto& p : agreement->partners)
        ids += (ids.empty() ? "" : ", ") + p.id;
    return out + fmt::format(" (the agreement's partners: {})", ids);
}

std::string unknown_scheme_reason(std::string_view value, const Agreement* agreement) {
    std::string out = fmt::format("{} {}", words(RejectReason::unknown_scheme), shown_value(value));
    return agreement ? out + " (not a scheme of the agreement)" : out;
}

std::string missing_key_reason(std::string_view key_name) {
    return fmt::format("missing {}: the fields that identify a line are empty", key_name);
}

std::string duplicate_reason(std::string_view key_name, std::string_view key,
                             std::string_view first_path, std::uint64_t first_line) {
    return fmt::format("{} {} {} (first at {}:{})", words(RejectReason::duplicate), key_name, key,
                       first_path, first_line);
}

} // namespace poolkit
