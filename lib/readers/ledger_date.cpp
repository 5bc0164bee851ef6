#include "readers/ledger_date.hpp"

namespace poolkit {

std::optional<DateFormat> DateFormat::compile(std::string_view f, std::string* why) {
    DateFormat out;
    out.text_ = std::string(f);
    int y = 0, m = 0, d = 0;
    for (std::size_t i = 0; i < f.size(); ++i) {
        if (f[i] != '%') {
            out.steps_.push_back({Op::literal, f[i]});
            continue;
        }
        if (++i == f.size()) {
            if (why) *why = "the format ends with a lone '%'";
            return std::nullopt;
        }
        switch (f[i]) {
        case 'Y':
            out.steps_.push_back({Op::year, 0}), ++y;
            break;
        case 'm':
            out.steps_.push_back({Op::month, 0}), ++m;
            break;
        case 'd':
            out.steps_.push_back({Op::day, 0}), ++d;
            break;
        case 'H':
        case 'M':
        case 'S':
            out.steps_.push_back({Op::two_digits, 0});
            break;
        case '%':
            out.steps_.push_back({Op::literal, '%'});
            break;
        default:
            if (why)
                *why = std::string("unsupported directive '%") + f[i] +
                       "' (use %Y, %m, %d, and %H, %M, %S for a time of day)";
            return std::nullopt;
        }
    }
    if (y != 1 || m != 1 || d != 1) {
        if (why) *why = "a date format needs exactly one each of %Y, %m and %d";
        return std::nullopt;
    }
    out.iso_ = f == "%Y-%m-%d";
    return out;
}

std::optional<CivilDate> DateFormat::parse_general(const char* p, std::size_t n) const {
    const char* end = p + n;
    CivilDate c;
    auto digit = [&](const char* q) { return q < end && *q >= '0' && *q <= '9'; };
    for (const Step& s : steps_) {
        switch (s.op) {
        case Op::literal:
            if (p == end || *p != s.c) return std::nullopt;
            ++p;
            break;
        case Op::year:
            if (!digit(p) || !digit(p + 1) || !digit(p + 2) || !digit(p + 3)) return std::nullopt;
            c.year = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
            p += 4;
            break;
        case Op::month:
        case Op::day: {
            if (!digit(p)) return std::nullopt;
            int v = *p++ - '0';
            if (digit(p)) v = v * 10 + (*p++ - '0');
            (s.op == Op::month ? c.month : c.day) = v;
            break;
        }
        case Op::two_digits:
            if (!digit(p) || !digit(p + 1)) return std::nullopt;
            p += 2;
            break;
        }
    }
    if (p != end || !valid(c.year, c.month, c.day)) return std::nullopt;
    return c;
}

std::string DateFormat::example() const {
    // How a person writes each step, in Op's order: year, month, day, two_digits.
    static constexpr std::string_view shown[] = {"YYYY", "MM", "DD", "hh"};
    static_assert(static_cast<std::size_t>(Op::two_digits) == 3 && Op::literal > Op::two_digits);
    std::string out;
    for (const Step& s : steps_)
        if (s.op == Op::literal)
            out += s.c;
        else
            out += shown[static_cast<std::size_t>(s.op)];
    return out;
}

bool DateFormat::day_month_ambiguous() const {
    for (const Step& s : steps_)
        if (s.op == Op::year || s.op == Op::month || s.op == Op::day) return s.op != Op::year;
    return false;
}

} // namespace poolkit
