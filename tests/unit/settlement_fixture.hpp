// Hand-built agreements for the settlement tests (risk_share_test, settlement_test,
// memorandum_test): the loader's job done by hand, contributions and phasing filled in.
#pragma once

#include "model/actuals.hpp"
#include "model/agreement.hpp"
#include "money/allocation.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace poolkit::test {

inline Money pence(std::int64_t p) {
    return Money::from_pence(p);
}

struct SchemeSpec {
    std::string id;
    std::vector<std::int64_t> contributions; // pence per partner; the budget is their sum
    std::optional<std::size_t> lead = std::nullopt;
};

// An agreement of `kind` with the given partners and schemes, host `host` (none for aligned), and
// the SPEC §3 default risk share (basis pool, contributions, return) unless aligned.
inline Agreement make_agreement(const std::vector<std::string>& partners,
                                const std::vector<SchemeSpec>& schemes,
                                std::optional<std::size_t> host,
                                AgreementKind kind = AgreementKind::pooled) {
    Agreement a;
    a.file = "test.toml";
    a.id = "TEST";
    a.title = "Test pool";
    a.kind = kind;
    a.host = host;
    for (const auto& id : partners)
        a.partners.push_back(Partner{id, id + " name", {}, {}});
    for (const auto& spec : schemes) {
        Scheme s;
        s.id = spec.id;
        s.name = spec.id + " name";
        s.lead = spec.lead;
        for (auto c : spec.contributions) {
            s.contributions.push_back(pence(c));
            s.budget += pence(c);
        }
        std::vector<Rational> even(Period::count, Rational(1));
        auto phased = allocate(s.budget, std::span<const Rational>(even));
        for (Period m : Period::all())
            s.phased[m] = phased[m.index()];
        a.schemes.push_back(std::move(s));
    }
    if (kind != AgreementKind::aligned) a.risk_share = RiskShare{};
    return a;
}

inline ShareRule rule(RuleKind k) {
    return ShareRule{k, {}, {}};
}

inline ShareRule split(std::vector<std::pair<std::size_t, Rational>> parts) {
    return ShareRule{RuleKind::split, std::move(parts), {}};
}

// Actuals with each (partner ledger, scheme) full-year amount booked in P12 (the period does not
// matter to the settlement).
struct Spend {
    std::size_t partner, scheme;
    std::int64_t pence;
};
inline Actuals make_actuals(const Agreement& a, const std::vector<Spend>& spend) {
    Actuals act(a.partners.size(), a.schemes.size());
    for (const auto& s : spend)
        act.add(PartnerIndex{s.partner}, SchemeIndex{s.scheme}, Period::last(), pence(s.pence));
    return act;
}

inline std::vector<std::int64_t> as_pence(const std::vector<Money>& xs) {
    std::vector<std::int64_t> out;
    for (Money m : xs)
        out.push_back(m.pence());
    return out;
}
using P = std::vector<std::int64_t>;

} // namespace poolkit::test
