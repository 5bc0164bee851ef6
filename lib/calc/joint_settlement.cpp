#include "calc/joint_settlement.hpp"

#include "calc/identity_check.hpp"
#include "calc/joint_invoice.hpp"

#include <string>

namespace poolkit {

namespace {

constexpr IdentityChecks check{"joint settlement"};

} // namespace

void settle_joint(const Agreement& a, const Actuals& actuals, SettlementResult& r,
                  const CashRegister* cash) {
    const std::size_t n = a.partners.size();
    const std::size_t host = to_size(*a.host);
    std::vector<Money> outturns;
    for (const auto& so : r.schemes)
        outturns.push_back(so.outturn);
    // The §6 invoices worked to P12 on these ledgers: the year's charge, and what each partner
    // was invoiced for it (no cash register: the invoices before are recomputed).
    const JointInvoicing inv = joint_invoicing(a, actuals, Period::last(), outturns);
    r.charges = inv.to_date;
    r.unallocated = r.charges.unallocated;
    r.carried_forward = Money{};
    r.opening_balance = Money{}; // only a pooled fund holds a balance (SPEC §3)
    r.pool_closing = Money{};
    r.partners.assign(n, PartnerSettlement{});
    for (std::size_t p = 0; p < n; ++p) {
        PartnerSettlement& ps = r.partners[p];
        ps.contribution = inv.partners[p].contribution;
        ps.final_share = inv.partners[p].charge_to_date;
        ps.risk_share = ps.final_share - ps.contribution;
        if (p == host) continue; // no paid, direct spend or balance: it is not invoiced
        ps.direct_spend = r.ledger_spend[p];
        // With a register, what was invoiced is its invoice rows, so a back-dated line never
        // billed is in the balance (SPEC §7); without one, every invoice is taken as paid.
        ps.paid =
            cash ? invoiced_through(*cash, p, Period::last()) : inv.partners[p].invoiced_to_date;
        ps.balance = ps.final_share - ps.direct_spend - ps.paid;
        ps.payments = cash ? payments_to(*cash, p, Period::last()) : ps.paid;
        ps.outstanding = ps.paid - ps.payments;
        if (cash) ps.settled = settled(*cash, p);
        // At 31 March it owed its balance and its unpaid invoices, less what it had settled by
        // then; payments and settlements dated after the year end had not moved yet.
        ps.at_year_end = ps.balance + ps.outstanding - ps.settled;
        if (cash)
            ps.at_year_end += after_year_end(a, *cash, CashKind::payment, p) +
                              after_year_end(a, *cash, CashKind::settlement, p);
        add_settling_transfer(r, p, host);
    }
}

void check_joint_settlement(const Agreement& a, const SettlementResult& r) {
    const std::size_t n = a.partners.size();
    if (!a.host) check.broken("a joint budget without a host");
    const std::size_t host = to_size(*a.host);
    const JointCharges& c = r.charges;
    if (c.charge.size() != n || c.before_caps.size() != n || c.schemes.size() != a.schemes.size())
        check.broken("charges not shaped to the agreement");
    if (c.periods_elapsed != Period::count) check.broken("charges not for the whole year");

    // Charges: each scheme's parts add up to its outturn; the caps only cut, and what they cut is
    // the unallocated amount.
    for (std::size_t s = 0; s < a.schemes.size(); ++s) {
        Money sum;
        for (Money x : c.schemes[s].parts)
            sum += x;
        check.expect_equal(c.schemes[s].amount, r.schemes[s].outturn,
                           "scheme " + a.schemes[s].id + " charged against outturn");
        check.expect_equal(sum, c.schemes[s].amount, "scheme " + a.schemes[s].id + " charges");
    }
    Money cut;
    for (const ChargeCap& k : c.caps) {
        const std::size_t p = to_size(k.partner);
        if (p >= n || !k.excess.is_positive()) check.broken("a cap cut that is not positive");
        check.expect_equal(c.charge[p], k.bound, "capped charge of " + a.partners[p].id);
        check.expect_equal(k.charged - k.bound, k.excess, "cap excess of " + a.partners[p].id);
        cut += k.excess;
    }
    Money charged;
    for (std::size_t p = 0; p < n; ++p) {
        Money parts;
        for (const auto& sc : c.schemes)
            parts += sc.parts[p];
        check.expect_equal(c.before_caps[p], parts,
                           "charges of " + a.partners[p].id + " before caps");
        if (c.charge[p] > c.before_caps[p]) check.broken("a cap raised a charge");
        charged += c.charge[p];
    }
    check.expect_equal(cut, c.unallocated, "cap excesses against unallocated");
    check.expect_equal(r.unallocated, c.unallocated, "unallocated");
    if (r.unallocated.is_negative()) check.broken("unallocated is negative");
    check.expect_equal(charged + r.unallocated, r.total_outturn,
                       "charges + unallocated against outturn");
    check.expect_equal(r.carried_forward, Money{}, "carried forward");
    check.expect_equal(r.opening_balance, Money{}, "opening balance");

    // Partners: every figure follows from its definition.
    const std::vector<Money> contributions = a.partner_contributions();
    Money shares;
    for (std::size_t p = 0; p < n; ++p) {
        const PartnerSettlement& ps = r.partners[p];
        const std::string id = "partner " + a.partners[p].id;
        check.expect_equal(ps.contribution, contributions[p], id + " contribution");
        check.expect_equal(ps.final_share, c.charge[p], id + " final share (its charge)");
        check.expect_equal(ps.risk_share, ps.final_share - ps.contribution, id + " risk share");
        shares += ps.risk_share;
        if (p == host) {
            for (Money x : {ps.paid, ps.direct_spend, ps.balance, ps.payments, ps.outstanding,
                            ps.settled, ps.at_year_end})
                check.expect_equal(x, Money{}, "the host's paid, direct spend and balance");
            continue;
        }
        check.expect_equal(ps.direct_spend, r.ledger_spend[p], id + " direct spend");
        check.expect_equal(ps.balance, ps.final_share - ps.direct_spend - ps.paid, id + " balance");
        check.expect_equal(ps.outstanding, ps.paid - ps.payments, id + " outstanding");
    }
    // SPEC §7 with no pool: Σ risk shares + unallocated − carried forward (0) = Σ variances −
    // opening balance (0).
    check.expect_equal(shares + r.unallocated, r.total_variance,
                       "risk shares + unallocated against the variance");

    // Transfers: each non-host partner's non-zero balance, once, with the host, positive; after
    // them the host has borne its own charge and the unallocated amount, no more and no less.
    Money host_cost = r.ledger_spend[host] - check_transfers(a, r, check.statement);
    for (std::size_t p = 0; p < n; ++p)
        if (p != host) host_cost -= r.partners[p].paid + r.partners[p].settled;
    check.expect_equal(host_cost, r.partners[host].final_share + r.unallocated,
                       "what the host bears against its charge + unallocated");
}

} // namespace poolkit
