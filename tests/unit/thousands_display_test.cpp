// A table restated in £000 (SPEC §5 --thousands, §2): each sum row rounded half away from zero and
// allocated over the rows it sums, so they still add up; any other figure rounded on its own.
// Worked by hand.
#include "money_printer.hpp"
#include "writers/thousands_display.hpp"

#include <doctest/doctest.h>

using namespace poolkit;

namespace {
Cell pounds(std::int64_t p) {
    return money_cell(Money::from_pence(p * 100), true);
}
std::string text(const Table& t, std::size_t r, std::size_t c) {
    return t.rows()[r][c].text;
}
} // namespace

TEST_CASE("thousands: a column under a rule adds up, a figure that is no sum rounds alone") {
    // Rows 1,400 / 1,400 / 1,400 under a Total of 4,200 → 4: allocate(4 over 1:1:1) = 2, 1, 1.
    // The second column's "total" (9,999.00) is not the sum of 1,500 + 1,500 + 1,500: each cell
    // rounds alone, 1,500 → 2 (half away from zero), 9,999 → 10.
    Table t({{"", false}, {"a", true}, {"b", true}});
    for (int i = 0; i < 3; ++i)
        t.add_row({text_cell("row"), pounds(1'400), pounds(1'500)});
    t.add_rule();
    t.add_row({text_cell("Total"), pounds(4'200), pounds(9'999)});
    const Table k = table_in_thousands(t);
    CHECK(text(k, 0, 1) == "2");
    CHECK(text(k, 1, 1) == "1");
    CHECK(text(k, 2, 1) == "1");
    CHECK(text(k, 3, 1) == "4");
    CHECK(text(k, 0, 2) == "2");
    CHECK(text(k, 3, 2) == "10");
    CHECK(k.rows()[3][1].money == Money::from_pence(400'000)); // the pounds it shows: £4,000
    CHECK(k.rule_before(3));
    CHECK(text(k, 0, 0) == "row");
}

TEST_CASE("thousands: a marked sum row without a rule, and rows of both signs") {
    // Month one: 2,600 + (1,300) = 1,300 → 1; floors 2 and (2) leave 1 for the larger remainder
    // ((1,300)'s 0.7 against 2,600's 0.6): 2, (1). Month two, after a rule that is no total:
    // 499.99 alone, a total of 0 → 0.
    Table t({{"", false}, {"amount", true}});
    t.add_row({text_cell("S1"), pounds(2'600)});
    t.add_row({text_cell("S2"), pounds(-1'300)});
    t.add_row({text_cell("Total"), pounds(1'300)});
    t.mark_sum_of(0);
    t.add_rule();
    t.add_row({text_cell("S1"), money_cell(Money::from_pence(49'999), true)});
    t.add_row({text_cell("Total"), money_cell(Money::from_pence(49'999), true)});
    t.mark_sum_of(3);
    const Table k = table_in_thousands(t);
    CHECK(text(k, 0, 1) == "2");
    CHECK(text(k, 1, 1) == "(1)");
    CHECK(text(k, 2, 1) == "1");
    CHECK(text(k, 3, 1) == "0");
    CHECK(text(k, 4, 1) == "0");
}

TEST_CASE("thousands: amounts in sentences") {
    CHECK(amount_words(Money::from_pence(12'190'119), false) == "£121,901.19");
    CHECK(amount_words(Money::from_pence(-12'187'652), true) == "(£122k)");
    CHECK(amount_words(Money::from_pence(966'022), true) == "£10k");
    CHECK(thousands_display(-1'235) == "(1,235)");
}
