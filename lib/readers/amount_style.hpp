// How an export writes its amounts (SPEC §11 [amounts]): the sign of a negative (a minus, always
// accepted, and also "(12.00)" or "12.00CR"/"12.00DR"), the decimal mark and the thousands mark;
// surrounding spaces are trimmed. Without an [amounts] table a profile reads amounts as the
// default layout does (SPEC §2: thousands marks only inside quotes).
#pragma once

#include "money/money.hpp"
#include "support/keyword_table.hpp"

#include <string_view>

namespace poolkit {

enum class NegativeStyle { minus, brackets, cr_suffix };

inline constexpr KeywordTable<NegativeStyle, 3> negative_styles{{{
    {NegativeStyle::minus, "minus", "a leading minus: -12.00"},
    {NegativeStyle::brackets, "brackets", "in brackets: (12.00), or a leading minus"},
    {NegativeStyle::cr_suffix, "cr-suffix",
     "a CR suffix: 12.00CR (12.00DR a debit), or a "
     "leading minus"},
}}};

struct AmountStyle {
    bool given = false; // the profile has an [amounts] table
    NegativeStyle negative = NegativeStyle::minus;
    char decimal_mark = '.';
    char thousands = ','; // 0: none allowed
};

// One amount as `style` reads it. `quoted`: the field was in quotes (without [amounts], thousands
// marks are allowed only then, as parse_money reads them).
MoneyParse parse_styled_amount(std::string_view text, bool quoted, const AmountStyle& style);

} // namespace poolkit
