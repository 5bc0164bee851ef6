// Lets doctest print a Money in a failed check ("CHECK( 1750.00 == 1000.00 )").
#pragma once

#include "money/money.hpp"

#include <doctest/doctest.h>

namespace doctest {
template <> struct StringMaker<poolkit::Money> {
    static String convert(poolkit::Money m) { return poolkit::format_plain(m).c_str(); }
};
} // namespace doctest
