// A period by its number in a test, checked at run time (a number outside 1..12 fails the test
// with an exception); Period::nth is the compile-time form for a literal.
#pragma once

#include "model/period.hpp"

#include <doctest/doctest.h>

#include <initializer_list>
#include <ostream>
#include <vector>

namespace poolkit {

inline Period per(int number) {
    return Period::of(number).value();
}
inline std::vector<Period> periods(std::initializer_list<int> numbers) {
    std::vector<Period> out;
    for (int n : numbers)
        out.push_back(per(n));
    return out;
}

// So that doctest shows a period that fails a check as "P06".
inline std::ostream& operator<<(std::ostream& os, Period p) {
    return os << p.label();
}

} // namespace poolkit
