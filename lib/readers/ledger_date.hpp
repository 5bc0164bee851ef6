// Ledger dates by a profile's format (SPEC §4): "%Y-%m-%d" (the default), "%d/%m/%Y" (the UK
// norm) and the like, parsed by hand on the reader's hot path. %Y is four digits; %m and %d are
// one or two digits (exports often drop the leading zero); %H, %M and %S (a time of day some
// systems append) are two digits and ignored; any other character must match itself.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
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
    // YYYY-MM-DD, every line's date in most ledgers: the ten bytes read as two words, their
    // digits checked all at once (a byte b is a digit when b ^ '0' is at most 9: no bit in the
    // high half, and no carry into it when 6 is added), so no byte is looked at on its own.
    static std::optional<CivilDate> parse_iso(const char* p, std::size_t n) {
        if (n != 10) return std::nullopt;
        std::uint64_t a;   // "YYYY-MM-"
        std::uint16_t b16; // "DD"
        std::memcpy(&a, p, 8);
        std::memcpy(&b16, p + 8, 2);
        std::uint64_t b = b16;
        if (((a >> 32) & 0xff) != '-' || (a >> 56) != '-') return std::nullopt;
        constexpr std::uint64_t digits = 0x00ffff00ffffffffull; // bytes 0-3, 5, 6
        const std::uint64_t x = (a ^ 0x3030303030303030ull) & digits, y = b ^ 0x3030u;
        if (((x | (x + 0x0606060606060606ull)) & 0xf0f0f0f0f0f0f0f0ull & digits) != 0 ||
            ((y | (y + 0x0606u)) & 0xf0f0u) != 0)
            return std::nullopt;
        auto digit = [](std::uint64_t w, int i) { return static_cast<int>((w >> (8 * i)) & 0xf); };
        CivilDate c{digit(x, 0) * 1000 + digit(x, 1) * 100 + digit(x, 2) * 10 + digit(x, 3),
                    digit(x, 5) * 10 + digit(x, 6), digit(y, 0) * 10 + digit(y, 1)};
        if (!valid(c.year, c.month, c.day)) return std::nullopt;
        return c;
    }
    std::optional<CivilDate> parse_general(const char* p, std::size_t n) const;

    std::string text_;
    std::vector<Step> steps_;
    bool iso_ = false;
};

} // namespace poolkit
