#include "model/period.hpp"

#include <fmt/format.h>

#include <charconv>

namespace poolkit {

namespace {
bool parse_int(std::string_view s, int& out) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    return r.ec == std::errc() && r.ptr == s.data() + s.size();
}
} // namespace

std::optional<FinancialYear> FinancialYear::parse(std::string_view s) {
    int y = 0, yy = 0;
    if (s.size() != 7 || s[4] != '-' || !parse_int(s.substr(0, 4), y) ||
        !parse_int(s.substr(5, 2), yy))
        return std::nullopt;
    if ((y + 1) % 100 != yy || y < first_start_year || y > last_start_year) return std::nullopt;
    return FinancialYear(y);
}

std::string FinancialYear::label() const {
    return fmt::format("{}-{:02d}", start_, (start_ + 1) % 100);
}

std::string Period::label() const {
    return fmt::format("P{:02d}", n_);
}

std::optional<Period> FinancialYear::parse_period(std::string_view s) const {
    int n = 0;
    if ((s.size() == 2 || s.size() == 3) && (s[0] == 'P' || s[0] == 'p') &&
        parse_int(s.substr(1), n)) // P06, and P6 as people also write it
        return Period::of(n);
    int y = 0, m = 0;
    if (s.size() == 7 && s[4] == '-' && parse_int(s.substr(0, 4), y) && parse_int(s.substr(5), m) &&
        m >= 1 && m <= 12)
        return period_of(y, m);
    return std::nullopt;
}

std::string FinancialYear::period_ym(Period p) const {
    return fmt::format("{:04d}-{:02d}", year_of(p), p.month());
}

std::string FinancialYear::period_long(Period p) const {
    return fmt::format("{} {} {}", p.label(), month_name(p.month()), year_of(p));
}

std::string FinancialYear::period_end_date(Period p) const {
    int y = year_of(p), m = p.month();
    return fmt::format("{} {} {}", days_in_month(y, m), month_name(m), y);
}

std::string FinancialYear::start_date() const {
    return fmt::format("1 April {}", start_);
}

const char* month_name(int m) {
    static const char* names[] = {"January",   "February", "March",    "April",
                                  "May",       "June",     "July",     "August",
                                  "September", "October",  "November", "December"};
    return m >= 1 && m <= 12 ? names[m - 1] : "?";
}

int days_in_month(int y, int m) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2) return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
    return days[m - 1];
}

} // namespace poolkit
