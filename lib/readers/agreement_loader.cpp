#include "readers/agreement_loader.hpp"

#include "model/contributions.hpp"
#include "model/legal_basis.hpp"
#include "model/profile.hpp"
#include "readers/agreement_toml.hpp"
#include "readers/input_source.hpp"
#include "readers/sha256.hpp"
#include "readers/toml_depth.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace poolkit {

namespace {

// The entries of a table in the order they are written (toml++ keeps them sorted by key), so that
// "the second rest" or "the first partner" mean what the reader sees.
std::vector<std::pair<const toml::key*, const toml::node*>> in_file_order(const toml::table& t) {
    std::vector<std::pair<const toml::key*, const toml::node*>> out;
    for (auto&& [k, v] : t)
        out.push_back({&k, &v});
    std::stable_sort(out.begin(), out.end(), [](const auto& x, const auto& y) {
        const auto &a = x.first->source().begin, &b = y.first->source().begin;
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    return out;
}

std::string quoted_list(const std::vector<std::string>& xs) {
    std::string out;
    for (const auto& x : xs)
        out += (out.empty() ? "" : ", ") + x;
    return out;
}

class Loader {
  public:
    Loader(std::string display, const toml::table& root, Diagnostics& diags)
        : r_(std::move(display), diags), root_(root) {}

    Agreement run() {
        r_.check_keys(
            root_, {"agreement", "partner", "contributions", "scheme", "risk_share", "monitoring"},
            "the agreement file");
        read_agreement();
        read_partners();
        read_host();
        read_pool_contributions();
        read_schemes();
        read_risk_share();
        read_monitoring();
        check_kind();
        check_legal_basis();
        check_risk_share();
        resolve();
        return std::move(a_);
    }

  private:
    // ---- [agreement] ----
    void read_agreement() {
        const toml::node* n = root_.get("agreement");
        if (!n) {
            r_.diags().error(r_.at_start(), "the file has no [agreement] table: it is required "
                                            "(id, title, kind, legal_basis, financial_year)");
            return;
        }
        const toml::table* t = n->as_table();
        if (!t) {
            r_.error(*n, fmt::format("'agreement' must be a table, not {}", toml_type_phrase(*n)));
            return;
        }
        agreement_table_ = t;
        const std::string ctx = "[agreement]";
        r_.check_keys(*t,
                      {"id", "title", "kind", "legal_basis", "financial_year", "host",
                       "pooled_fund_manager", "opening_balance", "payment_schedule"},
                      ctx);
        if (auto s = r_.id(*t, "id", ctx)) a_.id = *s;
        if (auto s = r_.text(*t, "title", ctx, true)) a_.title = *s;
        if (const toml::node* k = t->get("kind")) {
            if (auto s = r_.choice(*k, "'kind' of [agreement]", {"pooled", "aligned", "joint"})) {
                a_.kind = *s == "pooled"    ? AgreementKind::pooled
                          : *s == "aligned" ? AgreementKind::aligned
                                            : AgreementKind::joint;
                kind_ok_ = true;
            }
        } else {
            r_.missing(*t, "kind", ctx);
        }
        legal_node_ = t->get("legal_basis");
        if (legal_node_) a_.legal_basis_where = r_.at(*legal_node_);
        if (auto s = r_.text(*t, "legal_basis", ctx, true)) a_.legal_basis = *s;
        if (const toml::node* y = t->get("financial_year")) {
            if (auto s = r_.string(*y, "'financial_year' of [agreement]")) {
                if (auto fy = FinancialYear::parse(*s))
                    a_.year = *fy;
                else
                    r_.error(*y, fmt::format("'financial_year' of [agreement] is \"{}\"; write the "
                                             "year as YYYY-YY, the year it starts ({} to {}) and "
                                             "the last two digits of the next: \"2025-26\" is 1 "
                                             "April 2025 to 31 March 2026",
                                             *s, FinancialYear::first_start_year,
                                             FinancialYear::last_start_year));
            }
        } else {
            r_.missing(*t, "financial_year", ctx);
        }
        host_node_ = t->get("host");
        if (auto s = r_.text(*t, "pooled_fund_manager", ctx, false)) a_.pooled_fund_manager = *s;
        if (const toml::node* o = t->get("opening_balance")) {
            opening_node_ = o;
            a_.opening_balance_where = r_.at(*o);
            if (auto m = r_.money(*o, "'opening_balance' of [agreement]")) a_.opening_balance = *m;
        }
        if (const toml::node* p = t->get("payment_schedule"))
            if (auto s = r_.choice(*p, "'payment_schedule' of [agreement]",
                                   {"monthly", "quarterly-in-advance", "annual-in-advance"}))
                a_.payment_schedule = *s == "monthly" ? PaymentSchedule::monthly
                                      : *s == "quarterly-in-advance"
                                          ? PaymentSchedule::quarterly_in_advance
                                          : PaymentSchedule::annual_in_advance;
    }

    // ---- [[partner]] ----
    // Each entry of an array of tables, or a report that `key` is not one.
    std::vector<const toml::table*> tables_of(const toml::node& n, std::string_view key,
                                              std::string_view header) {
        std::vector<const toml::table*> out;
        const toml::array* arr = n.as_array();
        if (!arr) {
            r_.error(n, fmt::format("'{}' must be an array of tables ([[{}]]), not {}", key, header,
                                    toml_type_phrase(n)));
            return out;
        }
        for (const auto& e : *arr) {
            if (const toml::table* t = e.as_table())
                out.push_back(t);
            else
                r_.error(
                    e, fmt::format("each '{}' must be a table, not {}", key, toml_type_phrase(e)));
        }
        return out;
    }

    void read_partners() {
        const toml::node* n = root_.get("partner");
        if (!n) {
            r_.diags().error(r_.at_start(), "the file has no [[partner]] tables: an agreement "
                                            "needs its partners (id, name, sector)");
            partners_complete_ = false;
            return;
        }
        auto tables = tables_of(*n, "partner", "partner");
        if (!n->as_array() || tables.size() != n->as_array()->size()) partners_complete_ = false;
        std::map<std::string, long> seen; // id -> line of its first use
        for (const toml::table* t : tables) {
            std::string ctx = "a [[partner]]";
            r_.check_keys(*t, {"id", "name", "sector"}, ctx);
            auto id = r_.id(*t, "id", ctx);
            if (!id) {
                partners_complete_ = false;
                continue;
            }
            ctx = "[[partner]] " + *id;
            const toml::node& id_node = *t->get("id");
            if (auto it = seen.find(*id); it != seen.end()) {
                r_.error(id_node, fmt::format("duplicate partner id '{}' (first used on line {}): "
                                              "partner ids must be unique",
                                              *id, it->second));
                continue;
            }
            seen[*id] = r_.at(id_node).line;
            Partner p;
            p.id = *id;
            p.where = r_.at(*t);
            if (auto s = r_.text(*t, "name", ctx, true)) p.name = *s;
            if (const toml::node* s = t->get("sector")) {
                if (auto v =
                        r_.choice(*s, "'sector' of " + ctx, {"nhs", "local_authority", "other"}))
                    p.sector = *v == "nhs"               ? Sector::nhs
                               : *v == "local_authority" ? Sector::local_authority
                                                         : Sector::other;
            } else {
                r_.missing(*t, "sector", ctx);
            }
            a_.partners.push_back(std::move(p));
        }
        if (partners_complete_ && a_.partners.size() < 2 && !tables.empty())
            r_.error(*tables.front(),
                     fmt::format("an agreement needs at least two partners; this one has {}",
                                 a_.partners.size()));
    }

    // A reference to a partner by id; reported when it names none (unless the partner list is
    // itself broken, when the reference may well be right).
    std::optional<std::size_t> partner_ref(std::string_view id, const SourceLocation& where,
                                           std::string_view what) {
        if (auto i = a_.partner_index(id)) return i;
        if (!partners_complete_) return std::nullopt;
        std::vector<std::string_view> ids;
        std::vector<std::string> names;
        for (const auto& p : a_.partners) {
            ids.push_back(p.id);
            names.push_back(p.id);
        }
        std::string hint = did_you_mean(id, ids);
        if (hint.empty()) hint = fmt::format(" (partners: {})", quoted_list(names));
        r_.diags().error(where, fmt::format("{} names the unknown partner '{}'{}", what, id, hint));
        return std::nullopt;
    }

    std::optional<std::size_t> partner_ref(const toml::node& n, std::string_view what) {
        auto s = r_.string(n, what);
        if (!s) return std::nullopt;
        return partner_ref(*s, r_.at(n), what);
    }

    void read_host() {
        if (!host_node_) return;
        host_given_ = true;
        a_.host = partner_ref(*host_node_, "'host' of [agreement]");
    }

    // ---- contributions ----
    // One contribution: "40%", an amount, or "rest".
    std::optional<ContributionTerm> term(const toml::node& v, std::size_t partner,
                                         std::string_view what) {
        ContributionTerm t;
        t.partner = partner;
        t.where = r_.at(v);
        if (auto s = v.as_string()) {
            const std::string& text = s->get();
            if (text == "rest") {
                t.form = ContributionTerm::Form::rest;
                return t;
            }
            if (!text.empty() && text.back() == '%') {
                auto p = r_.percent(v, what);
                if (!p) return std::nullopt;
                t.form = ContributionTerm::Form::percent;
                t.percent = *p;
                return t;
            }
        }
        if (!v.is_string() && !v.is_number()) {
            r_.error(v, fmt::format("{} must be a percentage (\"40%\"), an amount (\"600000.00\") "
                                    "or \"rest\", not {}",
                                    what, toml_type_phrase(v)));
            return std::nullopt;
        }
        auto m = r_.money(v, what);
        if (!m) return std::nullopt;
        t.form = ContributionTerm::Form::amount;
        t.amount = *m;
        return t;
    }

    // The terms of a contributions table; `ok` turns false when any could not be read.
    std::vector<ContributionTerm> terms(const toml::table& t, std::string_view owner, bool& ok) {
        std::vector<ContributionTerm> out;
        for (auto [k, v] : in_file_order(t)) {
            std::string what = fmt::format("the contribution of {} to {}", k->str(), owner);
            auto p = partner_ref(k->str(), r_.at(*k), fmt::format("a contribution to {}", owner));
            auto x = term(*v, p.value_or(0), what);
            if (!p || !x) {
                ok = false;
                continue;
            }
            out.push_back(*x);
        }
        return out;
    }

    void read_pool_contributions() {
        const toml::node* n = root_.get("contributions");
        if (!n) return;
        const toml::table* t = n->as_table();
        if (!t) {
            r_.error(*n, fmt::format("'contributions' must be a table of partner = share, not {}",
                                     toml_type_phrase(*n)));
            pool_ok_ = false;
            return;
        }
        a_.pool_contributions_where = r_.at(*t);
        a_.pool_contributions = terms(*t, "the pool", pool_ok_);
        if (t->empty()) {
            r_.error(*t, "[contributions] is empty: name each partner's share, or remove it");
            pool_ok_ = false;
        }
    }

    // ---- [[scheme]] ----
    std::optional<Profile> profile(const toml::node& n, const std::string& ctx) {
        Profile p;
        p.where = r_.at(n);
        const std::string what = "'profile' of " + ctx;
        if (n.is_string()) {
            auto s = r_.choice(n, what, {"even"});
            if (!s) return std::nullopt;
            p.form = Profile::Form::even;
            return p;
        }
        if (const toml::array* arr = n.as_array()) {
            p.form = Profile::Form::weights;
            bool ok = true;
            for (std::size_t i = 0; i < arr->size(); ++i) {
                auto w = r_.weight((*arr)[i], fmt::format("weight {} of {}", i + 1, what));
                if (w)
                    p.weights.push_back(*w);
                else
                    ok = false;
            }
            if (!ok) return std::nullopt;
            return p;
        }
        if (const toml::table* t = n.as_table()) {
            p.form = Profile::Form::amounts;
            r_.check_keys(*t, {"amounts"}, what);
            const toml::node* am = t->get("amounts");
            if (!am) {
                r_.missing(*t, "amounts", what);
                return std::nullopt;
            }
            const toml::array* arr = am->as_array();
            if (!arr) {
                r_.error(*am, fmt::format("the amounts of the profile of {} must be an array of "
                                          "12 amounts, not {}",
                                          ctx, toml_type_phrase(*am)));
                return std::nullopt;
            }
            bool ok = true;
            for (std::size_t i = 0; i < arr->size(); ++i) {
                auto m = r_.money((*arr)[i], fmt::format("amount {} of {}", i + 1, what));
                if (m)
                    p.amounts.push_back(*m);
                else
                    ok = false;
            }
            if (!ok) return std::nullopt;
            return p;
        }
        r_.error(n, fmt::format("{} must be \"even\", an array of 12 weights or {{ amounts = [12 "
                                "amounts] }}, not {}",
                                what, toml_type_phrase(n)));
        return std::nullopt;
    }

    void read_schemes() {
        const toml::node* n = root_.get("scheme");
        if (!n) {
            r_.diags().error(r_.at_start(), "the file has no [[scheme]] tables: an agreement needs "
                                            "at least one scheme (id, name, budget)");
            return;
        }
        std::map<std::string, long> seen;
        for (const toml::table* t : tables_of(*n, "scheme", "scheme")) {
            std::string ctx = "a [[scheme]]";
            r_.check_keys(*t,
                          {"id", "name", "budget", "lead", "profile", "contributions", "function",
                           "risk_share", "recharge"},
                          ctx);
            auto id = r_.id(*t, "id", ctx);
            if (!id) continue;
            ctx = "scheme " + *id;
            const toml::node& id_node = *t->get("id");
            if (auto it = seen.find(*id); it != seen.end()) {
                r_.error(id_node, fmt::format("duplicate scheme id '{}' (first used on line {}): "
                                              "scheme ids must be unique",
                                              *id, it->second));
                continue;
            }
            seen[*id] = r_.at(id_node).line;
            Scheme s;
            SchemeState st;
            s.id = *id;
            s.where = r_.at(*t);
            if (auto v = r_.text(*t, "name", "[[scheme]] " + *id, true)) s.name = *v;
            if (const toml::node* b = t->get("budget")) {
                auto m = r_.money(*b, "'budget' of " + ctx);
                if (m && m->is_negative()) {
                    r_.error(*b, fmt::format("'budget' of {} is negative ({}); a budget is zero or "
                                             "more",
                                             ctx, format_plain(*m)));
                    m.reset();
                }
                // Every total of money must fit in int64 pence: the budgets' total bounds them.
                std::int64_t total = 0;
                if (m && __builtin_add_overflow(budget_total_, m->pence(), &total)) {
                    r_.error(*b, fmt::format("'budget' of {} takes the total of the budgets out of "
                                             "range (beyond 92,233,720,368,547,758.07)",
                                             ctx));
                    m.reset();
                }
                if (m) {
                    s.budget = *m;
                    budget_total_ = total;
                } else {
                    st.ok = st.budget_ok = false;
                }
            } else {
                r_.missing(*t, "budget", "[[scheme]] " + *id);
                st.ok = st.budget_ok = false;
            }
            if (const toml::node* l = t->get("lead")) s.lead = partner_ref(*l, "'lead' of " + ctx);
            if (const toml::node* p = t->get("profile")) {
                auto pr = profile(*p, ctx);
                if (pr)
                    s.profile = std::move(*pr);
                else
                    st.profile_ok = false;
            } else {
                s.profile.where = s.where;
            }
            if (const toml::node* c = t->get("contributions")) {
                if (const toml::table* ct = c->as_table()) {
                    s.contributions_where = r_.at(*ct);
                    s.contribution_terms = terms(*ct, ctx, st.ok);
                    if (ct->empty()) {
                        r_.error(*ct, fmt::format("'contributions' of {} is empty: name each "
                                                  "partner's share, or remove it",
                                                  ctx));
                        st.ok = false;
                    }
                } else {
                    r_.error(*c, fmt::format("'contributions' of {} must be a table such as {{ ICB "
                                             "= \"50%\", BRISTOL = \"rest\" }}, not {}",
                                             ctx, toml_type_phrase(*c)));
                    st.ok = false;
                }
            }
            if (const toml::node* f = t->get("function")) {
                st.function = f;
                if (auto v = r_.text(*f, "'function' of " + ctx)) s.function = *v;
            }
            if (const toml::node* rs = t->get("risk_share")) {
                st.risk = rs;
                // A joint scheme has no risk share at all: check_joint reports it, once.
                const bool joint = kind_ok_ && a_.kind == AgreementKind::joint;
                if (joint) {
                    // nothing to read
                } else if (const toml::table* rt = rs->as_table()) {
                    r_.check_keys(*rt, {"overspend", "underspend"}, "the risk_share of " + ctx);
                    if (const toml::node* o = rt->get("overspend"))
                        s.overspend = rule(*o, false, "the overspend rule of " + ctx);
                    if (const toml::node* u = rt->get("underspend"))
                        s.underspend = rule(*u, true, "the underspend rule of " + ctx);
                } else {
                    r_.error(*rs, fmt::format("'risk_share' of {} must be a table such as {{ "
                                              "overspend = \"lead\" }}, not {}",
                                              ctx, toml_type_phrase(*rs)));
                }
            }
            if (const toml::node* rc = t->get("recharge")) {
                st.recharge = rc;
                s.recharge_where = r_.at(*rc);
                if (auto v = r_.choice(*rc, "'recharge' of " + ctx, {"actual", "fixed"}))
                    s.recharge = *v == "fixed" ? Recharge::fixed : Recharge::actual;
            }
            a_.schemes.push_back(std::move(s));
            schemes_.push_back(st);
        }
    }

    // ---- risk share ----
    // A split { PARTNER = "50%", ... } summing to exactly 100%.
    std::optional<std::vector<std::pair<std::size_t, Rational>>> split(const toml::node& n,
                                                                       const std::string& what) {
        const toml::table* t = n.as_table();
        if (!t) {
            r_.error(n, fmt::format("the split of {} must be a table such as {{ ICB = \"50%\", "
                                    "BRISTOL = \"50%\" }}, not {}",
                                    what, toml_type_phrase(n)));
            return std::nullopt;
        }
        std::vector<std::pair<std::size_t, Rational>> out;
        bool ok = true;
        Rational sum = 0;
        for (auto [k, v] : in_file_order(*t)) {
            auto p = partner_ref(k->str(), r_.at(*k), "the split of " + what);
            auto pc =
                r_.percent(*v, fmt::format("the share of {} in the split of {}", k->str(), what));
            if (pc && *pc < 0) {
                r_.error(*v, fmt::format("the share of {} in the split of {} is negative", k->str(),
                                         what));
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
            r_.error(*t, fmt::format("the split of {} sums to {}", what, percent_sum_phrase(sum)));
            return std::nullopt;
        }
        return out;
    }

    // An overspend or underspend rule: a name, or { split = { ... } }.
    std::optional<ShareRule> rule(const toml::node& n, bool underspend, const std::string& what) {
        ShareRule r;
        r.where = r_.at(n);
        if (auto name = n.as_string()) {
            // The two sides name "in proportion to contributions" differently (SPEC §3).
            const std::string& v = name->get();
            if (underspend && v == "contributions") {
                r_.error(n, fmt::format("{} is \"contributions\", an overspend rule: an underspend "
                                        "returned in proportion to contributions is \"return\"",
                                        what));
                return std::nullopt;
            }
            if (!underspend && (v == "return" || v == "carry-forward")) {
                r_.error(n, fmt::format("{} is \"{}\", an underspend rule: an overspend shared in "
                                        "proportion to contributions is \"contributions\"",
                                        what, v));
                return std::nullopt;
            }
            std::optional<std::string> s =
                underspend ? r_.choice(n, what, {"return", "carry-forward", "host", "lead"})
                           : r_.choice(n, what, {"contributions", "lead", "host", "tiers"});
            if (!s) return std::nullopt;
            r.kind = *s == "return" || *s == "contributions" ? RuleKind::contributions
                     : *s == "carry-forward"                 ? RuleKind::carry_forward
                     : *s == "host"                          ? RuleKind::host
                     : *s == "lead"                          ? RuleKind::lead
                                                             : RuleKind::tiers;
            return r;
        }
        if (const toml::table* t = n.as_table()) {
            r_.check_keys(*t, {"split"}, what);
            const toml::node* sp = t->get("split");
            if (!sp) {
                r_.missing(*t, "split", what);
                return std::nullopt;
            }
            auto parts = split(*sp, what);
            if (!parts) return std::nullopt;
            r.kind = RuleKind::split;
            r.split = std::move(*parts);
            return r;
        }
        r_.error(n, fmt::format("{} must be a rule name or {{ split = {{ ... }} }}, not {}", what,
                                toml_type_phrase(n)));
        return std::nullopt;
    }

    void read_risk_share() {
        const toml::node* n = root_.get("risk_share");
        if (!n) return;
        const toml::table* t = n->as_table();
        if (!t) {
            r_.error(*n, fmt::format("'risk_share' must be a table, not {}", toml_type_phrase(*n)));
            return;
        }
        risk_table_ = t;
        RiskShare rs;
        rs.where = r_.at(*t);
        const std::string ctx = "[risk_share]";
        // A joint budget's [risk_share] holds only caps: check_joint reports any other key, once.
        const bool joint = kind_ok_ && a_.kind == AgreementKind::joint;
        if (!joint)
            r_.check_keys(*t, {"basis", "overspend", "underspend", "cap", "overspend_tier"}, ctx);
        if (const toml::node* b = joint ? nullptr : t->get("basis"))
            if (auto s = r_.choice(*b, "'basis' of [risk_share]", {"pool", "scheme", "offset"}))
                rs.basis = *s == "pool"     ? RiskBasis::pool
                           : *s == "scheme" ? RiskBasis::scheme
                                            : RiskBasis::offset;
        rs.overspend.where = rs.where;
        rs.underspend.where = rs.where;
        if (const toml::node* o = joint ? nullptr : t->get("overspend")) {
            overspend_node_ = o;
            if (auto r = rule(*o, false, "the overspend rule of [risk_share]")) rs.overspend = *r;
        }
        if (const toml::node* u = joint ? nullptr : t->get("underspend"))
            if (auto r = rule(*u, true, "the underspend rule of [risk_share]")) rs.underspend = *r;
        rs.caps.assign(a_.partners.size(), std::nullopt);
        if (const toml::node* c = t->get("cap")) {
            if (const toml::table* ct = c->as_table()) {
                for (auto [k, v] : in_file_order(*ct)) {
                    auto p = partner_ref(k->str(), r_.at(*k), "'cap' of [risk_share]");
                    auto m = r_.money(*v, fmt::format("the cap of {}", k->str()));
                    if (m && m->is_negative()) {
                        r_.error(*v, fmt::format("the cap of {} is negative; a cap is the most a "
                                                 "partner bears, zero or more",
                                                 k->str()));
                        m.reset();
                    }
                    if (p && m) rs.caps[*p] = *m;
                }
            } else {
                r_.error(*c, fmt::format("'cap' of [risk_share] must be a table such as {{ "
                                         "NSOMERSET = \"250000.00\" }}, not {}",
                                         toml_type_phrase(*c)));
            }
        }
        if (const toml::node* tn = joint ? nullptr : t->get("overspend_tier")) {
            auto tables = tables_of(*tn, "overspend_tier", "risk_share.overspend_tier");
            first_tier_ = tables.empty() ? nullptr : tables.front();
            for (std::size_t i = 0; i < tables.size(); ++i) {
                const toml::table& tt = *tables[i];
                const std::string what = fmt::format("overspend tier {}", i + 1);
                r_.check_keys(tt, {"upto", "rule", "split"}, what);
                Tier tier;
                tier.where = r_.at(tt);
                tier.rule.where = tier.where;
                if (const toml::node* u = tt.get("upto")) {
                    tier.upto = r_.money(*u, "'upto' of " + what);
                    if (tier.upto && !tier.upto->is_positive()) {
                        r_.error(*u, fmt::format("'upto' of {} must be more than zero", what));
                        tier.upto.reset();
                    }
                    if (tier.upto) {
                        for (std::size_t j = i; j-- > 0;) {
                            const auto& prev = rs.overspend_tiers[j].upto;
                            if (!prev) continue;
                            if (*tier.upto <= *prev)
                                r_.error(*u, fmt::format("'upto' of {} ({}) is not above that of "
                                                         "tier {} ({}): tiers must be in ascending "
                                                         "order of their cumulative bound",
                                                         what, format_display(*tier.upto), j + 1,
                                                         format_display(*prev)));
                            break;
                        }
                    }
                } else if (i + 1 < tables.size()) {
                    r_.error(tt, fmt::format("{} of {} has no 'upto': only the last tier may leave "
                                             "it out (it takes the rest)",
                                             what, tables.size()));
                }
                const toml::node* rn = tt.get("rule");
                const toml::node* sn = tt.get("split");
                if (rn && sn) {
                    r_.error(*sn, fmt::format("{} has both 'rule' and 'split': give one", what));
                } else if (rn) {
                    if (auto s = r_.choice(*rn, "the rule of " + what,
                                           {"contributions", "lead", "host"})) {
                        tier.rule.kind = *s == "contributions" ? RuleKind::contributions
                                         : *s == "lead"        ? RuleKind::lead
                                                               : RuleKind::host;
                        tier.rule.where = r_.at(*rn);
                    }
                } else if (sn) {
                    if (auto parts = split(*sn, what)) {
                        tier.rule.kind = RuleKind::split;
                        tier.rule.split = std::move(*parts);
                        tier.rule.where = r_.at(*sn);
                    }
                } else {
                    r_.error(tt, fmt::format("{} has neither 'rule' nor 'split': say how its slice "
                                             "of the overspend is shared",
                                             what));
                }
                rs.overspend_tiers.push_back(std::move(tier));
            }
        }
        a_.risk_share = std::move(rs);
    }

    // ---- [monitoring] ----
    void read_monitoring() {
        const toml::node* n = root_.get("monitoring");
        if (!n) return;
        const toml::table* t = n->as_table();
        if (!t) {
            r_.error(*n, fmt::format("'monitoring' must be a table, not {}", toml_type_phrase(*n)));
            return;
        }
        r_.check_keys(*t, {"amber", "red"}, "[monitoring]");
        auto threshold = [&](const char* key, Rational& out) -> const toml::node* {
            const toml::node* v = t->get(key);
            if (!v) return nullptr;
            auto p = r_.percent(*v, fmt::format("'{}' of [monitoring]", key));
            if (p && *p < 0) {
                r_.error(*v, fmt::format("'{}' of [monitoring] is negative", key));
                return nullptr;
            }
            if (!p) return nullptr;
            out = *p;
            return v;
        };
        threshold("amber", a_.monitoring.amber);
        const toml::node* red = threshold("red", a_.monitoring.red);
        if (a_.monitoring.red < a_.monitoring.amber)
            r_.diags().error(red ? r_.at(*red) : r_.at(*t),
                             fmt::format("[monitoring] red ({}) is below amber ({}): red must be "
                                         "the higher threshold",
                                         format_percent_exact(a_.monitoring.red),
                                         format_percent_exact(a_.monitoring.amber)));
    }

    // ---- rules across sections ----
    void check_kind() {
        if (!kind_ok_ || !agreement_table_) return;
        // Only a pooled fund holds a balance from one year to the next (SPEC §3).
        if (opening_node_ && a_.kind != AgreementKind::pooled) {
            r_.error(*opening_node_,
                     fmt::format("{} holds no balance from one year to the next, so it has no "
                                 "opening balance (only a pooled fund does): remove "
                                 "'opening_balance'",
                                 a_.kind == AgreementKind::aligned
                                     ? "an aligned budget (each partner keeps its own budget)"
                                     : "a joint budget (the host recharges actual spending)"));
            a_.opening_balance = Money{};
        }
        if (a_.kind != AgreementKind::joint)
            for (std::size_t s = 0; s < schemes_.size(); ++s)
                if (schemes_[s].recharge)
                    r_.error(*schemes_[s].recharge,
                             fmt::format("'recharge' is for the schemes of a joint budget, whose "
                                         "host recharges the partners (SPEC §3); {}: remove "
                                         "'recharge' from scheme {}",
                                         a_.kind == AgreementKind::pooled
                                             ? "a pooled fund's variance is shared by its risk "
                                               "share"
                                             : "in an aligned budget each partner spends its own "
                                               "budget",
                                         a_.schemes[s].id));
        if (a_.kind == AgreementKind::joint) check_joint();
        if (a_.kind == AgreementKind::aligned) {
            if (host_given_)
                r_.error(*host_node_, "an aligned budget has no host (each partner keeps and "
                                      "spends its own budget): remove 'host'");
            if (risk_table_)
                r_.error(*risk_table_, "an aligned budget has no risk share (each partner bears "
                                       "its own variance): remove [risk_share]");
            for (std::size_t s = 0; s < schemes_.size(); ++s)
                if (schemes_[s].risk)
                    r_.error(*schemes_[s].risk,
                             fmt::format("an aligned budget has no risk share (each partner bears "
                                         "its own variance): remove 'risk_share' from scheme {}",
                                         a_.schemes[s].id));
            a_.risk_share.reset();
            return;
        }
        if (!host_given_)
            r_.error(*agreement_table_,
                     a_.kind == AgreementKind::pooled
                         ? "a pooled fund needs a host: add host = \"PARTNER\" to [agreement], "
                           "naming the partner that holds the fund"
                         : "a joint budget needs a host: add host = \"PARTNER\" to [agreement], "
                           "naming the partner that spends and invoices the others");
    }

    // SPEC §3, §6: a joint budget shares actual spending by contributions (or charges fixed
    // amounts), so its [risk_share] may only cap what a partner is charged above its contribution,
    // and a fixed recharge needs the amounts it charges and a partner to bear the difference.
    void check_joint() {
        const char* why = "a joint budget shares actual spending by contributions (SPEC §6)";
        if (risk_table_)
            for (auto [k, v] : in_file_order(*risk_table_))
                if (k->str() != "cap")
                    r_.diags().error(r_.at(*k),
                                     fmt::format("a joint budget's [risk_share] may hold only "
                                                 "'cap': {}, so '{}' does not apply: remove it",
                                                 why, k->str()));
        for (std::size_t s = 0; s < schemes_.size(); ++s) {
            const Scheme& sc = a_.schemes[s];
            if (schemes_[s].risk)
                r_.error(
                    *schemes_[s].risk,
                    fmt::format("scheme {} has its own risk_share, but {}: remove it (recharge "
                                "= \"fixed\" charges stated amounts instead)",
                                sc.id, why));
            if (!schemes_[s].recharge || sc.recharge != Recharge::fixed) continue;
            bool rest = false, amount = false, percent = false;
            for (const auto& t : sc.contribution_terms) {
                rest = rest || t.form == ContributionTerm::Form::rest;
                amount = amount || t.form == ContributionTerm::Form::amount;
                percent = percent || t.form == ContributionTerm::Form::percent;
            }
            std::string lack = sc.contribution_terms.empty() ? "it has no contributions of its own"
                               : percent                     ? "its contributions are percentages"
                               : !amount                     ? "its contributions state no amount"
                               : !rest ? "no partner's contribution is \"rest\""
                                       : "";
            if (!lack.empty())
                r_.error(*schemes_[s].recharge,
                         fmt::format("scheme {} has recharge = \"fixed\", but {}: a fixed "
                                     "recharge charges each partner its stated amount and the "
                                     "\"rest\" partner the difference, so it needs contributions "
                                     "such as {{ ICB = \"130000.00\", LA = \"rest\" }} (SPEC §3)",
                                     sc.id, lack));
        }
    }

    void check_legal_basis() {
        if (!legal_node_ || a_.legal_basis.empty()) return;
        auto lb = recognise_legal_basis(a_.legal_basis);
        if (!lb) {
            std::vector<std::string> names;
            for (auto k : known_legal_bases())
                names.emplace_back(k);
            r_.warning(*legal_node_,
                       fmt::format("the legal basis \"{}\" is not one poolkit knows ({}): check it "
                                   "is right, as its rules cannot be checked",
                                   a_.legal_basis, quoted_list(names)));
            return;
        }
        if (!lb->repealed_by.empty())
            r_.warning(*legal_node_, fmt::format("{} is repealed (now {}): an agreement made today "
                                                 "should cite {}",
                                                 lb->name, lb->repealed_by, lb->repealed_by));
        if (kind_ok_ && a_.kind == AgreementKind::pooled && !lb->allows_pool)
            r_.error(*legal_node_,
                     fmt::format("{} is a power to make one-way payments, not to pool funds: a "
                                 "pooled fund needs NHS Act 2006 s75 (or Children Act 2004 s10)",
                                 lb->name));
        if (lb->needs_nhs_and_la && partners_complete_ && !a_.partners.empty()) {
            bool nhs = false, la = false;
            for (const auto& p : a_.partners) {
                nhs = nhs || p.sector == Sector::nhs;
                la = la || p.sector == Sector::local_authority;
            }
            if (!nhs || !la)
                r_.error(*legal_node_,
                         fmt::format("{} arrangements are between NHS bodies and local "
                                     "authorities: the agreement needs at least one partner with "
                                     "sector \"nhs\" and one with sector \"local_authority\" (it "
                                     "has no \"{}\" partner)",
                                     lb->name, nhs ? "local_authority" : "nhs"));
        }
        if (lb->nhs_bodies_only)
            for (const auto& p : a_.partners)
                if (p.sector != Sector::nhs) {
                    r_.warning(*legal_node_,
                               fmt::format("{} provides for joint working between NHS bodies, but "
                                           "partner {} has sector \"{}\": check the legal basis",
                                           lb->name, p.id, sector_name(p.sector)));
                    break;
                }
        if (lb->excludes_nhs_functions)
            for (std::size_t s = 0; s < a_.schemes.size(); ++s) {
                const auto& f = a_.schemes[s].function;
                if (!f) continue;
                if (auto ex = excluded_nhs_function(*f))
                    r_.error(*schemes_[s].function,
                             fmt::format("scheme {}: \"{}\" is {}, an NHS function excluded from "
                                         "partnership arrangements under {}: it cannot be part "
                                         "of this agreement",
                                         a_.schemes[s].id, *f, *ex, lb->name));
            }
    }

    // The rules that share a scheme's overspend (its own or the pool's; a tiers rule's tiers).
    std::vector<const ShareRule*> overspend_rules(const RiskShare& rs, const Scheme& s) const {
        const ShareRule& r = s.overspend ? *s.overspend : rs.overspend;
        if (r.kind != RuleKind::tiers) return {&r};
        std::vector<const ShareRule*> out;
        for (const auto& t : rs.overspend_tiers)
            out.push_back(&t.rule);
        return out;
    }

    void check_risk_share() {
        // A joint budget's [risk_share] holds only caps (check_joint): no rules to check.
        if (!a_.risk_share || (kind_ok_ && a_.kind == AgreementKind::joint)) return;
        const RiskShare& rs = *a_.risk_share;
        // Tiers: used by some overspend rule, and present when one is "tiers".
        bool uses_tiers = rs.overspend.kind == RuleKind::tiers;
        if (uses_tiers && rs.overspend_tiers.empty() && overspend_node_)
            r_.error(*overspend_node_, "overspend = \"tiers\" needs at least one "
                                       "[[risk_share.overspend_tier]]");
        for (const auto& s : a_.schemes)
            if (s.overspend && s.overspend->kind == RuleKind::tiers) {
                uses_tiers = true;
                if (rs.overspend_tiers.empty())
                    r_.diags().error(s.overspend->where,
                                     fmt::format("scheme {}: overspend = \"tiers\" needs at least "
                                                 "one [[risk_share.overspend_tier]]",
                                                 s.id));
            }
        if (!uses_tiers && first_tier_)
            r_.error(*first_tier_, "[[risk_share.overspend_tier]] is given, but no overspend rule "
                                   "is \"tiers\": set overspend = \"tiers\" or remove the tiers");

        if (rs.basis == RiskBasis::pool) {
            // SPEC §7: basis pool shares the net variance once, by the pool's rules.
            for (std::size_t s = 0; s < a_.schemes.size(); ++s)
                if (schemes_[s].risk)
                    r_.error(*schemes_[s].risk,
                             fmt::format("scheme {} has its own risk_share, but with basis "
                                         "\"pool\" the net variance of all schemes is shared once "
                                         "by the pool's rules: use basis \"scheme\" or \"offset\", "
                                         "or remove it",
                                         a_.schemes[s].id));
            std::vector<const ShareRule*> pool_rules{&rs.overspend, &rs.underspend};
            if (uses_tiers)
                for (const auto& t : rs.overspend_tiers)
                    pool_rules.push_back(&t.rule);
            for (const ShareRule* r : pool_rules)
                if (r->kind == RuleKind::lead)
                    r_.diags().error(r->where,
                                     "the rule \"lead\" needs basis \"scheme\" or \"offset\": "
                                     "with basis \"pool\" the net variance of the pool has no "
                                     "lead commissioner");
            return;
        }
        // Basis scheme or offset: each scheme's variance goes by its own rule, so a "lead" rule
        // needs a lead on every scheme it applies to (SPEC §3).
        for (const auto& s : a_.schemes) {
            if (s.lead) continue;
            auto rules = overspend_rules(rs, s);
            rules.push_back(s.underspend ? &*s.underspend : &rs.underspend);
            for (const ShareRule* r : rules) {
                if (r->kind != RuleKind::lead) continue;
                r_.diags().error(r->where, fmt::format("the rule \"lead\" gives a scheme's "
                                                       "variance to its lead commissioner, but "
                                                       "scheme {} has no lead: add lead = "
                                                       "\"PARTNER\" to it",
                                                       s.id));
                break;
            }
        }
    }

    // ---- resolution ----
    void resolve() {
        if (!partners_complete_) return;
        std::vector<bool> ok;
        for (const auto& st : schemes_)
            ok.push_back(st.ok);
        // Amounts near the int64 limit can still overflow a sum (Error(arithmetic)): that is a
        // finding about the file, reported where it arose, not a failure of the tool.
        try {
            resolve_contributions(a_, pool_ok_, ok, r_.diags());
        } catch (const Error& e) {
            if (e.kind() != ErrorKind::arithmetic) throw;
            r_.diags().error(a_.pool_contributions_where.line ? a_.pool_contributions_where
                                                              : r_.at_start(),
                             std::string("the contributions cannot be resolved: ") + e.what());
        }
        for (std::size_t s = 0; s < a_.schemes.size(); ++s) {
            Scheme& sc = a_.schemes[s];
            if (!schemes_[s].profile_ok || !schemes_[s].budget_ok) continue;
            try {
                if (auto ph = phase_budget(sc.profile, sc.budget, sc.id, r_.diags()))
                    sc.phased = *ph;
            } catch (const Error& e) {
                if (e.kind() != ErrorKind::arithmetic) throw;
                r_.diags().error(sc.profile.where, fmt::format("the profile of scheme {} cannot be "
                                                               "phased: {}",
                                                               sc.id, e.what()));
            }
        }
    }

    struct SchemeState {
        bool ok = true;         // budget and own contribution terms read
        bool budget_ok = true;  // budget read
        bool profile_ok = true; // profile read
        const toml::node* function = nullptr;
        const toml::node* risk = nullptr;
        const toml::node* recharge = nullptr;
    };

    TomlReader r_;
    const toml::table& root_;
    Agreement a_;
    const toml::table* agreement_table_ = nullptr;
    const toml::node* legal_node_ = nullptr;
    const toml::node* host_node_ = nullptr;
    const toml::node* opening_node_ = nullptr;
    const toml::table* risk_table_ = nullptr;
    const toml::node* overspend_node_ = nullptr;
    const toml::table* first_tier_ = nullptr;
    bool kind_ok_ = false;
    bool host_given_ = false;
    bool partners_complete_ = true;
    bool pool_ok_ = true;
    std::int64_t budget_total_ = 0; // pence, of the budgets read so far
    std::vector<SchemeState> schemes_;
};

} // namespace

AgreementLoad load_agreement_text(std::string_view text, std::string path) {
    AgreementLoad out;
    const std::string display = path == "-" ? "<stdin>" : path;
    toml::table root;
    try {
        check_toml_key_depth(text, display);
        root = toml::parse(text, std::string_view(display));
    } catch (const toml::parse_error& e) {
        const auto& b = e.source().begin;
        throw Error(ErrorKind::input,
                    {display, static_cast<long>(b.line), static_cast<long>(b.column)},
                    fmt::format("not valid TOML: {}", e.description()));
    }
    Loader loader(display, root, out.diagnostics);
    Agreement a = loader.run();
    a.file = path;
    auto& items = out.diagnostics.items;
    std::stable_sort(items.begin(), items.end(), [](const Diagnostic& x, const Diagnostic& y) {
        return x.where.line != y.where.line ? x.where.line < y.where.line
                                            : x.where.column < y.where.column;
    });
    if (!out.diagnostics.has_errors()) out.agreement = std::move(a);
    out.input.role = "agreement";
    out.input.path = path;
    out.input.bytes = text.size();
    out.input.sha256 = sha256_hex(text);
    return out;
}

AgreementLoad load_agreement(const std::string& path) {
    InputText in = read_input(path, "agreement");
    AgreementLoad out = load_agreement_text(in.text, path);
    out.input = in.record;
    return out;
}

} // namespace poolkit
