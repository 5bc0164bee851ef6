#include "calc/settlement.hpp"

#include "calc/identity_check.hpp"
#include "calc/joint_settlement.hpp"
#include "calc/scheme_term_spend.hpp"

#include <string>

namespace poolkit {

namespace {

constexpr int year_end = Period::count; // periods elapsed at the end of the year

constexpr IdentityChecks check{"settlement"};

} // namespace

Money check_transfers(const Agreement& a, const SettlementResult& r, std::string_view statement) {
    const std::size_t n = a.partners.size(), host = to_size(*a.host);
    std::vector<Money> settled(n);
    Money in_out;
    for (const Transfer& t : r.transfers) {
        if (!t.amount.is_positive())
            identity_broken(statement, "a transfer of a non-positive amount");
        if (t.from == host && t.to != host && t.to < n) {
            settled[t.to] -= t.amount;
            in_out -= t.amount;
        } else if (t.to == host && t.from != host && t.from < n) {
            settled[t.from] += t.amount;
            in_out += t.amount;
        } else {
            identity_broken(statement,
                            "a transfer that is not between the host and another partner");
        }
    }
    // Each settles what its settlement rows have not already settled (SPEC §7).
    for (std::size_t p = 0; p < n; ++p)
        if (p != host)
            expect_identity(settled[p], r.partners[p].balance - r.partners[p].settled, statement,
                            "transfers of partner " + a.partners[p].id +
                                " against its balance less what it has settled");
    return in_out;
}

void add_settling_transfer(SettlementResult& r, std::size_t p, std::size_t host) {
    const Money left = r.partners[p].balance - r.partners[p].settled;
    if (left.is_positive())
        r.transfers.push_back({p, host, left});
    else if (left.is_negative())
        r.transfers.push_back({host, p, -left});
}

SettlementResult settle(const Agreement& a, const Actuals& actuals,
                        const std::vector<Money>* paid) {
    const std::size_t n = a.partners.size();
    if (!paid) return settle(a, actuals, static_cast<const CashRegister*>(nullptr));
    if (paid->size() != n)
        throw Error(ErrorKind::usage, "settlement: " + std::to_string(paid->size()) +
                                          " paid amounts for " + std::to_string(n) + " partners");
    if (a.kind == AgreementKind::aligned)
        throw Error(ErrorKind::usage,
                    "agreement " + a.id +
                        " is an aligned budget: no contributions are paid to a host, so there is "
                        "nothing paid to settle (leave out the paid amounts)");
    if (a.kind == AgreementKind::joint)
        throw Error(ErrorKind::usage,
                    "agreement " + a.id +
                        " is a joint budget: its partners pay the host's invoices, not "
                        "contributions, so there are no contributions paid to give (leave out the "
                        "paid amounts; what was invoiced and paid belongs in a cash register, "
                        "SPEC §10)");
    const CashRegister cash = paid_register(a, *paid, "--paid");
    SettlementResult r = settle(a, actuals, &cash);
    r.cash = CashSource::paid_file;
    return r;
}

SettlementResult settle(const Agreement& a, const Actuals& actuals, const CashRegister* cash) {
    const std::size_t n = a.partners.size(), m = a.schemes.size();
    if (actuals.partners() != n || actuals.schemes() != m)
        throw Error(ErrorKind::invariant,
                    "settlement: the actuals are not shaped to agreement " + a.id);
    if (cash && cash->partners() != n)
        throw Error(ErrorKind::invariant,
                    "settlement: the cash register is not shaped to agreement " + a.id);
    if (cash && a.kind == AgreementKind::aligned)
        throw Error(ErrorKind::usage,
                    "agreement " + a.id +
                        " is an aligned budget: no money moves between the partners (SPEC §1), "
                        "so there is no cash register to settle with (leave it out)");
    if (a.kind != AgreementKind::aligned && !a.host)
        throw Error(ErrorKind::input, SourceLocation{a.file, 0, 0},
                    std::string("a ") + kind_name(a.kind) +
                        " agreement needs a host to settle with: add `host` to [agreement]");

    SettlementResult r;
    r.kind = a.kind;
    if (cash) r.cash = CashSource::cash_register;
    r.opening_balance = a.opening_balance;
    std::vector<Money> variances(m);
    for (std::size_t s = 0; s < m; ++s) {
        SchemeOutturn so;
        so.budget = a.schemes[s].budget;
        so.outturn = actuals.scheme_to(SchemeIndex{s}, year_end);
        so.variance = so.outturn - so.budget;
        variances[s] = so.variance;
        r.total_budget += so.budget;
        r.total_outturn += so.outturn;
        r.total_variance += so.variance;
        r.schemes.push_back(so);
    }
    r.ledger_spend.resize(n);
    for (std::size_t p = 0; p < n; ++p)
        r.ledger_spend[p] = actuals.partner_to(PartnerIndex{p}, year_end);
    r.outside_term = spend_outside_term(a, actuals, Period::last()); // SPEC §14: a finding

    const std::vector<Money> contributions = a.partner_contributions();
    r.partners.resize(n);

    if (a.kind == AgreementKind::aligned) {
        // Each partner bears its own variance; no money moves (see the header).
        r.risk.basis = RiskBasis::scheme;
        r.risk.variance = r.risk.shared = r.total_variance;
        r.risk.opening_balance = a.opening_balance;
        r.risk.shares.resize(n);
        r.risk.overspend_shares.resize(n);
        r.risk.underspend_shares.resize(n);
        for (std::size_t p = 0; p < n; ++p) {
            PartnerSettlement& ps = r.partners[p];
            ps.contribution = contributions[p];
            ps.direct_spend = r.ledger_spend[p];
            ps.risk_share = ps.direct_spend - ps.contribution;
            ps.final_share = ps.contribution + ps.risk_share;
            ps.paid = Money{};
            ps.balance = ps.final_share - ps.paid - ps.direct_spend;
            r.risk.shares[p] = ps.risk_share;
            (ps.risk_share.is_positive() ? r.risk.overspend_shares[p]
                                         : r.risk.underspend_shares[p]) = ps.risk_share;
        }
        r.risk.carried_forward = a.opening_balance;
        r.carried_forward = a.opening_balance;
        r.pool_closing = a.opening_balance;
        check_settlement(a, actuals, r);
        return r;
    }

    if (a.kind == AgreementKind::joint) {
        // No pool and no risk share: each partner's charge (calc/joint_settlement.hpp).
        settle_joint(a, actuals, r, cash);
        check_settlement(a, actuals, r);
        return r;
    }
    r.risk = share_risk(a, variances); // the effective risk share (SPEC §7)
    r.carried_forward = r.risk.carried_forward;
    r.unallocated = r.risk.unallocated;

    const std::size_t host = to_size(*a.host);
    for (std::size_t p = 0; p < n; ++p) {
        PartnerSettlement& ps = r.partners[p];
        ps.contribution = contributions[p];
        ps.risk_share = r.risk.shares[p];
        ps.final_share = ps.contribution + ps.risk_share;
        // The year's register rows (SPEC §7, §10); without a register, paid as due.
        ps.paid = cash ? contributions_paid(a, *cash, p, Period::last(), ps.contribution)
                       : ps.contribution;
        ps.direct_spend = p == host ? Money{} : r.ledger_spend[p];
        if (cash && p != host) {
            ps.reimbursed = reimbursed_to(*cash, p, Period::last());
            ps.settled = settled(*cash, p);
        }
        ps.balance = ps.final_share - ps.paid - ps.direct_spend + ps.reimbursed;
        if (p == host) continue;
        // At 31 March the cash dated after it had not moved yet (SPEC §7, §10).
        ps.at_year_end = ps.balance - ps.settled;
        if (cash)
            ps.at_year_end += after_year_end(a, *cash, CashKind::contribution, p) -
                              after_year_end(a, *cash, CashKind::reimbursement, p) +
                              after_year_end(a, *cash, CashKind::settlement, p);
        add_settling_transfer(r, p, host);
    }

    // What the pool holds after the transfers (the host keeps the pool's money):
    //     opening balance
    //   + contributions paid by every partner, the host's own included
    //   + transfers to the host − transfers from the host (each non-host partner's balance, which
    //     already nets off the reimbursement of its direct spend)
    //   − reimbursements the host has paid out, + settlement rows (+ paid in, − paid out)
    //   + the host's own balance (final share − paid: the host settles it within its own books,
    //     from its own funds into the pool or back, so it is not a transfer)
    //   − the spend in the host's ledger (the pool's own spending; spend in other ledgers is met
    //     through the reimbursements and the transfers).
    // The transfers are Σ (balance_p − settled_p), so the settlement rows cancel; substituting
    // balance_p = final_share_p − paid_p − direct_spend_p + reimbursed_p and Σ final_share =
    // Σ budget + Σ risk_share, this is opening balance − variance + Σ risk_share, which by the
    // risk-share identity (Σ risk_share − carried_forward + unallocated = variance − opening
    // balance) is exactly carried_forward − unallocated (SPEC §7). check_settlement checks both.
    Money pool = a.opening_balance;
    for (std::size_t p = 0; p < n; ++p)
        pool += r.partners[p].paid - r.partners[p].reimbursed + r.partners[p].settled;
    for (const Transfer& t : r.transfers)
        pool += t.to == host ? t.amount : -t.amount;
    pool += r.partners[host].balance;
    pool -= r.ledger_spend[host];
    r.pool_closing = pool;

    check_settlement(a, actuals, r);
    return r;
}

void check_settlement(const Agreement& a, const Actuals& actuals, const SettlementResult& r) {
    const std::size_t n = a.partners.size(), m = a.schemes.size();
    if (r.schemes.size() != m || r.partners.size() != n || r.ledger_spend.size() != n ||
        (a.kind != AgreementKind::joint && r.risk.shares.size() != n))
        check.broken("results not shaped to the agreement");

    // Schemes: outturn from the ledgers, variance = outturn − budget, totals add up.
    Money tb, to, tv;
    for (std::size_t s = 0; s < m; ++s) {
        const SchemeOutturn& so = r.schemes[s];
        const std::string id = "scheme " + a.schemes[s].id;
        check.expect_equal(so.budget, a.schemes[s].budget, id + " budget");
        check.expect_equal(so.outturn, actuals.scheme_to(SchemeIndex{s}, year_end),
                           id + " outturn");
        check.expect_equal(so.variance, so.outturn - so.budget, id + " variance");
        tb += so.budget;
        to += so.outturn;
        tv += so.variance;
    }
    check.expect_equal(r.total_budget, tb, "total budget");
    check.expect_equal(r.total_outturn, to, "total outturn");
    check.expect_equal(r.total_variance, tv, "total variance");
    // Every kind: the spend in each partner's ledger, which adds up to the outturn.
    Money ledgers;
    for (std::size_t p = 0; p < n; ++p) {
        check.expect_equal(r.ledger_spend[p], actuals.partner_to(PartnerIndex{p}, year_end),
                           "partner " + a.partners[p].id + " ledger spend");
        ledgers += r.ledger_spend[p];
    }
    check.expect_equal(ledgers, r.total_outturn, "spend by ledger against total outturn");
    if (a.kind == AgreementKind::joint) return check_joint_settlement(a, r);
    check.expect_equal(r.risk.variance, tv, "variance shared by the risk share");

    // Partners: every figure follows from its definition.
    const std::vector<Money> contributions = a.partner_contributions();
    Money shares, contributed;
    const bool aligned = a.kind == AgreementKind::aligned;
    for (std::size_t p = 0; p < n; ++p) {
        const PartnerSettlement& ps = r.partners[p];
        const std::string id = "partner " + a.partners[p].id;
        check.expect_equal(ps.contribution, contributions[p], id + " contribution");
        contributed += ps.contribution;
        check.expect_equal(ps.risk_share, r.risk.shares[p], id + " risk share");
        shares += ps.risk_share;
        check.expect_equal(ps.final_share, ps.contribution + ps.risk_share, id + " final share");
        const bool is_host = a.is_host(PartnerIndex{p});
        check.expect_equal(ps.direct_spend, is_host && !aligned ? Money{} : r.ledger_spend[p],
                           id + " direct spend");
        check.expect_equal(ps.balance, ps.final_share - ps.paid - ps.direct_spend + ps.reimbursed,
                           id + " balance");
    }
    check.expect_equal(contributed, r.total_budget, "contributions against total budget");

    // SPEC §7: risk shares + underspend carried forward + unallocated = the variance being shared
    // (the net variance less the opening balance, whose unapplied part is carried forward).
    if (r.unallocated.is_negative()) check.broken("unallocated is negative");
    check.expect_equal(r.carried_forward, r.risk.carried_forward, "carried forward");
    check.expect_equal(r.unallocated, r.risk.unallocated, "unallocated");
    check.expect_equal(
        shares - r.carried_forward + r.unallocated, r.total_variance - r.opening_balance,
        "risk shares - carried forward + unallocated against variance - opening balance");

    // Transfers: each non-host partner's non-zero balance, once, with the host, positive.
    if (aligned) {
        if (!r.transfers.empty()) check.broken("an aligned budget has transfers");
        for (std::size_t p = 0; p < n; ++p)
            check.expect_equal(r.partners[p].balance, Money{}, "aligned balance");
        check.expect_equal(r.pool_closing, r.opening_balance, "aligned pool");
        check.expect_equal(r.pool_closing, r.carried_forward - r.unallocated, "aligned pool");
        return;
    }
    const std::size_t host = to_size(*a.host);
    const Money in_out = check_transfers(a, r, check.statement);

    // The pool after the transfers (see settle() for why this is carried_forward − unallocated).
    Money pool = r.opening_balance + in_out + r.partners[host].balance - r.ledger_spend[host];
    for (const auto& ps : r.partners)
        pool += ps.paid - ps.reimbursed + ps.settled;
    check.expect_equal(r.pool_closing, pool, "what the pool holds");
    check.expect_equal(pool, r.carried_forward - r.unallocated,
                       "what the pool holds against carried forward - unallocated");
}

} // namespace poolkit
