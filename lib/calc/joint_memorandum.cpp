#include "calc/joint_memorandum.hpp"

#include "calc/identity_check.hpp"

#include <string>

namespace poolkit {

namespace {

constexpr IdentityChecks check{"recharge statement"};

} // namespace

JointMemorandum joint_memorandum(const Agreement& a, const SettlementResult& r) {
    const std::size_t n = a.partners.size();
    if (a.kind != AgreementKind::joint || r.kind != AgreementKind::joint || !a.host ||
        r.partners.size() != n || r.ledger_spend.size() != n ||
        r.schemes.size() != a.schemes.size())
        throw Error(ErrorKind::invariant,
                    "recharge statement: not a joint settlement of agreement " + a.id);
    const std::size_t host = to_size(*a.host);
    JointMemorandum out;
    RechargeStatement& st = out.statement;
    for (const auto& so : r.schemes) {
        st.expenditure_by_scheme.push_back(so.outturn);
        st.total_expenditure += so.outturn;
    }
    st.expenditure_by_ledger = r.ledger_spend;
    st.income.assign(n, Money{});
    for (std::size_t p = 0; p < n; ++p) {
        const PartnerSettlement& ps = r.partners[p];
        RechargeNote note;
        note.contribution = ps.contribution;
        note.charge = ps.final_share;
        if (p != host) {
            note.own_spend = ps.direct_spend;
            note.recharged = ps.final_share - ps.direct_spend;
            st.partners_expenditure += ps.direct_spend;
            st.income[p] = note.recharged;
            st.total_income += note.recharged;
        }
        out.notes.push_back(note);
    }
    st.host_expenditure = st.total_expenditure - st.partners_expenditure;
    st.host_charge = r.partners[host].final_share;
    st.unallocated = r.unallocated;
    st.net_cost = st.host_expenditure - st.total_income;

    Money by_ledger;
    for (Money x : st.expenditure_by_ledger)
        by_ledger += x;
    check.expect_equal(by_ledger, st.total_expenditure, "expenditure by ledger against by scheme");
    check.expect_equal(st.host_expenditure, r.ledger_spend[host], "the host's own expenditure");
    check.expect_equal(st.net_cost, st.host_charge + st.unallocated,
                       "net cost to the host against its charge + unallocated");
    return out;
}

} // namespace poolkit
