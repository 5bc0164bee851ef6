// The movement of the forecast against last month's statement (SPEC §12 --previous): this
// forecast − that one, split from the two statements' cases into new cases, ended cases, changed
// rates and the rest, to the penny; last month's statement read back from its JSON, and refused
// when it is of another agreement, of this period or later, or changed. Worked by hand below.
#include "settlement_fixture.hpp"
#include "test_period.hpp"

#include "calc/forecast_movement.hpp"
#include "calc/reconciliation.hpp"
#include "readers/previous_statement_reader.hpp"
#include "support/error.hpp"
#include "writers/recon_statement.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace poolkit;
using poolkit::test::pence;

namespace {

Day day(int y, int m, int d) {
    return *day_of(y, m, d);
}

Commitment row(std::string ref, Money weekly, Day start, std::optional<Day> end) {
    Commitment c;
    c.case_ref = std::move(ref);
    c.partner = PartnerIndex{1};
    c.scheme = SchemeIndex{0};
    c.type = "residential";
    c.weekly_cost = weekly;
    c.start = start;
    c.end = end;
    return c;
}

// ICB and BRISTOL (host); S01 £120,000.00 phased evenly, new starts £12,000.00 a year (£1,000.00
// a month exactly).
Agreement pool() {
    Agreement a = test::make_agreement({"ICB", "BRISTOL"}, {{"S01", {6000000, 6000000}}}, 1);
    a.schemes[0].new_starts = pence(1200000);
    return a;
}

// September's register. After P06 (Oct 31d, Nov 30d, Dec 31d, Jan 31d, Feb 28d, Mar 31d):
//   A 700.00/wk open-ended: 3,100 + 3,000 + 3,100 + 3,100 + 2,800 + 3,100 = 18,200.00
//   B 350.00/wk to 31 Dec: 1,550 + 1,500 + 1,550 = 4,600.00
//   C 140.00/wk to 31 Mar: 620 + 600 + 620 + 620 + 560 + 620 = 3,640.00
//   D 70.00/wk open-ended: 310 + 300 + 310 + 310 + 280 + 310 = 1,820.00
//   E 210.00/wk 1 Sep to 30 Nov: 930 + 900 = 1,830.00
// Committed 30,090.00; actual to P06 50,000.00; allowance after P06 6,000.00: 86,090.00.
CommitmentsRegister september() {
    CommitmentsRegister reg;
    reg.rows = {row("A", pence(700'00), day(2025, 4, 1), std::nullopt),
                row("B", pence(350'00), day(2025, 4, 1), day(2025, 12, 31)),
                row("C", pence(140'00), day(2025, 6, 1), day(2026, 3, 31)),
                row("D", pence(70'00), day(2025, 5, 1), std::nullopt),
                row("E", pence(210'00), day(2025, 9, 1), day(2025, 11, 30))};
    return reg;
}

// October's: C's rate doubles from 1 November, D ended on 15 October, E is gone, F is new.
CommitmentsRegister october() {
    CommitmentsRegister reg;
    reg.rows = {row("A", pence(700'00), day(2025, 4, 1), std::nullopt),
                row("B", pence(350'00), day(2025, 4, 1), day(2025, 12, 31)),
                row("C", pence(140'00), day(2025, 6, 1), day(2025, 10, 31)),
                row("C", pence(280'00), day(2025, 11, 1), day(2026, 3, 31)),
                row("D", pence(70'00), day(2025, 5, 1), day(2025, 10, 15)),
                row("F", pence(490'00), day(2025, 10, 20), day(2026, 1, 31))};
    reg.rows[4].status = CaseStatus::ended;
    return reg;
}

Actuals spent(bool october_too) {
    Actuals act(2, 1);
    act.add(PartnerIndex{1}, SchemeIndex{0}, per(3), pence(50000'00));
    if (october_too) act.add(PartnerIndex{1}, SchemeIndex{0}, per(7), pence(6000'00));
    return act;
}

Reconciliation month(const Agreement& a, const CommitmentsRegister& reg, int m, bool oct) {
    return reconcile(a, spent(oct), per(m), ForecastMethod::profile, nullptr,
                     commitments_forecast(a, reg, m));
}

std::string september_json(const Agreement& a) {
    ReconStatement st{a, month(a, september(), 6, false), {}, 0, {}, {"pool-recon", {}, {}}};
    return recon_json(st);
}

std::string refusal(const Agreement& a, int m, const std::string& json) {
    try {
        parse_previous_statement(a, per(m), json, "sep.json");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::input);
        CHECK(e.where().file == "sep.json");
        return e.what();
    }
    FAIL("not refused");
    return {};
}

} // namespace

TEST_CASE("movement: September's statement read back from its JSON") {
    const Agreement a = pool();
    const PreviousStatement prev =
        parse_previous_statement(a, per(7), september_json(a), "sep.json");
    CHECK(prev.period == per(6));
    REQUIRE(prev.forecast.size() == 1);
    CHECK(prev.forecast[0] == pence(86090'00));
    CHECK(prev.from_commitments[0]);
    CHECK(prev.total_forecast == pence(86090'00));
    REQUIRE(prev.cases);
    REQUIRE(prev.cases->size() == 5);
    CHECK((*prev.cases)[0].case_ref == "A");
    CHECK((*prev.cases)[0].open_ended);
    CHECK((*prev.cases)[0].committed == pence(18200'00));
    CHECK((*prev.cases)[1].end == day(2025, 12, 31));
    CHECK((*prev.cases)[4].committed == pence(1830'00));
    CHECK(prev.input.role == "previous");
    CHECK(prev.input.sha256.size() == 64);
}

TEST_CASE("movement: new cases, ended cases, changed rates and the rest, to the penny") {
    const Agreement a = pool();
    const PreviousStatement prev =
        parse_previous_statement(a, per(7), september_json(a), "sep.json");
    const CommitmentsRegister reg = october();
    Reconciliation r = month(a, reg, 7, true);
    // After P07 (Nov..Mar): A 15,100.00; B 1,500 + 1,550 = 3,050.00; C at 280.00/wk 1,200 +
    // 1,240 + 1,240 + 1,120 + 1,240 = 6,040.00; D nothing; F 490.00/wk to 31 Jan 2,100 + 2,170 +
    // 2,170 = 6,440.00: 30,630.00. Actual 56,000.00, allowance 5 × 1,000.00: 91,630.00.
    CHECK(r.schemes[0].forecast_outturn == pence(91630'00));
    const ForecastMovement mv = measure_against(r, a, &reg, prev);
    CHECK(mv.against == per(6));
    CHECK(mv.previous[0] == pence(86090'00));
    CHECK(mv.movement[0] == pence(5540'00)); // 91,630.00 − 86,090.00
    CHECK(r.schemes[0].previous_forecast == pence(86090'00));
    CHECK(r.schemes[0].forecast_movement == pence(5540'00));
    CHECK(r.total.forecast_movement == pence(5540'00));
    REQUIRE(mv.split[0]);
    const MovementSplit& s = *mv.split[0];
    // New: F after P06 by October's register, Oct 20..31 12d 490 × 12 / 7 = 840.00 + 6,440.00 =
    // 7,280.00.
    CHECK(s.new_cases == pence(7280'00));
    // Ended: D now ends 15 Oct (open-ended before): 70 × 15 / 7 = 150.00 − 1,820.00 = −1,670.00;
    // E gone: −1,830.00. −3,500.00.
    CHECK(s.ended_cases == pence(-3500'00));
    // Changed rates: C, the same end: Oct 620.00 + 6,040.00 = 6,660.00 − 3,640.00 = 3,020.00.
    // A and B are as they were (their R − P is 0).
    CHECK(s.changed_rates == pence(3020'00));
    // The rest: 5,540.00 − 7,280.00 + 3,500.00 − 3,020.00 = −1,260.00; independently, October's
    // actual 6,000.00 less what the register committed for October (A 3,100 + B 1,550 + C 620 + D
    // 150 + F 840 = 6,260.00) less October's allowance 1,000.00 = −1,260.00.
    CHECK(s.rest == pence(-1260'00));
    CHECK(s.total() == mv.movement[0]);
    REQUIRE(mv.total_split);
    CHECK(mv.total_split->total() == mv.movement_total);
}

TEST_CASE("movement: without commitments, only the movement") {
    Agreement a = pool();
    const PreviousStatement prev =
        parse_previous_statement(a, per(7), september_json(a), "sep.json");
    Reconciliation r = reconcile(a, spent(true), per(7), ForecastMethod::profile);
    // Profile: 56,000.00 + (120,000.00 − 7 × 10,000.00) = 106,000.00; − 86,090.00 = 19,910.00.
    const ForecastMovement mv = measure_against(r, a, nullptr, prev);
    CHECK(mv.movement[0] == pence(19910'00));
    CHECK_FALSE(mv.split[0]);
    CHECK_FALSE(mv.total_split);
}

TEST_CASE("movement: a previous statement of another agreement, period or changed is refused") {
    const Agreement a = pool();
    const std::string json = september_json(a);
    CHECK(refusal(a, 6, json).find("not of a month before P06 September 2025") !=
          std::string::npos);
    CHECK(refusal(a, 5, json).find("not of a month before P05 August 2025") != std::string::npos);
    std::string other = json;
    other.replace(other.find("\"TEST\""), 6, "\"OTHER\"");
    CHECK(refusal(a, 7, other).find("agreement OTHER") != std::string::npos);
    // A forecast edited by hand: its figures no longer add up.
    std::string edited = json;
    for (std::size_t at; (at = edited.find("\"86090.00\"")) != std::string::npos;)
        edited.replace(at, 10, "\"80000.00\"");
    CHECK(refusal(a, 7, edited).find("changed since pool-recon wrote it") != std::string::npos);
    std::string wrong_case = json;
    wrong_case.replace(wrong_case.find("\"1830.00\""), 9, "\"1.00\"");
    CHECK(refusal(a, 7, wrong_case).find("cases commit") != std::string::npos);
    std::string schema = json;
    schema.replace(schema.find("poolkit.recon/2"), 15, "poolkit.settle/2");
    CHECK(refusal(a, 7, schema).find("schema") != std::string::npos);
    CHECK(refusal(a, 7, "{").size() > 0);
}
