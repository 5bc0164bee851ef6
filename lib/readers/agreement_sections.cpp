#include "readers/agreement_sections.hpp"

#include "readers/opening_balance_from.hpp"
#include "support/text.hpp"

#include <fmt/format.h>

#include <map>

namespace poolkit {

// ---- [agreement] ----
void read_agreement(AgreementDraft& d) {
    const toml::node* n = d.required("agreement", "the file has no [agreement] table: it is "
                                                  "required (id, title, kind, legal_basis, "
                                                  "financial_year)");
    if (!n) return;
    const toml::table* t = d.table_of(*n, "agreement");
    if (!t) return;
    d.agreement_table = t;
    const std::string ctx = "[agreement]";
    d.r.check_keys(*t,
                   {"id", "title", "kind", "legal_basis", "financial_year", "host",
                    "pooled_fund_manager", "opening_balance", "payment_schedule"},
                   ctx);
    if (auto s = d.r.id(*t, "id", ctx)) d.a.id = *s;
    if (auto s = d.r.text(*t, "title", ctx, true)) d.a.title = *s;
    if (const toml::node* k = t->get("kind")) {
        if (auto kind = d.r.choice(*k, "'kind' of [agreement]", agreement_kinds)) {
            d.a.kind = *kind;
            d.kind_ok = true;
        }
    } else {
        d.r.missing(*t, "kind", ctx);
    }
    d.legal_node = t->get("legal_basis");
    if (d.legal_node) d.a.legal_basis_where = d.r.at(*d.legal_node);
    if (auto s = d.r.text(*t, "legal_basis", ctx, true)) d.a.legal_basis = *s;
    if (const toml::node* y = t->get("financial_year")) {
        if (auto s = d.r.string(*y, "'financial_year' of [agreement]")) {
            if (auto fy = FinancialYear::parse(*s))
                d.a.year = *fy;
            else
                d.r.error(*y, fmt::format("'financial_year' of [agreement] is \"{}\"; write the "
                                          "year as YYYY-YY, the year it starts ({} to {}) and "
                                          "the last two digits of the next: \"2025-26\" is 1 "
                                          "April 2025 to 31 March 2026",
                                          *s, FinancialYear::first_start_year,
                                          FinancialYear::last_start_year));
        }
    } else {
        d.r.missing(*t, "financial_year", ctx);
    }
    d.host_node = t->get("host");
    if (auto s = d.r.text(*t, "pooled_fund_manager", ctx, false)) d.a.pooled_fund_manager = *s;
    if (const toml::node* o = t->get("opening_balance")) {
        d.opening_node = o;
        d.a.opening_balance_where = d.r.at(*o);
        if (const toml::table* from = o->as_table()) // last year's settlement (SPEC §14)
            read_opening_balance_from(d, *from);
        else if (auto m = d.r.money(*o, "'opening_balance' of [agreement]"))
            d.a.opening_balance = *m;
    }
    if (const toml::node* p = t->get("payment_schedule"))
        if (auto ps = d.r.choice(*p, "'payment_schedule' of [agreement]", payment_schedules))
            d.a.payment_schedule = *ps;
}

void read_partners(AgreementDraft& d) {
    const toml::node* n = d.required("partner", "the file has no [[partner]] tables: an "
                                                "agreement needs its partners (id, name, sector)");
    if (!n) {
        d.partners_complete = false;
        return;
    }
    auto tables = d.tables_of(*n, "partner", "partner");
    if (!n->as_array() || tables.size() != n->as_array()->size()) d.partners_complete = false;
    std::map<std::string, long> seen; // id -> line of its first use
    for (const toml::table* t : tables) {
        std::string ctx = "a [[partner]]";
        d.r.check_keys(*t, {"id", "name", "sector"}, ctx);
        auto id = d.r.id(*t, "id", ctx);
        if (!id) {
            d.partners_complete = false;
            continue;
        }
        ctx = "[[partner]] " + *id;
        if (!d.first_use(*t, *id, "partner", seen)) continue;
        Partner p;
        p.id = *id;
        p.where = d.r.at(*t);
        if (auto s = d.r.text(*t, "name", ctx, true)) p.name = *s;
        if (const toml::node* s = t->get("sector")) {
            if (auto v = d.r.choice(*s, "'sector' of " + ctx, sectors)) p.sector = *v;
        } else {
            d.r.missing(*t, "sector", ctx);
        }
        d.a.partners.push_back(std::move(p));
    }
    if (d.partners_complete && d.a.partners.size() < 2 && !tables.empty())
        d.r.error(*tables.front(),
                  fmt::format("an agreement needs at least two partners; this one has {}",
                              d.a.partners.size()));
}

void read_host(AgreementDraft& d) {
    if (!d.host_node) return;
    d.host_given = true;
    d.a.host = d.partner_ref(*d.host_node, "'host' of [agreement]");
}

// ---- contributions ----
namespace {

// One contribution: "40%", an amount, or "rest".
std::optional<ContributionTerm> term(AgreementDraft& d, const toml::node& v, PartnerIndex partner,
                                     std::string_view what) {
    ContributionTerm t;
    t.partner = partner;
    t.where = d.r.at(v);
    if (auto s = v.as_string()) {
        const std::string& text = s->get();
        if (contribution_forms.parse(text) == ContributionTerm::Form::rest) {
            t.form = ContributionTerm::Form::rest;
            return t;
        }
        if (!text.empty() && text.back() == '%') {
            auto p = d.r.percent(v, what);
            if (!p) return std::nullopt;
            t.form = ContributionTerm::Form::percent;
            t.percent = *p;
            return t;
        }
    }
    if (!v.is_string() && !v.is_number()) {
        d.r.error(v, fmt::format("{} must be a percentage (\"40%\"), an amount (\"600000.00\") "
                                 "or \"rest\", not {}",
                                 what, toml_type_phrase(v)));
        return std::nullopt;
    }
    auto m = d.r.money(v, what);
    if (!m) return std::nullopt;
    t.form = ContributionTerm::Form::amount;
    t.amount = *m;
    return t;
}

// The terms of a contributions table; `ok` turns false when any could not be read.
std::vector<ContributionTerm> terms(AgreementDraft& d, const toml::table& t, std::string_view owner,
                                    bool& ok) {
    std::vector<ContributionTerm> out;
    for (auto [k, v] : in_file_order(t)) {
        std::string what = fmt::format("the contribution of {} to {}", k->str(), owner);
        auto p = d.partner_ref(k->str(), d.r.at(*k), fmt::format("a contribution to {}", owner));
        auto x = term(d, *v, p.value_or(PartnerIndex{}), what);
        if (!p || !x) {
            ok = false;
            continue;
        }
        out.push_back(*x);
    }
    return out;
}

} // namespace

void read_pool_contributions(AgreementDraft& d) {
    const toml::node* n = d.root.get("contributions");
    if (!n) return;
    const toml::table* t = d.r.table(*n, "'contributions'", R"({ ICB = "60%", BRISTOL = "rest" })");
    if (!t) {
        d.pool_ok = false;
        return;
    }
    d.a.pool_contributions_where = d.r.at(*t);
    d.a.pool_contributions = terms(d, *t, "the pool", d.pool_ok);
    if (t->empty()) {
        d.r.error(*t, "[contributions] is empty: name each partner's share, or remove it");
        d.pool_ok = false;
    }
}

// ---- [[scheme]] ----
namespace {

// Each entry of `arr` read by `read` into `out` ("weight 3 of ..." in a message); false when one
// could not be read (every entry is still read, so each bad one is reported).
template <class T>
bool read_each(const toml::array& arr, std::string_view noun, std::string_view what,
               std::vector<T>& out,
               std::optional<T> (TomlReader::*read)(const toml::node&, std::string_view),
               TomlReader& r) {
    bool ok = true;
    for (std::size_t i = 0; i < arr.size(); ++i) {
        if (auto v = (r.*read)(arr[i], fmt::format("{} {} of {}", noun, i + 1, what)))
            out.push_back(*v);
        else
            ok = false;
    }
    return ok;
}

std::optional<Profile> profile(AgreementDraft& d, const toml::node& n, const std::string& ctx) {
    Profile p;
    p.where = d.r.at(n);
    const std::string what = "'profile' of " + ctx;
    if (n.is_string()) {
        auto form = d.r.choice(n, what, profile_forms);
        if (!form) return std::nullopt;
        p.form = *form;
        return p;
    }
    if (const toml::array* arr = n.as_array()) {
        p.form = Profile::Form::weights;
        if (!read_each(*arr, "weight", what, p.weights, &TomlReader::weight, d.r))
            return std::nullopt;
        return p;
    }
    if (const toml::table* t = n.as_table()) {
        p.form = Profile::Form::amounts;
        d.r.check_keys(*t, {"amounts"}, what);
        const toml::node* am = t->get("amounts");
        if (!am) {
            d.r.missing(*t, "amounts", what);
            return std::nullopt;
        }
        const toml::array* arr = am->as_array();
        if (!arr) {
            d.r.error(*am, fmt::format("the amounts of the profile of {} must be an array of "
                                       "12 amounts, not {}",
                                       ctx, toml_type_phrase(*am)));
            return std::nullopt;
        }
        if (!read_each(*arr, "amount", what, p.amounts, &TomlReader::money, d.r))
            return std::nullopt;
        return p;
    }
    d.r.error(n, fmt::format("{} must be \"even\", an array of 12 weights or {{ amounts = [12 "
                             "amounts] }}, not {}",
                             what, toml_type_phrase(n)));
    return std::nullopt;
}

} // namespace

void read_schemes(AgreementDraft& d) {
    const toml::node* n = d.required("scheme", "the file has no [[scheme]] tables: an agreement "
                                               "needs at least one scheme (id, name, budget)");
    if (!n) return;
    std::map<std::string, long> seen;
    for (const toml::table* t : d.tables_of(*n, "scheme", "scheme")) {
        std::string ctx = "a [[scheme]]";
        d.r.check_keys(*t,
                       {"id", "name", "budget", "lead", "profile", "contributions", "function",
                        "risk_share", "recharge"},
                       ctx);
        auto id = d.r.id(*t, "id", ctx);
        if (!id) continue;
        ctx = "scheme " + *id;
        if (!d.first_use(*t, *id, "scheme", seen)) continue;
        Scheme s;
        AgreementDraft::SchemeState st;
        s.id = *id;
        s.where = d.r.at(*t);
        if (auto v = d.r.text(*t, "name", "[[scheme]] " + *id, true)) s.name = *v;
        if (const toml::node* b = t->get("budget")) {
            auto m = d.r.money(*b, "'budget' of " + ctx);
            if (m && m->is_negative()) {
                d.r.error(*b, fmt::format("'budget' of {} is negative ({}); a budget is zero or "
                                          "more",
                                          ctx, format_plain(*m)));
                m.reset();
            }
            // Every total of money must fit in int64 pence: the budgets' total bounds them.
            std::int64_t total = 0;
            if (m && __builtin_add_overflow(d.budget_total, m->pence(), &total)) {
                d.r.error(*b, fmt::format("'budget' of {} takes the total of the budgets out of "
                                          "range (beyond 92,233,720,368,547,758.07)",
                                          ctx));
                m.reset();
            }
            if (m) {
                s.budget = *m;
                d.budget_total = total;
            } else {
                st.ok = st.budget_ok = false;
            }
        } else {
            d.r.missing(*t, "budget", "[[scheme]] " + *id);
            st.ok = st.budget_ok = false;
        }
        if (const toml::node* l = t->get("lead")) s.lead = d.partner_ref(*l, "'lead' of " + ctx);
        if (const toml::node* p = t->get("profile")) {
            auto pr = profile(d, *p, ctx);
            if (pr)
                s.profile = std::move(*pr);
            else
                st.profile_ok = false;
        } else {
            s.profile.where = s.where;
        }
        if (const toml::node* c = t->get("contributions")) {
            if (const toml::table* ct = c->as_table()) {
                s.contributions_where = d.r.at(*ct);
                s.contribution_terms = terms(d, *ct, ctx, st.ok);
                if (ct->empty()) {
                    d.r.error(*ct, fmt::format("'contributions' of {} is empty: name each "
                                               "partner's share, or remove it",
                                               ctx));
                    st.ok = false;
                }
            } else {
                d.r.error(*c, fmt::format("'contributions' of {} must be a table such as {{ ICB "
                                          "= \"50%\", BRISTOL = \"rest\" }}, not {}",
                                          ctx, toml_type_phrase(*c)));
                st.ok = false;
            }
        }
        if (const toml::node* f = t->get("function")) {
            st.function = f;
            if (auto v = d.r.text(*f, "'function' of " + ctx)) s.function = *v;
        }
        if (const toml::node* rs = t->get("risk_share")) {
            st.risk = rs;
            // A joint scheme has no risk share at all: check_joint reports it, once.
            const bool joint = d.kind_ok && d.a.kind == AgreementKind::joint;
            if (joint) {
                // nothing to read
            } else if (const toml::table* rt = rs->as_table()) {
                d.r.check_keys(*rt, {"overspend", "underspend"}, "the risk_share of " + ctx);
                if (const toml::node* o = rt->get("overspend"))
                    s.overspend = read_share_rule(d, *o, false, "the overspend rule of " + ctx);
                if (const toml::node* u = rt->get("underspend"))
                    s.underspend = read_share_rule(d, *u, true, "the underspend rule of " + ctx);
            } else {
                d.r.error(*rs, fmt::format("'risk_share' of {} must be a table such as {{ "
                                           "overspend = \"lead\" }}, not {}",
                                           ctx, toml_type_phrase(*rs)));
            }
        }
        if (const toml::node* rc = t->get("recharge")) {
            st.recharge = rc;
            s.recharge_where = d.r.at(*rc);
            if (auto v = d.r.choice(*rc, "'recharge' of " + ctx, recharges)) s.recharge = *v;
        }
        d.a.schemes.push_back(std::move(s));
        d.schemes.push_back(st);
    }
}

std::optional<Profile> read_profile(AgreementDraft& d, const toml::node& n,
                                    const std::string& ctx) {
    return profile(d, n, ctx);
}

std::vector<ContributionTerm> read_terms(AgreementDraft& d, const toml::table& t,
                                         std::string_view owner, bool& ok) {
    return terms(d, t, owner, ok);
}

// ---- [monitoring] ----
void read_monitoring(AgreementDraft& d) {
    const toml::node* n = d.root.get("monitoring");
    if (!n) return;
    const toml::table* t = d.table_of(*n, "monitoring");
    if (!t) return;
    d.r.check_keys(*t, {"amber", "red"}, "[monitoring]");
    auto threshold = [&](const char* key, Rational& out) -> const toml::node* {
        const toml::node* v = t->get(key);
        if (!v) return nullptr;
        auto p = d.r.percent(*v, fmt::format("'{}' of [monitoring]", key));
        if (p && *p < 0) {
            d.r.error(*v, fmt::format("'{}' of [monitoring] is negative", key));
            return nullptr;
        }
        if (!p) return nullptr;
        out = *p;
        return v;
    };
    threshold("amber", d.a.monitoring.amber);
    const toml::node* red = threshold("red", d.a.monitoring.red);
    if (d.a.monitoring.red < d.a.monitoring.amber)
        d.r.diags().error(red ? d.r.at(*red) : d.r.at(*t),
                          fmt::format("[monitoring] red ({}) is below amber ({}): red must be "
                                      "the higher threshold",
                                      format_percent_exact(d.a.monitoring.red),
                                      format_percent_exact(d.a.monitoring.amber)));
}

// ---- [forecast] ----
// new_starts = { S01 = "60000.00" }: a yearly allowance per scheme for the new starts a forecast
// from commitments expects (SPEC §12); each key a scheme id, each value an amount of zero or more.
void read_forecast(AgreementDraft& d) {
    const toml::node* n = d.root.get("forecast");
    if (!n) return;
    const toml::table* t = d.table_of(*n, "forecast");
    if (!t) return;
    d.r.check_keys(*t, {"new_starts"}, "[forecast]");
    const toml::node* ns = t->get("new_starts");
    if (!ns) return;
    const toml::table* starts =
        d.r.table(*ns, "'new_starts' of [forecast]", R"({ S01 = "60000.00" })");
    if (!starts) return;
    std::vector<std::string_view> ids;
    for (const Scheme& s : d.a.schemes)
        ids.push_back(s.id);
    for (const auto& [key, value] : in_file_order(*starts)) {
        const std::string id(key->str());
        const std::string what = fmt::format("'{}' of [forecast] new_starts", id);
        auto s = d.a.scheme_index(id);
        if (!s) {
            std::string hint = did_you_mean(id, ids);
            std::vector<std::string> names(ids.begin(), ids.end());
            if (hint.empty()) hint = fmt::format(" (schemes: {})", comma_list(names));
            d.r.diags().error(
                d.r.at(*key),
                fmt::format("[forecast] new_starts names the unknown scheme '{}'{}", id, hint));
            continue;
        }
        auto amount = d.r.money(*value, what);
        if (!amount) continue;
        if (amount->is_negative()) {
            d.r.error(*value, fmt::format("{} is negative: an allowance for new starts is zero "
                                          "or more",
                                          what));
            continue;
        }
        d.a.schemes[to_size(*s)].new_starts = *amount;
    }
}

} // namespace poolkit
