// Last year's settlement as this year reads it (SPEC §14): for `opening_balance = { from = ... }`
// and pool-settle --previous-year it must be a final settlement (pool-settle --format json) of the
// same agreement, of the year before; --previous-year also needs its memorandum account.
#include "ledger_test_support.hpp"
#include "money_printer.hpp"

#include "model/schemas.hpp"
#include "readers/json_reader.hpp"
#include "readers/previous_settlement.hpp"
#include "support/error.hpp"

#include <doctest/doctest.h>

#include <fmt/format.h>

#include <string>

using namespace poolkit;
using poolkit::test::TempDir;

namespace {

// A settlement statement's head: its schema, agreement id and year, year-end status; `more` is
// the rest of its members (each with a leading comma).
std::string settlement(std::string_view schema, std::string_view id, std::string_view year,
                       std::string_view status, std::string_view more = "") {
    return fmt::format(R"({{"schema": "{}", "agreement": {{"id": "{}", "financial_year": "{}"}},
                          "year_end": {{"status": "{}"}}{}}})",
                       schema, id, year, status, more);
}

// Why `json` is not last year's final settlement of small_agreement() (id T, 2025-26).
std::optional<std::string> problem(const std::string& json) {
    const Agreement a = test::small_agreement();
    return previous_settlement_problem(parse_json(json, "last.json"), a.id, a.year);
}

} // namespace

TEST_CASE("previous year: only a final settlement of the same agreement, of the year before") {
    // The settlement of T for 2024-25, complete or asserted at its year end, in either schema.
    CHECK(!problem(settlement(schema::settle, "T", "2024-25", "complete")));
    CHECK(!problem(settlement(schema::settle_v1, "T", "2024-25", "asserted")));
    // Another tool's statement, or no schema at all.
    CHECK(problem(settlement(schema::recon, "T", "2024-25", "complete")) ==
          fmt::format("not a settlement statement (its schema is \"{}\"): give the JSON that "
                      "pool-settle --format json wrote of last year",
                      schema::recon));
    CHECK(problem("{}") == "not a settlement statement (its schema is \"\"): give the JSON that "
                           "pool-settle --format json wrote of last year");
    CHECK(problem(settlement(schema::settle, "OTHER", "2024-25", "complete")) ==
          "the settlement of agreement 'OTHER', not of 'T': last year's settlement of the same "
          "agreement is needed");
    // Two years back, or this year's own settlement.
    CHECK(problem(settlement(schema::settle, "T", "2023-24", "complete")) ==
          "the settlement of 2023-24, not of 2024-25, the year before 2025-26");
    CHECK(problem(settlement(schema::settle, "T", "2025-26", "complete")) ==
          "the settlement of 2025-26, not of 2024-25, the year before 2025-26");
    // A settlement made before every ledger ran to March, or with no year-end status.
    CHECK(problem(settlement(schema::settle, "T", "2024-25", "provisional")) ==
          "a provisional settlement (year_end status \"provisional\"): use the final one, made "
          "when every partner's ledgers run to March");
    CHECK(problem(settlement(schema::settle, "T", "2024-25", "")) ==
          "a not final settlement (year_end status \"\"): use the final one, made when every "
          "partner's ledgers run to March");
}

TEST_CASE("previous year: --previous-year reads the memorandum account and the partner notes") {
    TempDir dir;
    const Agreement a = test::small_agreement();
    // Every amount under memorandum, and each partner note's keyed by its partner's id; the
    // other members (the year end's, the notes' names) are not figures.
    const std::string json = settlement(
        schema::settle, "T", "2024-25", "complete",
        R"(, "memorandum": {"opening_balance": "100.00", "contributions": {"ICB": "1200.50",
             "BRISTOL": "-3.07"}, "title": "Memorandum"},
           "partner_notes": [{"id": "ICB", "name": "ICB", "funding_provided": "1200.50"},
                             {"name": "BRISTOL", "id": "BRISTOL",
                              "funding_provided": "0.00"}])");
    const std::string path = dir.file("last.json", json);
    InputFile record;
    PriorYear prior = read_prior_year(path, a, record);
    CHECK(prior.financial_year == "2024-25");
    CHECK(prior.figure("memorandum.opening_balance") == Money::from_pence(10000));
    CHECK(prior.figure("memorandum.contributions.ICB") == Money::from_pence(120050));
    CHECK(prior.figure("memorandum.contributions.BRISTOL") == Money::from_pence(-307));
    CHECK(prior.figure("partner_notes.ICB.funding_provided") == Money::from_pence(120050));
    CHECK(prior.figure("partner_notes.BRISTOL.funding_provided") == Money::from_pence(0));
    CHECK(!prior.figure("memorandum.title"));
    CHECK(!prior.figure("year_end.status"));
    // Five figures: three of the memorandum, one of each note (the notes' ids and names are text;
    // a note's member before its id, here BRISTOL's name, is passed over).
    CHECK(prior.figures.size() == 5);
    CHECK(record.role == "previous-year");
    CHECK(record.path == path);
    CHECK(record.bytes == json.size());
}

TEST_CASE("previous year: a statement that will not do is refused, naming the file") {
    TempDir dir;
    const Agreement a = test::small_agreement();
    auto refusal = [&](const std::string& json) {
        const std::string path = dir.file("last.json", json);
        InputFile record;
        try {
            read_prior_year(path, a, record);
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::input);
            CHECK(e.where().str() == path);
            return std::string(e.what());
        }
        return std::string("no error");
    };
    CHECK(refusal(settlement(schema::settle, "T", "2024-25", "provisional")) ==
          "--previous-year: a provisional settlement (year_end status \"provisional\"): use the "
          "final one, made when every partner's ledgers run to March");
    // A final settlement made without --memorandum.
    const std::string no_memorandum =
        "--previous-year: it has no memorandum account: make last year's statement with "
        "pool-settle --memorandum --format json";
    CHECK(refusal(settlement(schema::settle, "T", "2024-25", "complete")) == no_memorandum);
    CHECK(refusal(settlement(schema::settle, "T", "2024-25", "complete",
                             R"(, "memorandum": {"opening_balance": "1.00"})")) == no_memorandum);
}
