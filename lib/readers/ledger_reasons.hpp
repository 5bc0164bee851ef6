// The words of every reason a ledger line is rejected with (SPEC §4), in one place: each starts
// from its entry in the RejectReason table (model/reject_reason.hpp) where the words lead the
// sentence, and adds what was wrong with this line and what to do.
#pragma once

#include "model/agreement.hpp"
#include "model/reject_reason.hpp"
#include "money/money.hpp"
#include "readers/amount_problem.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace poolkit {

// A value from a file as a message shows it: quoted, cut short at 60 bytes on a character boundary,
// control characters written out (visible_text.hpp); "(empty)" when empty.
std::string shown_value(std::string_view s);

std::string bad_quoting_reason();
std::string wrong_field_count_reason(std::size_t fields, std::size_t header_fields);
// The same, when carriage returns alone split the record into `parts` (`whole` of them whole
// records, `readable` of those with an amount, `pence` in all).
std::string cr_split_reason(std::size_t fields, std::size_t header_fields, std::size_t parts,
                            std::size_t whole, std::size_t readable, std::int64_t pence);
std::string bad_amount_reason(std::string_view value, MoneyParseError error);
// One of a debit and credit pair ("debit", "credit").
std::string bad_amount_part_reason(std::string_view part, std::string_view value,
                                   MoneyParseError error);
std::string empty_debit_credit_reason();
std::string debit_credit_range_reason();
// A profile's amount columns (SPEC §11: `amount` as a list) whose sum is out of range.
std::string amount_sum_range_reason(std::span<const std::string_view> columns);
std::string bad_date_reason(std::string_view value, std::string_view example);
std::string outside_year_reason(std::string_view value, const FinancialYear& year);
// With an agreement, the partners it has (or that the scheme is not one of its); without one,
// the code was empty.
std::string unknown_partner_reason(std::string_view value, const Agreement* agreement);
std::string unknown_scheme_reason(std::string_view value, const Agreement* agreement);
std::string missing_key_reason(std::string_view key_name);
// `key`: the key's values ("R1", "D7, 2"); the first line with it at first_path:first_line.
std::string duplicate_reason(std::string_view key_name, std::string_view key,
                             std::string_view first_path, std::uint64_t first_line);

} // namespace poolkit
