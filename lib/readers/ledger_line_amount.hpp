// The amount of a ledger line (SPEC §2, §4, §11), read first of its rules so that a rejected
// line's amount still counts in the totals. Without a profile (and for a profile's one amount
// column without [amounts]) it is the amount column, or debit − credit, as parse_money reads
// them, the common forms read fast (ledger_fast_amount). A profile's general path reads the
// amount column and any more summed with it, or debit − credit, in its amount style, and a
// trailer's control total from the trailer's own amount columns.
#pragma once

#include "readers/ledger_csv.hpp"
#include "readers/ledger_fast_amount.hpp"
#include "readers/ledger_header.hpp"
#include "readers/ledger_reasons.hpp"
#include "readers/line_rules.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <tuple>

namespace poolkit::ledger {

// The amount of record r (whole, as many fields as the header) read as without a profile: the
// amount column, or debit − credit; false, with the reason in `why`, when it cannot be read.
inline bool plain_amount(const Layout& L, const CsvRecord& r, std::int64_t& pence,
                         std::string& why) {
    if (L.col[F(LedgerField::amount)] >= 0) {
        const CsvField& f = r.field[L.col[F(LedgerField::amount)]];
        if (!f.quoted && fast_pence(f.p, f.n, pence)) return true;
        MoneyParse m = parse_money(f.raw(), f.quoted);
        if (!m) {
            why = bad_amount_reason(unescape(f), m.error);
            return false;
        }
        pence = m.value.pence();
        return true;
    }
    const CsvField& d = r.field[L.col[F(LedgerField::debit)]];
    const CsvField& c = r.field[L.col[F(LedgerField::credit)]];
    if (d.n == 0 && c.n == 0) {
        why = empty_debit_credit_reason();
        return false;
    }
    std::int64_t dv = 0, cv = 0;
    for (auto [f, v, field] :
         {std::tuple{&d, &dv, LedgerField::debit}, std::tuple{&c, &cv, LedgerField::credit}}) {
        if (f->n == 0) continue;
        MoneyParse m = parse_money(f->raw(), f->quoted);
        if (!m) {
            why = bad_amount_part_reason(ledger_field(field).words, unescape(*f), m.error);
            return false;
        }
        *v = m.value.pence();
    }
    if (__builtin_sub_overflow(dv, cv, &pence)) {
        why = debit_credit_range_reason();
        return false;
    }
    return true;
}

// A line's amount on a profile's general path (SPEC §11), in the profile's amount style. A
// record may be of any width here (a rule's or the trailer's row): a column it lacks is empty.
// One per parser: it keeps its scratch strings, so that no line allocates.
class StyledAmount {
  public:
    StyledAmount(const Layout& layout, const LineRules& rules) : L_(layout), R_(rules) {}

    // The line's amount: the amount column and any more summed with it, or debit − credit;
    // false, with the reason in `why`, when it cannot be read.
    bool line(const CsvRecord& r, std::int64_t& pence, std::string& why);
    // A trailer row's amount, the file's stated control total: the trailer's amount columns
    // summed, or without them the line's amount.
    bool trailer(const CsvRecord& r, std::int64_t& pence, std::string& why);

  private:
    bool sum(const CsvRecord& r, std::span<const int> cols, std::int64_t& pence, std::string& why);
    std::string sum_range_reason(std::span<const int> cols) const;

    const Layout& L_;
    const LineRules& R_;
    std::string scratch_[2];
};

} // namespace poolkit::ledger
