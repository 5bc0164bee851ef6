#include "writers/shares_statement.hpp"

#include <cstdint>

namespace poolkit {

SharesStatement make_shares_statement(const Agreement& agreement, std::vector<InputFile> inputs) {
    return SharesStatement{agreement, compute_shares(agreement), build_schedule(agreement),
                           RunRecord{{}, {}, std::move(inputs)}};
}

std::string percent_display(const std::optional<Rational>& fraction) {
    return fraction ? format_percent(*fraction, 2) : "-";
}

std::string percent_data(const std::optional<Rational>& fraction) {
    if (!fraction) return "";
    std::string s = format_percent(*fraction, 4);
    s.pop_back(); // the '%'
    return s;
}

std::string fraction_exact(const Rational& fraction) {
    // cpp_rational is always in lowest terms with a positive denominator. A share is a ratio of
    // two amounts of pence, so both terms fit in int64 (and BigInt::str() draws a false g++ 12
    // -Wrestrict warning).
    auto num = numerator(fraction).convert_to<std::int64_t>();
    auto den = denominator(fraction).convert_to<std::int64_t>();
    if (den == 1) return std::to_string(num);
    return std::to_string(num) + "/" + std::to_string(den);
}

} // namespace poolkit
