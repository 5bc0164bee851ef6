// The reject reasons and the ledger fields as tables (SPEC §4): every reason has one stable code
// and words, and a line rejected for it carries it; every field has one keyword, which the
// profile loader and the default layout read.
#include "ledger_test_support.hpp"

#include "model/reject_reason.hpp"
#include "readers/ledger_fields.hpp"
#include "readers/ledger_profile.hpp"
#include "readers/ledger_reader.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

using namespace poolkit;
using namespace poolkit::test;

TEST_CASE("reject reasons: one code and words each, found again by the code") {
    std::set<std::string_view> codes;
    for (const auto& e : reject_reasons) {
        CHECK(codes.insert(e.code).second);
        CHECK(reject_code(e.reason) == e.code);
        CHECK(reject_words(e.reason) == e.words);
        CHECK(reject_reason_of_code(e.code) == e.reason);
    }
    CHECK(codes.size() == 9);
    CHECK(reject_code(RejectReason::outside_year) == "outside-year");
    CHECK_FALSE(reject_reason_of_code("no-such-reason").has_value());
}

TEST_CASE("reject reasons: each rejected line carries its reason's kind, its words first") {
    Agreement a = small_agreement(); // partners ICB, BRISTOL; schemes S01, S02; 2025-26
    TempDir dir;
    std::string path = dir.file("l.csv", "date,ref,partner,scheme,cost_centre,description,amount\n"
                                         "2025-05-01,R1,ICB,S01,CC1,a\"b\"c,1.00\n"   // 2
                                         "2025-05-01,R2,ICB,S01,CC1,two,2.00,extra\n" // 3
                                         "2025-05-01,R3,ICB,S01,CC1,three,3.0.0\n"    // 4
                                         "2025-02-30,R4,ICB,S01,CC1,four,4.00\n"      // 5
                                         "2026-04-01,R5,ICB,S01,CC1,five,5.00\n"      // 6
                                         "2025-05-01,R6,NHSX,S01,CC1,six,6.00\n"      // 7
                                         "2025-05-01,R7,ICB,S99,CC1,seven,7.00\n"     // 8
                                         "2025-05-01,,ICB,S01,CC1,eight,8.00\n"       // 9
                                         "2025-05-01,R9,ICB,S01,CC1,nine,9.00\n"      // 10
                                         "2025-06-01,R9,ICB,S02,CC1,ten,10.00\n");    // 11
    LedgerRun run = read_ledgers(&a, specs({path}), one_thread());
    struct Want {
        std::uint64_t line;
        RejectReason kind;
        std::string start;
    };
    const std::vector<Want> want = {
        {2, RejectReason::bad_quoting, "bad quoting: "},
        {3, RejectReason::wrong_field_count, "wrong number of fields: 8, the header has 7"},
        {4, RejectReason::bad_amount, "bad amount \"3.0.0\": "},
        {5, RejectReason::bad_date, "bad date \"2025-02-30\" (expected YYYY-MM-DD"},
        {6, RejectReason::outside_year, "date 2026-04-01 is outside the financial year 2025-26"},
        {7, RejectReason::unknown_partner,
         "unknown partner \"NHSX\" (the agreement's partners: "
         "ICB, BRISTOL)"},
        {8, RejectReason::unknown_scheme, "unknown scheme \"S99\" (not a scheme of the agreement)"},
        {9, RejectReason::missing_key, "missing ref: the fields that identify a line are empty"},
        {11, RejectReason::duplicate, "duplicate ref R9 (first at " + path + ":10)"},
    };
    REQUIRE(run.rejects.size() == want.size());
    std::vector<RejectedLine> streamed;
    run.all_rejects->for_each([&](const RejectedLine& r) { streamed.push_back(r); });
    REQUIRE(streamed.size() == want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
        CAPTURE(want[i].line);
        for (const RejectedLine* r : {&run.rejects[i], &streamed[i]}) {
            CHECK(r->line == want[i].line);
            CHECK(r->kind == want[i].kind);
            CHECK(r->reason.substr(0, want[i].start.size()) == want[i].start);
        }
    }
    // Only line 10 (R9, 9.00) is accepted: 10 lines read, 9 rejected.
    CHECK(run.control.lines_read == 10);
    CHECK(run.control.lines_accepted == 1);
    CHECK(run.control.total_accepted == Money::from_pence(900));
}

TEST_CASE("ledger fields: one keyword each, the default layout from the table") {
    std::set<std::string_view> keywords;
    for (const auto& e : ledger_fields) {
        CHECK(keywords.insert(e.keyword).second);
        CHECK(ledger_field_named(e.keyword) == e.field);
        CHECK(std::string_view(ledger_field_name(e.field)) == e.keyword);
    }
    CHECK_FALSE(ledger_field_named("costcentre").has_value());
    CHECK(ledger_field(LedgerField::cost_centre).words == "cost centre");
    CHECK(default_ledger_header() == "date,ref,partner,scheme,cost_centre,description,amount");
    LedgerProfile p = default_ledger_profile();
    CHECK(p.column(LedgerField::cost_centre) == "cost_centre");
    CHECK(p.column(LedgerField::debit).empty());
    CHECK(p.description ==
          "poolkit's own layout: date,ref,partner,scheme,cost_centre,description,amount");
}
