// Reading [risk_share] (SPEC §3, §7): the basis, the overspend and underspend rules, the caps and
// the overspend tiers; and the rules a scheme's own risk_share holds.
#include "readers/agreement_sections.hpp"

#include "model/contributions.hpp"

#include <fmt/format.h>

namespace poolkit {

namespace {

// A split { PARTNER = "50%", ... } summing to exactly 100%.
std::optional<std::vector<std::pair<PartnerIndex, Rational>>>
split(AgreementDraft& d, const toml::node& n, const std::string& what) {
    const toml::table* t =
        d.r.table(n, "the split of " + what, R"({ ICB = "50%", BRISTOL = "50%" })");
    if (!t) return std::nullopt;
    std::vector<std::pair<PartnerIndex, Rational>> out;
    bool ok = true;
    Rational sum = 0;
    for (auto [k, v] : in_file_order(*t)) {
        auto p = d.partner_ref(k->str(), d.r.at(*k), "the split of " + what);
        auto pc =
            d.r.percent(*v, fmt::format("the share of {} in the split of {}", k->str(), what));
        if (pc && *pc < 0) {
            d.r.error(
                *v, fmt::format("the share of {} in the split of {} is negative", k->str(), what));
            pc.reset();
        }
        if (!p || !pc) {
            ok = false;
            continue;
        }
        sum += *pc;
        out.push_back({*p, *pc});
    }
    if (!ok) return std::nullopt;
    if (sum != 1) {
        d.r.error(*t, fmt::format("the split of {} sums to {}", what, percent_sum_phrase(sum)));
        return std::nullopt;
    }
    return out;
}

} // namespace

// An overspend or underspend rule: a name, or { split = { ... } }.
std::optional<ShareRule> read_share_rule(AgreementDraft& d, const toml::node& n, bool underspend,
                                         const std::string& what) {
    ShareRule r;
    r.where = d.r.at(n);
    if (auto name = n.as_string()) {
        // The two sides name "in proportion to contributions" differently (SPEC §3).
        const std::string& v = name->get();
        if (underspend && overspend_rules.parse(v) == RuleKind::contributions) {
            d.r.error(n, fmt::format("{} is \"{}\", an overspend rule: an underspend returned in "
                                     "proportion to contributions is \"{}\"",
                                     what, v, underspend_rules.keyword(RuleKind::contributions)));
            return std::nullopt;
        }
        if (!underspend && underspend_rules.parse(v) && !overspend_rules.parse(v)) {
            d.r.error(n, fmt::format("{} is \"{}\", an underspend rule: an overspend shared in "
                                     "proportion to contributions is \"{}\"",
                                     what, v, overspend_rules.keyword(RuleKind::contributions)));
            return std::nullopt;
        }
        auto kind = underspend ? d.r.choice(n, what, underspend_rules)
                               : d.r.choice(n, what, overspend_rules);
        if (!kind) return std::nullopt;
        r.kind = *kind;
        return r;
    }
    if (const toml::table* t = n.as_table()) {
        d.r.check_keys(*t, {"split"}, what);
        const toml::node* sp = t->get("split");
        if (!sp) {
            d.r.missing(*t, "split", what);
            return std::nullopt;
        }
        auto parts = split(d, *sp, what);
        if (!parts) return std::nullopt;
        r.kind = RuleKind::split;
        r.split = std::move(*parts);
        return r;
    }
    d.r.error(n, fmt::format("{} must be a rule name or {{ split = {{ ... }} }}, not {}", what,
                             toml_type_phrase(n)));
    return std::nullopt;
}

void read_risk_share(AgreementDraft& d) {
    const toml::node* n = d.root.get("risk_share");
    if (!n) return;
    const toml::table* t = d.table_of(*n, "risk_share");
    if (!t) return;
    d.risk_table = t;
    RiskShare rs;
    rs.where = d.r.at(*t);
    const std::string ctx = "[risk_share]";
    // A joint budget's [risk_share] holds only caps: check_joint reports any other key, once.
    const bool joint = d.kind_ok && d.a.kind == AgreementKind::joint;
    if (!joint)
        d.r.check_keys(*t, {"basis", "overspend", "underspend", "cap", "overspend_tier"}, ctx);
    if (const toml::node* b = joint ? nullptr : t->get("basis"))
        if (auto basis = d.r.choice(*b, "'basis' of [risk_share]", risk_bases)) rs.basis = *basis;
    rs.overspend.where = rs.where;
    rs.underspend.where = rs.where;
    if (const toml::node* o = joint ? nullptr : t->get("overspend")) {
        d.overspend_node = o;
        if (auto r = read_share_rule(d, *o, false, "the overspend rule of [risk_share]"))
            rs.overspend = *r;
    }
    if (const toml::node* u = joint ? nullptr : t->get("underspend"))
        if (auto r = read_share_rule(d, *u, true, "the underspend rule of [risk_share]"))
            rs.underspend = *r;
    rs.caps.assign(d.a.partners.size(), std::nullopt);
    if (const toml::node* c = t->get("cap")) {
        if (const toml::table* ct = c->as_table()) {
            for (auto [k, v] : in_file_order(*ct)) {
                auto p = d.partner_ref(k->str(), d.r.at(*k), "'cap' of [risk_share]");
                auto m = d.r.money(*v, fmt::format("the cap of {}", k->str()));
                if (m && m->is_negative()) {
                    d.r.error(*v, fmt::format("the cap of {} is negative; a cap is the most a "
                                              "partner bears, zero or more",
                                              k->str()));
                    m.reset();
                }
                if (p && m) rs.caps[to_size(*p)] = *m;
            }
        } else {
            d.r.error(*c, fmt::format("'cap' of [risk_share] must be a table such as {{ "
                                      "NSOMERSET = \"250000.00\" }}, not {}",
                                      toml_type_phrase(*c)));
        }
    }
    if (const toml::node* tn = joint ? nullptr : t->get("overspend_tier")) {
        auto tables = d.tables_of(*tn, "overspend_tier", "risk_share.overspend_tier");
        d.first_tier = tables.empty() ? nullptr : tables.front();
        for (std::size_t i = 0; i < tables.size(); ++i) {
            const toml::table& tt = *tables[i];
            const std::string what = fmt::format("overspend tier {}", i + 1);
            d.r.check_keys(tt, {"upto", "rule", "split"}, what);
            Tier tier;
            tier.where = d.r.at(tt);
            tier.rule.where = tier.where;
            if (const toml::node* u = tt.get("upto")) {
                tier.upto = d.r.money(*u, "'upto' of " + what);
                if (tier.upto && !tier.upto->is_positive()) {
                    d.r.error(*u, fmt::format("'upto' of {} must be more than zero", what));
                    tier.upto.reset();
                }
                if (tier.upto) {
                    for (std::size_t j = i; j-- > 0;) {
                        const auto& prev = rs.overspend_tiers[j].upto;
                        if (!prev) continue;
                        if (*tier.upto <= *prev)
                            d.r.error(*u, fmt::format("'upto' of {} ({}) is not above that of "
                                                      "tier {} ({}): tiers must be in ascending "
                                                      "order of their cumulative bound",
                                                      what, format_display(*tier.upto), j + 1,
                                                      format_display(*prev)));
                        break;
                    }
                }
            } else if (i + 1 < tables.size()) {
                d.r.error(tt, fmt::format("{} of {} has no 'upto': only the last tier may leave "
                                          "it out (it takes the rest)",
                                          what, tables.size()));
            }
            const toml::node* rn = tt.get("rule");
            const toml::node* sn = tt.get("split");
            if (rn && sn) {
                d.r.error(*sn, fmt::format("{} has both 'rule' and 'split': give one", what));
            } else if (rn) {
                if (auto kind = d.r.choice(*rn, "the rule of " + what, tier_rules)) {
                    tier.rule.kind = *kind;
                    tier.rule.where = d.r.at(*rn);
                }
            } else if (sn) {
                if (auto parts = split(d, *sn, what)) {
                    tier.rule.kind = RuleKind::split;
                    tier.rule.split = std::move(*parts);
                    tier.rule.where = d.r.at(*sn);
                }
            } else {
                d.r.error(tt, fmt::format("{} has neither 'rule' nor 'split': say how its slice "
                                          "of the overspend is shared",
                                          what));
            }
            rs.overspend_tiers.push_back(std::move(tier));
        }
    }
    d.a.risk_share = std::move(rs);
}

} // namespace poolkit
