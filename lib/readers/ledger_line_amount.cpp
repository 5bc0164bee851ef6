#include "readers/ledger_line_amount.hpp"

#include "readers/amount_style.hpp"

#include <string_view>
#include <tuple>
#include <vector>

namespace poolkit::ledger {

bool StyledAmount::line(const CsvRecord& r, std::int64_t& pence, std::string& why) {
    const AmountStyle& style = R_.profile->amounts;
    int a = L_.col[F(LedgerField::amount)];
    if (a >= 0) {
        return sum(r, R_.amount_cols, pence, why);
    }
    const int dc = L_.col[F(LedgerField::debit)], cc = L_.col[F(LedgerField::credit)];
    std::string_view d = field_text(r, dc, scratch_[0]);
    std::string_view c = field_text(r, cc, scratch_[1]);
    if (d.empty() && c.empty()) {
        why = empty_debit_credit_reason();
        return false;
    }
    std::int64_t dv = 0, cv = 0;
    for (auto [v, col, out, field] : {std::tuple{d, dc, &dv, LedgerField::debit},
                                      std::tuple{c, cc, &cv, LedgerField::credit}}) {
        if (v.empty()) continue;
        MoneyParse m = parse_styled_amount(v, field_quoted(r, col), style);
        if (!m) {
            why = bad_amount_part_reason(ledger_field(field).words, v, m.error);
            return false;
        }
        *out = m.value.pence();
    }
    if (__builtin_sub_overflow(dv, cv, &pence)) {
        why = debit_credit_range_reason();
        return false;
    }
    return true;
}

bool StyledAmount::trailer(const CsvRecord& r, std::int64_t& pence, std::string& why) {
    return R_.trailer_amount_cols.empty() ? line(r, pence, why)
                                          : sum(r, R_.trailer_amount_cols, pence, why);
}

// Why the sum of the columns `cols` is out of range, naming them as the header does.
std::string StyledAmount::sum_range_reason(std::span<const int> cols) const {
    std::vector<std::string_view> names;
    for (int c : cols)
        names.push_back(L_.header[static_cast<std::size_t>(c)]);
    return amount_sum_range_reason(names);
}

// The sum of some columns read in the profile's amount style; false (with the reason) at the
// first that cannot be read, or when they are all empty.
bool StyledAmount::sum(const CsvRecord& r, std::span<const int> cols, std::int64_t& pence,
                       std::string& why) {
    const AmountStyle& style = R_.profile->amounts;
    pence = 0;
    for (int c : cols) {
        std::string_view v = field_text(r, c, scratch_[0]);
        std::int64_t one = 0;
        if (!style.given && !field_quoted(r, c) && fast_pence(v.data(), v.size(), one)) {
            if (__builtin_add_overflow(pence, one, &pence)) {
                why = sum_range_reason(cols);
                return false;
            }
            continue;
        }
        MoneyParse m = parse_styled_amount(v, field_quoted(r, c), style);
        if (!m) {
            why = cols.size() == 1 ? bad_amount_reason(v, m.error)
                                   : bad_amount_part_reason(L_.header[c], v, m.error);
            return false;
        }
        if (__builtin_add_overflow(pence, m.value.pence(), &pence)) {
            why = sum_range_reason(cols);
            return false;
        }
    }
    return true;
}

} // namespace poolkit::ledger
