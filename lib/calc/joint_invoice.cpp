#include "calc/joint_invoice.hpp"

#include "support/error.hpp"

#include <string>

namespace poolkit {

namespace {

// The charges to the end of the first m periods (0..12).
JointCharges charges_to(const Agreement& a, const Actuals& act, int m) {
    std::vector<Money> spent(a.schemes.size());
    for (std::size_t s = 0; s < spent.size(); ++s)
        spent[s] = m > 0 ? act.scheme_to(SchemeIndex{s}, m) : Money{};
    return joint_charges(a, spent, m);
}

} // namespace

JointInvoicing joint_invoicing(const Agreement& a, const Actuals& act, Period period,
                               std::span<const Money> forecast_outturns,
                               const std::vector<Money>* invoiced_before,
                               const std::vector<Money>* payments, const Agreement* terms_before) {
    const std::size_t n = a.partners.size();
    const int m = period.number(); // periods elapsed to its end
    if (act.partners() != n || act.schemes() != a.schemes.size())
        throw Error(ErrorKind::invariant, "joint invoices: actuals not shaped to the agreement");
    if (!a.host) throw Error(ErrorKind::invariant, "joint invoices: the agreement has no host");
    for (const std::vector<Money>* given : {invoiced_before, payments})
        if (given && given->size() != n)
            throw Error(ErrorKind::invariant, "joint invoices: " + std::to_string(given->size()) +
                                                  " invoiced or paid amounts for " +
                                                  std::to_string(n) + " partners");
    JointInvoicing r;
    r.period = period;
    r.to_date = charges_to(a, act, m);
    r.forecast = joint_charges(a, forecast_outturns, Period::count);
    r.invoiced_before_recomputed = invoiced_before == nullptr;
    // Without a register, the invoices before are what the same formula gives at m − 1 on these
    // ledgers (SPEC §6), on the terms in effect then (SPEC §14).
    JointCharges before;
    if (!invoiced_before) before = charges_to(terms_before ? *terms_before : a, act, m - 1);

    const std::vector<Money> contributions = a.partner_contributions();
    for (std::size_t p = 0; p < n; ++p) {
        JointPartnerFigures f;
        f.contribution = contributions[p];
        f.charge_to_date = r.to_date.charge[p];
        f.forecast_charge = r.forecast.charge[p];
        if (!a.is_host(PartnerIndex{p})) {
            JointInvoice inv;
            inv.partner = PartnerIndex{p};
            inv.period = period;
            inv.charge_to_date = f.charge_to_date;
            inv.own_spend_to_date = act.partner_to(PartnerIndex{p}, m);
            inv.invoiced_before =
                invoiced_before
                    ? (*invoiced_before)[p]
                    : before.charge[p] - (m > 1 ? act.partner_to(PartnerIndex{p}, m - 1) : Money{});
            inv.amount = inv.charge_to_date - inv.own_spend_to_date - inv.invoiced_before;
            f.own_spend_to_date = inv.own_spend_to_date;
            f.invoice = inv.amount;
            f.invoiced_to_date = inv.invoiced_before + inv.amount;
            f.paid = payments ? (*payments)[p] : f.invoiced_to_date;
            f.outstanding = f.invoiced_to_date - f.paid;
            r.invoices.push_back(inv);
        }
        r.partners.push_back(f);
    }
    return r;
}

} // namespace poolkit
