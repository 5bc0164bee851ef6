// The commitments register (SPEC §12): the cost of a row by period, worked by hand in days, and
// every reason the reader rejects a row, with its line and column, and its header checks.
#include "settlement_fixture.hpp"
#include "test_period.hpp"

#include "calc/commitment_cost.hpp"
#include "readers/commitments_reader.hpp"
#include "support/error.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace poolkit;
using poolkit::test::pence;

namespace {

// Partners ICB and BRISTOL (the host), schemes S01 and S02, the year 2025-26.
Agreement pool() {
    return test::make_agreement({"ICB", "BRISTOL"}, {{"S01", {100, 100}}, {"S02", {100, 100}}}, 1);
}

Day day(int y, int m, int d) {
    return *day_of(y, m, d);
}

Commitment row(Money weekly, Day start, std::optional<Day> end) {
    Commitment c;
    c.case_ref = "C-0001";
    c.type = "residential";
    c.weekly_cost = weekly;
    c.start = start;
    c.end = end;
    return c;
}

const FinancialYear fy = FinancialYear::starting(2025);

CommitmentsRead parse(const std::string& text) {
    return parse_commitments(pool(), text, "commitments.csv");
}

const std::string header = "case,partner,scheme,type,weekly_cost,start,end,status\n";

std::string header_error(const std::string& text) {
    try {
        parse(text);
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::input);
        return e.where().str() + ": " + e.what();
    }
    FAIL("no error");
    return "";
}

} // namespace

