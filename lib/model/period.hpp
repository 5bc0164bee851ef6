// The financial year and its periods (SPEC §1): the UK public-sector year runs 1 April to
// 31 March; P01 = April ... P12 = March.
#pragma once

#include <array>
#include <compare>
#include <cstddef>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

namespace poolkit {

// A period of the financial year, P01..P12 (SPEC §1). Only a number 1..12 makes one: Period::of
// checks at run time, Period::nth at compile time. A count of periods elapsed, 0..12 ("to the end
// of period m", where 0 is before the year), stays an int named periods_elapsed.
class Period {
  public:
    static constexpr int count = 12;

    static constexpr std::optional<Period> of(int number) {
        if (number < 1 || number > count) return std::nullopt;
        return Period(number);
    }
    // A period written in the code: a number outside 1..12 does not compile.
    static consteval Period nth(int number) {
        if (number < 1 || number > count) throw "a period is 1..12";
        return Period(number);
    }
    static constexpr Period first() { return Period(1); }
    static constexpr Period last() { return Period(count); }

    constexpr int number() const { return n_; }                                      // 1..12
    constexpr std::size_t index() const { return static_cast<std::size_t>(n_ - 1); } // 0..11
    constexpr int month() const { return (n_ + 2) % 12 + 1; } // P01 -> 4 (April), P12 -> 3
    std::string label() const;                                // "P06"

    constexpr std::optional<Period> next() const { return of(n_ + 1); }
    constexpr std::optional<Period> previous() const { return of(n_ - 1); }

    constexpr auto operator<=>(const Period&) const = default;

    // Periods from..to in order (empty when from > to).
    class Range {
      public:
        class iterator {
          public:
            using value_type = Period;
            using difference_type = std::ptrdiff_t;
            using iterator_category = std::input_iterator_tag;
            using pointer = void;
            using reference = Period;

            iterator() = default;
            constexpr Period operator*() const { return Period(n_); }
            constexpr iterator& operator++() {
                ++n_;
                return *this;
            }
            constexpr iterator operator++(int) {
                iterator old = *this;
                ++n_;
                return old;
            }
            constexpr bool operator==(const iterator&) const = default;

          private:
            friend class Range;
            constexpr explicit iterator(int n) : n_(n) {}
            int n_ = 1;
        };
        constexpr iterator begin() const { return iterator(from_); }
        constexpr iterator end() const { return iterator(to_ + 1); }
        constexpr bool empty() const { return from_ > to_; }

      private:
        friend class Period;
        constexpr Range(int from, int to) : from_(from), to_(to < from ? from - 1 : to) {}
        int from_, to_;
    };
    static constexpr Range all() { return Range(1, count); }
    static constexpr Range through(Period p) { return Range(1, p.n_); }       // P01..p
    static constexpr Range from(Period p) { return Range(p.n_, count); }      // p..P12
    static constexpr Range after(Period p) { return Range(p.n_ + 1, count); } // p+1..P12
    // The first `periods_elapsed` periods (0..12; 0 gives none).
    static constexpr Range first_n(int periods_elapsed) { return Range(1, periods_elapsed); }

  private:
    constexpr explicit Period(int n) : n_(n) {}
    int n_;
};

// One value per period, indexed by Period (so not by a bare 0..11 or 1..12).
template <class T> struct PeriodArray : std::array<T, Period::count> {
    using base = std::array<T, Period::count>;
    constexpr T& operator[](Period p) { return base::operator[](p.index()); }
    constexpr const T& operator[](Period p) const { return base::operator[](p.index()); }
};

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

    // The period of a calendar month, or nullopt when the month is outside this year.
    std::optional<Period> period_of(int year, int month) const {
        return Period::of((year - start_) * 12 + (month - 4) + 1);
    }
    int year_of(Period p) const { return p.number() <= 9 ? start_ : start_ + 1; }

    // "P06" or "2025-09" -> P06; nullopt when not a period of this year.
    std::optional<Period> parse_period(std::string_view text) const;
    std::string period_ym(Period p) const;                                   // "2025-09"
    std::string period_long(Period p) const;                                 // "P06 September 2025"
    std::string period_end_date(Period p) const;                             // "30 September 2025"
    std::string start_date() const;                                          // "1 April 2025"
    std::string end_date() const { return period_end_date(Period::last()); } // "31 March 2026"

    bool operator==(const FinancialYear&) const = default;

  private:
    explicit FinancialYear(int start) : start_(start) {}
    int start_ = 0;
};

const char* month_name(int month); // 1..12 -> "January"...
int days_in_month(int year, int month);

} // namespace poolkit
