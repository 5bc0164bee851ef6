// A budget holder's forecast adjustments (SPEC §12 --adjust): the reader's located rejections and
// control totals, and the adjustments in the forecast, its variance and RAG, and in the forecast
// made at m − 1 from the same inputs (so the movement is not moved by them).
#include "settlement_fixture.hpp"
#include "test_period.hpp"

#include "calc/reconciliation.hpp"
#include "readers/adjustments_reader.hpp"

#include <doctest/doctest.h>

using namespace poolkit;
using poolkit::test::pence;

namespace {

Agreement pool() {
    return test::make_agreement({"ICB", "BRISTOL"},
                                {{"S01", {6000000, 6000000}}, {"S02", {600000, 600000}}}, 1);
}

} // namespace

TEST_CASE("adjustments: rows accepted and rejected at their column, with the totals") {
    const AdjustmentsRead r = parse_adjustments(pool(),
                                                "Reason,Scheme,Amount\n"
                                                "New placement agreed 28 Sep,S01,5200.00\n"
                                                "Refund expected,S02,-300.00\n"
                                                "typo,S011,10.00\n"
                                                "bad,S01,12.345\n"
                                                " ,S02,1.00\n",
                                                "adjust.csv");
    REQUIRE(r.adjustments.rows.size() == 2);
    CHECK(r.adjustments.rows[0].reason == "New placement agreed 28 Sep");
    CHECK(r.adjustments.by_scheme(2) == std::vector<Money>{pence(5200'00), pence(-300'00)});
    REQUIRE(r.rejects.size() == 3);
    CHECK(r.rejects[0].where().str() == "adjust.csv:4:2");
    CHECK(r.rejects[0].reason.find("did you mean") != std::string::npos);
    CHECK(r.rejects[1].where().str() == "adjust.csv:5:3");
    CHECK(r.rejects[1].reason.find("bad amount \"12.345\"") == 0);
    CHECK(r.rejects[2].where().str() == "adjust.csv:6:1");
    CHECK(r.rejects[2].reason.find("empty reason") == 0);
    // Read 5,200.00 − 300.00 + 10.00 + 1.00 (the bad amount cannot be read: 0.00) = 4,911.00.
    CHECK(r.totals.lines_read == 5);
    CHECK(r.totals.total_read == pence(4911'00));
    CHECK(r.totals.total_accepted == pence(4900'00));
    CHECK(r.totals.total_rejected == pence(11'00));
    CHECK(r.input.role == "adjustments");
}

TEST_CASE("adjustments: in the forecast, its variance and RAG, not in the movement") {
    const Agreement a = pool();
    Actuals act(2, 2);
    act.add(PartnerIndex{1}, SchemeIndex{0}, per(2), pence(60000'00));
    // S01 by profile at P06: 60,000.00 + (120,000.00 − 60,000.00) = 120,000.00, on budget; with
    // +5,200.00 it is 125,200.00, 4.33% over: amber (2% amber, 5% red: the defaults).
    const Reconciliation r = reconcile(a, act, per(6), ForecastMethod::profile, nullptr,
                                       std::nullopt, {pence(5200'00), pence(-300'00)});
    CHECK(r.schemes[0].forecast_outturn == pence(125200'00));
    CHECK(r.schemes[0].forecast_variance == pence(5200'00));
    REQUIRE(r.schemes[0].rag.rating);
    CHECK(*r.schemes[0].rag.rating == Rag::amber);
    // Made at P05 from the same inputs: 60,000.00 + 70,000.00 + 5,200.00 = 135,200.00; movement
    // −10,000.00 as without the adjustment.
    CHECK(r.schemes[0].forecast_movement == pence(-10000'00));
    // S02: 0.00 + 6,000.00 − 300.00 = 5,700.00.
    CHECK(r.schemes[1].forecast_outturn == pence(5700'00));
    CHECK(r.total.forecast_outturn == pence(130900'00));
}
