// A calendar day (SPEC §12 counts a commitment's cost in days), as std::chrono's day count so that
// the distance between two days is a subtraction; and the first and last day of a period.
#pragma once

#include "model/period.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace poolkit {

using Day = std::chrono::sys_days;

// A day of the calendar; nullopt unless it is a real one (no 31 June).
std::optional<Day> day_of(int year, int month, int day);
std::string iso_text(Day d); // "2025-09-30"

Day first_day(const FinancialYear& fy, Period p); // P06 of 2025-26: 2025-09-01
Day last_day(const FinancialYear& fy, Period p);  // P06 of 2025-26: 2025-09-30

} // namespace poolkit
