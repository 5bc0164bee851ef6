// Ledger dates by a profile's format (SPEC §4): "%Y-%m-%d" (the default), "%d/%m/%Y" (the UK
// norm) and the like, parsed by hand on the reader's hot path. %Y is four digits; %m and %d are
// one or two digits (exports often drop the leading zero); %H, %M and %S (a time of day some
// systems append) are two digits and ignored; any other character must match itself.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace poolkit {

struct CivilDate {
    int year = 0, month = 0, day = 0;
};

class DateFormat {
  public:
    // nullopt (with a reason in `why`) unless the format has exactly one %Y, %m and %d.
    static std::optional<DateFormat> compile(std::string_view format, std::string* why = nullptr);

    // The date in `text`, or nullopt when it does not match the format or is not a real day.
    std::optional<CivilDate> parse(const char* text, std::size_t n) const {
        if (iso_) return parse_iso(text, n);
        return parse_general(text, n);
    }
    std::optional<CivilDate> parse(std::string_view s) const { return parse(s.data(), s.size()); }

    const std::string& text() const { return text_; }
    // "YYYY-MM-DD", "DD/MM/YYYY": the format as a person would write it, for messages.
    std::string example() const;
    // Whether its dates could be read with day and month the other way round (SPEC §11): both are
    // numbers and the year does not come first (a year-first date is read year, month, day).
    bool day_month_ambiguous() const;

  private:
    enum class Op : std::uint8_t { year, month, day, two_digits, literal };
    struct Step {
        Op op;
        char c;
    };
    static bool valid(int y, int m, int d) {
        if (m < 1 || m > 12 || d < 1) return false;
        static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        int dm = days[m - 1];
        if (m == 2 && (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))) dm = 29;
        return d <= dm;
    }
    static std::optional<CivilDate> parse_iso(const char* p, std::size_t n) {
        if (n != 10 || p[4] != '-' || p[7] != '-') return std::nullopt;
        unsigned d[8] = {static_cast<unsigned>(p[0] - '0'), static_cast<unsigned>(p[1] - '0'),
                         static_cast<unsigned>(p[2] - '0'), static_cast<unsigned>(p[3] - '0'),
                         static_cast<unsigned>(p[5] - '0'), static_cast<unsigned>(p[6] - '0'),
                         static_cast<unsigned>(p[8] - '0'), static_cast<unsigned>(p[9] - '0')};
        unsigned bad = 0;
        for (unsigned x : d)
            bad |= x > 9;
        if (bad) return std::nullopt;
        CivilDate c{static_cast<int>(d[0] * 1000 + d[1] * 100 + d[2] * 10 + d[3]),
                    static_cast<int>(d[4] * 10 + d[5]), static_cast<int>(d[6] * 10 + d[7])};
        if (!valid(c.year, c.month, c.day)) return std::nullopt;
        return c;
    }
    std::optional<CivilDate> parse_general(const char* p, std::size_t n) const;

    std::string text_;
    std::vector<Step> steps_;
    bool iso_ = false;
};

} // namespace poolkit
