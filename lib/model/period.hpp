// The financial year and its periods (SPEC §1): the UK public-sector year runs 1 April to
// 31 March; P01 = April ... P12 = March.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace poolkit {

class FinancialYear {
  public:
    // The years an agreement may be for: a year past them is a typing mistake, and from
    // "9999-00" on its last months cannot even be written as YYYY-MM.
    static constexpr int first_start_year = 1970;
    static constexpr int last_start_year = 2099;

    // "2025-26" -> the year starting 1 April 2025. nullopt unless the second part is the next year
    // and the year starts from first_start_year to last_start_year.
    static std::optional<FinancialYear> parse(std::string_view text);
    static FinancialYear starting(int year) { return FinancialYear(year); }

    int start_year() const { return start_; }
    std::string label() const; // "2025-26"

    // Period index 1..12 of a calendar month, or 0 when the month is outside this year.
    int period_of(int year, int month) const {
        int offset = (year - start_) * 12 + (month - 4);
        return offset >= 0 && offset < 12 ? offset + 1 : 0;
    }
    int year_of(int period) const { return period <= 9 ? start_ : start_ + 1; }
    static int month_of(int period) { return (period + 2) % 12 + 1; }

    // "P06" or "2025-09" -> 6; nullopt when not a period of this year.
    std::optional<int> parse_period(std::string_view text) const;
    std::string period_ym(int period) const;   // "2025-09"
    std::string period_long(int period) const; // "P06 September 2025"
    std::string period_end_date(int period) const; // "30 September 2025"
    std::string start_date() const;            // "1 April 2025"

    bool operator==(const FinancialYear&) const = default;

  private:
    explicit FinancialYear(int start) : start_(start) {}
    int start_ = 0;
};

const char* month_name(int month); // 1..12 -> "January"...
int days_in_month(int year, int month);

} // namespace poolkit
