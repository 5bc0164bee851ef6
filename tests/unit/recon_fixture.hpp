// The small agreement and ledgers that the reconciliation tests work by hand (SPEC §6), shared by
// reconciliation_test, monthly_test and partner_pack_test:
//   partners A (host unless aligned), B, C; monthly payment schedule;
//   S1: A 6,000.00, B 3,000.00, C 3,000.00 = 12,000.00, even profile (1,000.00 a month);
//   S2: A, B, C 1,000.00 each = 3,000.00, even profile (250.00 a month).
// Ledgers: A's ledger S1 P01 900.00, P02 1,100.00, P03 1,300.00; B's ledger S2 P02 400.00;
//          C's ledger S2 P03 −50.00 (a credit).
#pragma once

#include "model/actuals.hpp"
#include "model/agreement.hpp"
#include "settlement_fixture.hpp"

namespace poolkit::test {

inline Agreement recon_agreement(AgreementKind kind = AgreementKind::pooled) {
    auto a = make_agreement(
        {"A", "B", "C"}, {{"S1", {600000, 300000, 300000}}, {"S2", {100000, 100000, 100000}}},
        kind == AgreementKind::aligned ? std::nullopt : std::optional<std::size_t>(0), kind);
    a.payment_schedule = PaymentSchedule::monthly;
    return a;
}

inline Actuals recon_ledgers(const Agreement& a) {
    Actuals act(a.partners.size(), a.schemes.size());
    act.add(PartnerIndex{0}, SchemeIndex{0}, Period::nth(1), pence(90000));
    act.add(PartnerIndex{0}, SchemeIndex{0}, Period::nth(2), pence(110000));
    act.add(PartnerIndex{0}, SchemeIndex{0}, Period::nth(3), pence(130000));
    act.add(PartnerIndex{1}, SchemeIndex{1}, Period::nth(2), pence(40000));
    act.add(PartnerIndex{2}, SchemeIndex{1}, Period::nth(3), pence(-5000));
    return act;
}

} // namespace poolkit::test
