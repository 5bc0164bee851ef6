// The settlement writers (SPEC §5, §7): the statement shows its working, JSON carries SPEC §5's
// fields as strings, CSV one table a file.
#include "settlement_fixture.hpp"
#include "writers/document_render.hpp"
#include "writers/settlement_statement.hpp"

#include <doctest/doctest.h>

using namespace poolkit;
using namespace poolkit::test;

namespace {

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("settlement writers: text, JSON and CSV of a capped overspend") {
    // ICB 600,000.00 (cap 30,000.00), LA (host) 400,000.00 (cap 50,000.00); LA spends
    // 1,100,000.00: ICB 30,000.00, LA 50,000.00, 20,000.00 unallocated; ICB pays LA 30,000.00.
    auto a = make_agreement({"ICB", "LA"}, {{"S1", {600000'00, 400000'00}}}, 1);
    a.legal_basis = "NHS Act 2006 s75";
    a.risk_share->caps = {pence(30000'00), pence(50000'00)};
    auto act = make_actuals(a, {{1, 0, 1100000'00}});
    SettlementStatement st{
        a, settle(a, act), std::nullopt, false, act.control, 1, {}, {}, YearEnd::complete, {}};

    std::string text = render_text(settlement_document(st));
    CHECK(has(text, "Year-end settlement, 2025-26 (1 April 2025 to 31 March 2026)\n"));
    CHECK(has(text, "WARNING: £20,000.00 of overspend is unallocated"));
    CHECK(has(text, "ICB pays LA (host) £30,000.00 (ICB holds a creditor, LA a debtor, at 31 "
                    "March)\n"));
    CHECK(has(text, "  2. cap round 1: ICB's net risk share 60,000.00 is over its cap "
                    "30,000.00: 30,000.00 to re-allocate\n"));
    CHECK(has(text, "  5. cap round 2: 20,000.00 that no partner not yet capped can take: "
                    "unallocated\n"));
    CHECK(has(text, "The pool holds £(20,000.00) after the transfers.\n"));
    CHECK_FALSE(has(text, "Memorandum account"));

    std::string json = settlement_json(st);
    CHECK(has(json, "\"schema\": \"poolkit.settle/2\""));
    CHECK(has(json, "\"unallocated\": \"20000.00\""));
    CHECK(has(json, "      \"from\": \"ICB\",\n      \"to\": \"LA\",\n      \"amount\": "
                    "\"30000.00\"\n"));
    CHECK(has(json, "\"risk_share\": \"30000.00\",\n      \"final_share\": \"630000.00\""));

    CHECK(settlement_csv(st, SettlementTable::partners) ==
          "partner,contribution,risk_share,final_share,paid,direct_spend,balance\n"
          "ICB,600000.00,30000.00,630000.00,600000.00,0.00,30000.00\n"
          "LA,400000.00,50000.00,450000.00,400000.00,0.00,50000.00\n");
    CHECK_THROWS_AS(settlement_csv(st, SettlementTable::memorandum), Error);

    st.memorandum = memorandum(a, act, st.settlement);
    text = render_text(settlement_document(st));
    CHECK(has(text, "Memorandum account"));
    auto at = text.find("  overspend unallocated, for the partners to agree ");
    REQUIRE(at != std::string::npos);
    CHECK(text.substr(at, text.find('\n', at) - at).ends_with(" (20,000.00)"));
    CHECK(has(settlement_csv(st, SettlementTable::notes),
              "ICB,600000.00,642000.00,-42000.00,-12000.00,30000.00"));
    CHECK(has(settlement_json(st), "\"closing_balance\": \"-20000.00\""));
}
