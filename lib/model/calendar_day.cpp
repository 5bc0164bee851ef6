#include "model/calendar_day.hpp"

#include <fmt/format.h>

namespace poolkit {

namespace {
std::chrono::year_month period_month(const FinancialYear& fy, Period p) {
    int month = (p.number() + 2) % 12 + 1; // P01 April .. P09 December, P10 January
    return std::chrono::year(fy.year_of(p)) / std::chrono::month(static_cast<unsigned>(month));
}
} // namespace

std::optional<Day> day_of(int year, int month, int day) {
    if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
    std::chrono::year_month_day ymd{std::chrono::year(year),
                                    std::chrono::month(static_cast<unsigned>(month)),
                                    std::chrono::day(static_cast<unsigned>(day))};
    if (!ymd.ok()) return std::nullopt;
    return Day(ymd);
}

std::string iso_text(Day d) {
    std::chrono::year_month_day ymd(d);
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                       static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

Day first_day(const FinancialYear& fy, Period p) {
    return Day(period_month(fy, p) / std::chrono::day(1));
}

Day last_day(const FinancialYear& fy, Period p) {
    return Day(period_month(fy, p) / std::chrono::last);
}

} // namespace poolkit
