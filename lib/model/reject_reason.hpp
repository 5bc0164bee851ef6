// Why a ledger line was rejected (SPEC §4: every line is accepted, or rejected with its file, line
// and reason). Each reason has a stable code (for machines: it never changes once shipped) and a
// few words (for people); the full reason of a line adds what was wrong with it (see the reader's
// ledger_reasons.hpp). A new reason is one enum value and one table entry.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace poolkit {

enum class RejectReason : std::uint8_t {
    bad_quoting,
    wrong_field_count,
    bad_amount,
    bad_date,
    outside_year,
    unknown_partner,
    unknown_scheme,
    missing_key,
    duplicate,
};

struct RejectReasonEntry {
    RejectReason reason;
    std::string_view code;  // "bad-date"
    std::string_view words; // "bad date"
};

// Every reason, in enum order.
inline constexpr RejectReasonEntry reject_reasons[] = {
    {RejectReason::bad_quoting, "bad-quoting", "bad quoting"},
    {RejectReason::wrong_field_count, "wrong-field-count", "wrong number of fields"},
    {RejectReason::bad_amount, "bad-amount", "bad amount"},
    {RejectReason::bad_date, "bad-date", "bad date"},
    {RejectReason::outside_year, "outside-year", "date outside the financial year"},
    {RejectReason::unknown_partner, "unknown-partner", "unknown partner"},
    {RejectReason::unknown_scheme, "unknown-scheme", "unknown scheme"},
    {RejectReason::missing_key, "missing-key", "missing duplicate key"},
    {RejectReason::duplicate, "duplicate", "duplicate"},
};

std::string_view reject_code(RejectReason r);  // "bad-date"
std::string_view reject_words(RejectReason r); // "bad date"
std::optional<RejectReason> reject_reason_of_code(std::string_view code);

} // namespace poolkit