TEST_CASE("commitments: the days of a period and a row's cost by period") {
    CHECK(iso_text(first_day(fy, per(1))) == "2025-04-01");
    CHECK(iso_text(last_day(fy, per(6))) == "2025-09-30");
    CHECK(iso_text(first_day(fy, per(10))) == "2026-01-01");
    CHECK(iso_text(last_day(fy, per(11))) == "2026-02-28"); // 2026 is not a leap year
    CHECK_FALSE(day_of(2025, 6, 31));
    CHECK_FALSE(day_of(2025, 13, 1));

    // 700.00 a week, open-ended from 1 April: April's 30 days cost 700 x 30 / 7 = 3,000.00, May's
    // 31 days 3,100.00, February's 28 days 2,800.00.
    Commitment open = row(pence(700'00), day(2025, 4, 1), std::nullopt);
    PeriodArray<Money> cost = cost_by_period(open, fy);
    CHECK(cost[per(1)] == pence(3000'00));
    CHECK(cost[per(2)] == pence(3100'00));
    CHECK(cost[per(11)] == pence(2800'00));
    // After P06: October to March, 31 + 30 + 31 + 31 + 28 + 31 = 182 days = 26 weeks: 18,200.00.
    CHECK(committed_after(open, fy, per(6)) == pence(18200'00));
    CHECK(committed_after(open, fy, per(12)) == Money());

    // 100.00 a week from 28 September to 2 October: September's 3 days 300 / 7 = 42.857... ->
    // 42.86; October's 2 days 200 / 7 = 28.571... -> 28.57. Each period rounded once: 71.43.
    Commitment short_stay = row(pence(100'00), day(2025, 9, 28), day(2025, 10, 2));
    cost = cost_by_period(short_stay, fy);
    CHECK(cost[per(6)] == pence(42'86));
    CHECK(cost[per(7)] == pence(28'57));
    CHECK(committed_after(short_stay, fy, per(6)) == pence(28'57));
    CHECK(committed_after(short_stay, fy, per(7)) == Money());

    // Clipped to the year: from 1 January 2025 to 7 April 2025 costs April's 7 days, 700.00.
    Commitment before = row(pence(700'00), day(2025, 1, 1), day(2025, 4, 7));
    cost = cost_by_period(before, fy);
    CHECK(cost[per(1)] == pence(700'00));
    CHECK(committed_after(before, fy, per(1)) == Money());
    // A placement that starts after 31 March costs this year nothing.
    CHECK(committed_after(row(pence(700'00), day(2026, 5, 1), std::nullopt), fy, per(1)) ==
          Money());
    // One day: 1 / 7 of 0.07 is 0.01 exactly.
    CHECK(cost_by_period(row(pence(7), day(2025, 5, 5), day(2025, 5, 5)), fy)[per(2)] == pence(1));
}

TEST_CASE("commitments: rows accepted, with their control totals") {
    CommitmentsRead r =
        parse(header + "C-0001,ICB,S01,residential,700.00,2025-04-01,,active\n"
                       "C-0001,ICB,S01,residential,750.00,2025-10-01,,planned\n"
                       "C-0002,BRISTOL,S02,foster,420.50,2025-05-01,2025-06-30,ended\n");
    // The first row's open end would overlap the second: rejected, as line 2's case runs on.
    REQUIRE(r.rejects.size() == 1);
    CHECK(r.rejects[0].line == 3);
    CHECK(r.rejects[0].column == 6);
    CHECK(r.rejects[0].reason.find("already runs on these dates (line 2, from 2025-04-01, "
                                   "open-ended)") != std::string::npos);
    REQUIRE(r.register_.rows.size() == 2);
    CHECK(r.register_.rows[1].case_ref == "C-0002");
    CHECK(r.register_.rows[1].status == CaseStatus::ended);
    CHECK(iso_text(*r.register_.rows[1].end) == "2025-06-30");
    CHECK(to_size(r.register_.rows[1].partner) == 1);
    CHECK(to_size(r.register_.rows[1].scheme) == 1);
    // Lines 3 read, 2 accepted, 1 rejected; weekly costs 700.00 + 750.00 + 420.50 = 1,870.50 read,
    // 700.00 + 420.50 = 1,120.50 accepted, 750.00 rejected.
    CHECK(r.totals.lines_read == 3);
    CHECK(r.totals.lines_accepted == 2);
    CHECK(r.totals.lines_rejected == 1);
    CHECK(r.totals.total_read == pence(1870'50));
    CHECK(r.totals.total_accepted == pence(1120'50));
    CHECK(r.totals.total_rejected == pence(750'00));
    CHECK(r.input.role == "commitments");
    CHECK(r.input.sha256.size() == 64);

    // A rate change done right: the first row ends the day before the second starts.
    r = parse(header + "C-0001,ICB,S01,residential,700.00,2025-04-01,2025-09-30,active\n"
                       "C-0001,ICB,S01,residential,750.00,2025-10-01,,active\n");
    CHECK(r.rejects.empty());
    CHECK(r.register_.rows.size() == 2);
}

TEST_CASE("commitments: every reason a row is rejected, at its column") {
    struct Case {
        std::string line;
        long column;
        std::string reason;
    };
    const Case cases[] = {
        {"C-1,ICB,S01,res,12x,2025-04-01,,active", 5, "bad weekly cost \"12x\""},
        {"C-1,ICB,S01,res,-5.00,2025-04-01,,active", 5, "a weekly cost is zero or more, not -5.00"},
        {",ICB,S01,res,5.00,2025-04-01,,active", 1, "empty case"},
        {"C-1,ICV,S01,res,5.00,2025-04-01,,active", 2, "unknown partner \"ICV\""},
        {"C-1,ICB,S09,res,5.00,2025-04-01,,active", 3, "unknown scheme \"S09\""},
        {"C-1,ICB,S01,,5.00,2025-04-01,,active", 4, "empty type"},
        {"C-1,ICB,S01,res,5.00,2025-02-30,,active", 6, "bad start \"2025-02-30\""},
        {"C-1,ICB,S01,res,5.00,2025-04-01,01/05/2025,active", 7, "bad end \"01/05/2025\""},
        {"C-1,ICB,S01,res,5.00,2025-04-02,2025-04-01,active", 7,
         "end 2025-04-01 is before start 2025-04-02"},
        {"C-1,ICB,S01,res,5.00,2025-04-01,,activ", 8, "unknown status \"activ\""},
        {"C-1,ICB,S01,res,5.00,2025-04-01,,ended", 7, "an ended case needs its end date"},
        {"C-1,ICB,S01,res,5.00,2025-04-01,,active,x", 0,
         "wrong number of fields: 9, the header "
         "has 8"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.line);
        CommitmentsRead r = parse(header + c.line + "\n");
        REQUIRE(r.rejects.size() == 1);
        CHECK(r.rejects[0].line == 2);
        CHECK(r.rejects[0].column == c.column);
        CHECK(r.rejects[0].reason.find(c.reason) != std::string::npos);
        CHECK(r.totals.lines_read == 1);
        CHECK(r.totals.lines_rejected == 1);
        CHECK(r.register_.rows.empty());
    }
    // The hints: the partner and the status as meant.
    CommitmentsRead r = parse(header + "C-1,ICV,S01,res,5.00,2025-04-01,,active\n");
    CHECK(r.rejects[0].reason.find("did you mean 'ICB'?") != std::string::npos);
    r = parse(header + "C-1,ICB,S01,res,5.00,2025-04-01,,activ\n");
    CHECK(r.rejects[0].reason.find("did you mean 'active'?") != std::string::npos);
}

TEST_CASE("commitments: a name-like case reference is accepted with a warning") {
    CHECK(looks_like_a_name("Jane Smith"));
    CHECK(looks_like_a_name("SMITHJ"));
    CHECK_FALSE(looks_like_a_name("C-0042"));
    CHECK_FALSE(looks_like_a_name("BR17"));
    CommitmentsRead r = parse(header + "Jane Smith,ICB,S01,res,5.00,2025-04-01,,active\n");
    CHECK(r.rejects.empty());
    CHECK(r.register_.rows.size() == 1);
    REQUIRE(r.warnings.items.size() == 1);
    CHECK(r.warnings.items[0].where.line == 2);
    CHECK(r.warnings.items[0].where.column == 1);
    CHECK(r.warnings.items[0].message.find("looks like a name") != std::string::npos);
}

TEST_CASE("commitments: the header is checked, in any order and case") {
    CommitmentsRead r =
        parse("Status,END,start,weekly_cost,type,scheme,partner,case,decision_date\n"
              "active,,2025-04-01,5.00,res,S01,ICB,C-1,2025-03-20\n");
    REQUIRE(r.register_.rows.size() == 1);
    CHECK(iso_text(*r.register_.rows[0].decision_date) == "2025-03-20");
    CHECK(header_error("") == "commitments.csv:1: no header row: the commitments register starts "
                              "with the row of its column names, case,partner,scheme,type,"
                              "weekly_cost,start,end,status (and optionally decision_date)");
    CHECK(header_error("case,partner,scheme,type,weekly_cost,start,end\n")
              .find("no column \"status\"") != std::string::npos);
    CHECK(header_error("case,partner,scheme,type,weekly_cost,start,end,statu\n")
              .find("commitments.csv:1:8: unknown column \"statu\"") == 0);
    CHECK(header_error("case,partner,scheme,type,weekly_cost,start,end,statu\n")
              .find("did you mean 'status'?") != std::string::npos);
    CHECK(header_error("case,case,partner,scheme,type,weekly_cost,start,end,status\n")
              .find("names the column \"case\" twice (columns 1 and 2)") != std::string::npos);
}
