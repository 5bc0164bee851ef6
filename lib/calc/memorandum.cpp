#include "calc/memorandum.hpp"

#include "money/allocation.hpp"

#include <algorithm>
#include <string>

namespace poolkit {

namespace {

void expect_equal(Money got, Money want, const std::string& what) {
    if (got != want)
        throw Error(ErrorKind::invariant, "memorandum account does not add up: " + what + ": " +
                                              format_plain(got) + " where " + format_plain(want) +
                                              " was expected");
}

} // namespace

Memorandum memorandum(const Agreement& a, const Actuals& actuals, const SettlementResult& r) {
    const std::size_t n = a.partners.size(), m = a.schemes.size();
    if (r.partners.size() != n || r.schemes.size() != m || actuals.partners() != n ||
        actuals.schemes() != m)
        throw Error(ErrorKind::invariant, "memorandum: settlement not shaped to agreement " + a.id);

    Memorandum out;
    MemorandumAccount& acc = out.account;
    acc.opening_balance = r.opening_balance;
    for (const auto& ps : r.partners) {
        acc.contributions.push_back(ps.contribution);
        acc.total_contributions += ps.contribution;
        acc.allocation.push_back(ps.risk_share);
    }
    for (const auto& so : r.schemes) {
        acc.expenditure_by_scheme.push_back(so.outturn);
        acc.total_expenditure += so.outturn;
    }
    acc.expenditure_by_ledger = r.ledger_spend;
    acc.other_income = actuals.total_income_to(Period::count);
    acc.gross_expenditure = acc.total_expenditure + acc.other_income;
    acc.surplus = acc.total_contributions - acc.total_expenditure;
    acc.opening_applied = r.risk.opening_applied;
    acc.underspend_carried = r.risk.underspend_carried;
    acc.carried_forward = r.carried_forward;
    acc.unallocated = r.unallocated;
    acc.closing_balance = acc.opening_balance + acc.surplus;
    for (Money x : acc.allocation)
        acc.closing_balance += x;

    Money by_ledger;
    for (Money x : acc.expenditure_by_ledger)
        by_ledger += x;
    expect_equal(by_ledger, acc.total_expenditure, "expenditure by ledger against by scheme");
    expect_equal(acc.closing_balance, acc.carried_forward - acc.unallocated,
                 "closing balance against carried forward - unallocated");
    expect_equal(acc.closing_balance, r.pool_closing, "closing balance against the pool");
    expect_equal(acc.opening_balance - acc.opening_applied + acc.underspend_carried -
                     acc.unallocated,
                 acc.closing_balance, "movement on the balance against the closing balance");

    // The movement in the pool's balance, attributed pro rata to contributions (equally when
    // nobody contributed anything, so that the shares still add up).
    Money movement = acc.closing_balance - acc.opening_balance;
    std::vector<Money> weights = acc.contributions;
    if (std::all_of(weights.begin(), weights.end(), [](Money w) { return w.is_zero(); }))
        std::fill(weights.begin(), weights.end(), Money::from_pence(1));
    std::vector<Money> moved =
        n ? allocate(movement, std::span<const Money>(weights)) : std::vector<Money>{};

    Money spent, surplus, reserve;
    for (std::size_t p = 0; p < n; ++p) {
        PartnerNote note;
        note.funding_provided = r.partners[p].contribution;
        note.reserve_movement = moved[p];
        note.expenditure_share = r.partners[p].final_share - moved[p];
        note.surplus_share = note.funding_provided - note.expenditure_share;
        note.risk_share = note.reserve_movement - note.surplus_share;
        expect_equal(note.risk_share, r.partners[p].risk_share,
                     "partner " + a.partners[p].id + "'s note against its risk share");
        spent += note.expenditure_share;
        surplus += note.surplus_share;
        reserve += note.reserve_movement;
        out.notes.push_back(note);
    }
    if (n) {
        expect_equal(spent, acc.total_expenditure, "partners' shares of expenditure");
        expect_equal(surplus, acc.surplus, "partners' shares of the surplus (deficit)");
        expect_equal(reserve, movement, "partners' shares of the movement on the balance");
    }
    return out;
}

} // namespace poolkit
