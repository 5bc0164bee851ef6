#include "model/agreement.hpp"

#include <span>

namespace poolkit {

const char* kind_name(AgreementKind k) {
    return agreement_kinds.keyword(k).data();
}

const char* sector_name(Sector s) {
    return sectors.keyword(s).data();
}

const char* schedule_name(PaymentSchedule s) {
    return payment_schedules.keyword(s).data();
}

const Keyword<RuleKind>& rule_entry(RuleKind k, bool underspend) {
    // Spans: the two tables may differ in length.
    using Entries = std::span<const Keyword<RuleKind>>;
    const Entries over = overspend_rules.entries, under = underspend_rules.entries;
    const Entries side = underspend ? under : over, other = underspend ? over : under;
    for (const auto& e : side)
        if (e.value == k) return e;
    for (const auto& e : other)
        if (e.value == k) return e;
    static const Keyword<RuleKind> unknown{RuleKind::contributions, "?", "?", "?", "?"};
    return unknown;
}

const char* rule_name(RuleKind k, bool underspend) {
    return rule_entry(k, underspend).keyword.data();
}

const char* recharge_name(Recharge r) {
    return recharges.keyword(r).data();
}

const char* basis_name(RiskBasis b) {
    return risk_bases.keyword(b).data();
}

std::string partner_label(const Partner& p) {
    return p.name + " (" + p.id + ")";
}

std::optional<PartnerIndex> Agreement::partner_index(std::string_view pid) const {
    for (std::size_t i = 0; i < partners.size(); ++i)
        if (partners[i].id == pid) return PartnerIndex{i};
    return std::nullopt;
}

std::optional<SchemeIndex> Agreement::scheme_index(std::string_view sid) const {
    for (std::size_t i = 0; i < schemes.size(); ++i)
        if (schemes[i].id == sid) return SchemeIndex{i};
    return std::nullopt;
}

Money Agreement::total_budget() const {
    Money t;
    for (const auto& s : schemes)
        t += s.budget;
    return t;
}

std::vector<Money> Agreement::partner_contributions() const {
    std::vector<Money> out(partners.size());
    for (const auto& s : schemes)
        for (std::size_t p = 0; p < partners.size() && p < s.contributions.size(); ++p)
            out[p] += s.contributions[p];
    return out;
}

std::optional<RiskShare> effective_risk_share(const Agreement& a) {
    if (a.kind != AgreementKind::pooled) return std::nullopt;
    if (a.risk_share) return a.risk_share;
    return RiskShare{}; // SPEC §7: basis pool, contributions both ways (RiskShare's defaults)
}

bool risk_share_is_default(const Agreement& a) {
    return a.kind == AgreementKind::pooled && !a.risk_share;
}

} // namespace poolkit
