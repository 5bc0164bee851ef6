#include "model/agreement.hpp"

namespace poolkit {

const char* kind_name(AgreementKind k) {
    switch (k) {
    case AgreementKind::pooled:
        return "pooled";
    case AgreementKind::aligned:
        return "aligned";
    case AgreementKind::joint:
        return "joint";
    }
    return "?";
}

const char* sector_name(Sector s) {
    switch (s) {
    case Sector::nhs:
        return "nhs";
    case Sector::local_authority:
        return "local_authority";
    case Sector::other:
        return "other";
    }
    return "?";
}

const char* schedule_name(PaymentSchedule s) {
    switch (s) {
    case PaymentSchedule::monthly:
        return "monthly";
    case PaymentSchedule::quarterly_in_advance:
        return "quarterly-in-advance";
    case PaymentSchedule::annual_in_advance:
        return "annual-in-advance";
    }
    return "?";
}

const char* rule_name(RuleKind k, bool underspend) {
    switch (k) {
    case RuleKind::contributions:
        return underspend ? "return" : "contributions";
    case RuleKind::lead:
        return "lead";
    case RuleKind::host:
        return "host";
    case RuleKind::split:
        return "split";
    case RuleKind::tiers:
        return "tiers";
    case RuleKind::carry_forward:
        return "carry-forward";
    }
    return "?";
}

const char* recharge_name(Recharge r) {
    return r == Recharge::fixed ? "fixed" : "actual";
}

const char* basis_name(RiskBasis b) {
    switch (b) {
    case RiskBasis::pool:
        return "pool";
    case RiskBasis::scheme:
        return "scheme";
    case RiskBasis::offset:
        return "offset";
    }
    return "?";
}

std::optional<std::size_t> Agreement::partner_index(std::string_view pid) const {
    for (std::size_t i = 0; i < partners.size(); ++i)
        if (partners[i].id == pid) return i;
    return std::nullopt;
}

std::optional<std::size_t> Agreement::scheme_index(std::string_view sid) const {
    for (std::size_t i = 0; i < schemes.size(); ++i)
        if (schemes[i].id == sid) return i;
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
