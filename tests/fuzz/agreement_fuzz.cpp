// Fuzz target: the agreement loader (SPEC §3) on any bytes, and — when they make a valid agreement
// — the calculations and writers that follow from it alone: contribution shares and the payment
// schedule (pool-shares), and the year-end settlement (pool-settle) with no spending and with an
// overspend of a third on every scheme, whose SPEC §7 invariants settle() checks itself, with the
// memorandum account of a pooled fund or the recharge statement of a joint budget (SPEC §7), which
// check their own identities.
// Allowed outcomes: a result, or poolkit::Error of kind input (a TOML syntax error) or arithmetic
// (amounts beyond int64 pence). Anything else (a crash, a sanitizer report, an invariant failure,
// a foreign exception escaping) is a bug.
#include "fuzz_target.hpp"

#include "calc/joint_memorandum.hpp"
#include "calc/memorandum.hpp"
#include "calc/settlement.hpp"
#include "readers/agreement_loader.hpp"
#include "support/error.hpp"
#include "writers/document_render.hpp"
#include "writers/settlement_statement.hpp"
#include "writers/shares_csv.hpp"
#include "writers/shares_json.hpp"
#include "writers/shares_statement.hpp"
#include "writers/shares_text.hpp"

#include <string>
#include <string_view>

namespace {

using namespace poolkit;

void settle_and_write(const Agreement& a, const Actuals& actuals) {
    SettlementStatement st{
        a, settle(a, actuals), std::nullopt, false, {}, 0, {}, {}, YearEnd::complete, {}};
    // As pool-settle --memorandum: an aligned budget has none (SPEC §7).
    if (a.kind == AgreementKind::joint)
        st.joint_memorandum = joint_memorandum(a, st.settlement);
    else if (a.kind == AgreementKind::pooled)
        st.memorandum = memorandum(a, actuals, st.settlement);
    const Document settlement = settlement_document(st);
    for (DocumentFormat f : {DocumentFormat::text, DocumentFormat::md, DocumentFormat::html})
        FUZZ_CHECK(!render(settlement, f).empty());
    FUZZ_CHECK(!settlement_json(st).empty());
    FUZZ_CHECK(!settlement_csv(st, SettlementTable::partners).empty());
    if (a.kind != AgreementKind::aligned) {
        FUZZ_CHECK(!settlement_csv(st, SettlementTable::memorandum).empty());
        FUZZ_CHECK(!settlement_csv(st, SettlementTable::notes).empty());
    }
}

void exercise(const Agreement& a, const InputFile& input) {
    SharesStatement st = make_shares_statement(a, {input});
    const Document shares = shares_document(st);
    for (DocumentFormat f : {DocumentFormat::text, DocumentFormat::md, DocumentFormat::html})
        FUZZ_CHECK(!render(shares, f).empty());
    FUZZ_CHECK(!shares_json(st).empty());
    FUZZ_CHECK(!shares_csv(st, SharesTable::contributions).empty());

    Actuals none(a.partners.size(), a.schemes.size());
    settle_and_write(a, none);

    // Every scheme overspent by a third of its budget, spent in P12 by the first partner.
    Actuals over(a.partners.size(), a.schemes.size());
    for (std::size_t s = 0; s < a.schemes.size(); ++s) {
        Money budget = a.schemes[s].budget;
        over.add(PartnerIndex{0}, SchemeIndex{s}, Period::last(),
                 budget + Money::from_pence(budget.pence() / 3));
    }
    settle_and_write(a, over);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(size ? reinterpret_cast<const char*>(data) : "", size);
    try {
        AgreementLoad load = load_agreement_text(text, "fuzz.toml");
        FUZZ_CHECK(load.agreement.has_value() == !load.diagnostics.has_errors());
        for (const auto& d : load.diagnostics.items) {
            // Every finding names its place (SPEC §3: file:line:column) and says something.
            FUZZ_CHECK(d.where.file == "fuzz.toml");
            FUZZ_CHECK(!d.message.empty());
        }
        if (load.agreement && !load.agreement->partners.empty())
            exercise(*load.agreement, load.input);
    } catch (const Error& e) {
        FUZZ_CHECK(e.kind() == ErrorKind::input || e.kind() == ErrorKind::arithmetic);
        FUZZ_CHECK(std::string_view(e.what()).size() > 0);
    }
    return 0;
}
