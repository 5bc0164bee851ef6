// Agreements for the settlement tests (risk_share_test, settlement_test, memorandum_test), written
// as agreement files and loaded; a test varies the risk share of its copy to state its case.
#pragma once

#include "loaded_agreement.hpp"
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
// the SPEC §3 default risk share (basis pool, contributions, return) unless aligned; written as the
// agreement file and loaded, so it is one the loader accepts. Phasing is even (SPEC §2).
inline Agreement make_agreement(const std::vector<std::string>& partners,
                                const std::vector<SchemeSpec>& schemes,
                                std::optional<std::size_t> host,
                                AgreementKind kind = AgreementKind::pooled) {
    std::string t = "[agreement]\nid = \"TEST\"\ntitle = \"Test pool\"\nkind = \"";
    t += agreement_kinds.keyword(kind);
    t += "\"\nlegal_basis = \"NHS Act 2006 s65Z5\"\nfinancial_year = \"2025-26\"\n";
    if (host) t += "host = \"" + partners[*host] + "\"\n";
    for (const auto& id : partners)
        t += "\n[[partner]]\nid = \"" + id + "\"\nname = \"" + id + " name\"\nsector = \"nhs\"\n";
    for (const auto& spec : schemes) {
        std::int64_t budget = 0;
        std::string contributions;
        for (std::size_t p = 0; p < spec.contributions.size(); ++p) {
            budget += spec.contributions[p];
            contributions += (p ? ", " : "") + partners[p] + " = \"" +
                             format_plain(pence(spec.contributions[p])) + "\"";
        }
        t += "\n[[scheme]]\nid = \"" + spec.id + "\"\nname = \"" + spec.id + " name\"\n";
        t += "budget = \"" + format_plain(pence(budget)) + "\"\n";
        if (spec.lead) t += "lead = \"" + partners[*spec.lead] + "\"\n";
        t += "contributions = { " + contributions + " }\n";
    }
    if (kind == AgreementKind::pooled)
        t += "\n[risk_share]\nbasis = \"pool\"\noverspend = \"contributions\"\n"
             "underspend = \"return\"\n";
    if (kind == AgreementKind::joint) t += "\n[risk_share]\ncap = {}\n";
    Agreement a = loaded_agreement(t);
    a.file = "test.toml";
    return a;
}

inline ShareRule rule(RuleKind k) {
    return ShareRule{k, {}, {}};
}

inline ShareRule split(const std::vector<std::pair<std::size_t, Rational>>& parts) {
    ShareRule r{RuleKind::split, {}, {}};
    for (const auto& [p, f] : parts)
        r.split.emplace_back(PartnerIndex{p}, f);
    return r;
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
