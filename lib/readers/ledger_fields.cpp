#include "readers/ledger_fields.hpp"

namespace poolkit {

namespace {
constexpr bool in_enum_order() {
    for (std::size_t i = 0; i < ledger_field_count; ++i)
        if (static_cast<std::size_t>(ledger_fields[i].field) != i) return false;
    return true;
}
static_assert(in_enum_order(), "ledger_fields is indexed by the enum");
} // namespace

const char* ledger_field_name(LedgerField f) {
    // Every keyword is a literal, so its view ends in a NUL.
    return ledger_field(f).keyword.data();
}

std::optional<LedgerField> ledger_field_named(std::string_view keyword) {
    for (const auto& e : ledger_fields)
        if (e.keyword == keyword) return e.field;
    return std::nullopt;
}

std::string default_ledger_header() {
    std::string out;
    for (const auto& e : ledger_fields)
        if (e.default_column) (out += out.empty() ? "" : ",") += e.keyword;
    return out;
}

} // namespace poolkit
