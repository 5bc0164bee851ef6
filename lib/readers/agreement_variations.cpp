// [[variation]] (SPEC §14): each deed of variation read into Agreement::variations, its changes in
// the order written. The rules that need the agreed schemes resolved (known ids, date order, the
// changes applied) are agreement_variation_rules.cpp's.
#include "readers/agreement_sections.hpp"

#include <fmt/format.h>

#include <map>

namespace poolkit {

namespace {

// A scheme named by a change, by id (resolved to an index once every scheme is known).
std::optional<std::string> scheme_id(AgreementDraft& d, const toml::node& n,
                                     std::string_view what) {
    return d.r.string(n, what);
}

std::optional<Money> positive_amount(AgreementDraft& d, const toml::node& n, std::string_view what,
                                     bool zero_ok) {
    auto m = d.r.money(n, what);
    if (m && (m->is_negative() || (!zero_ok && m->is_zero()))) {
        d.r.error(n, fmt::format("{} is {}; it must be {}", what, format_plain(*m),
                                 zero_ok ? "zero or more" : "more than zero"));
        return std::nullopt;
    }
    return m;
}

// { virement = { from = "S04", to = "S02", amount = "25000.00" } }
bool read_virement(AgreementDraft& d, const toml::node& n, const std::string& ctx, Variation& v) {
    const toml::table* t = d.r.table(n, "'virement' of " + ctx,
                                     R"({ from = "S04", to = "S02", amount = "25000.00" })");
    if (!t) return false;
    d.r.check_keys(*t, {"from", "to", "amount"}, "the virement of " + ctx);
    VariationChange c;
    c.kind = ChangeKind::virement;
    c.where = d.r.at(n);
    auto from = d.r.string(*t, "from", "the virement of " + ctx, true);
    auto to = d.r.string(*t, "to", "the virement of " + ctx, true);
    const toml::node* am = t->get("amount");
    if (!am) d.r.missing(*t, "amount", "the virement of " + ctx);
    auto amount =
        am ? positive_amount(d, *am, "'amount' of the virement of " + ctx, false) : std::nullopt;
    if (!from || !to || !amount) return false;
    if (*from == *to) {
        d.r.error(n, fmt::format("the virement of {} moves budget from scheme {} to itself: "
                                 "name two schemes",
                                 ctx, *from));
        return false;
    }
    c.scheme_id = *from;
    c.to_id = *to;
    c.amount = *amount;
    v.changes.push_back(std::move(c));
    return true;
}

// { add_scheme = { id, name, budget, lead, profile, contributions } }
bool read_added(AgreementDraft& d, const toml::node& n, const std::string& ctx, Variation& v) {
    const toml::table* t = d.r.table(n, "'add_scheme' of " + ctx,
                                     R"({ id = "S07", name = "...", budget = "90000.00" })");
    if (!t) return false;
    const std::string where = "the scheme added by " + ctx;
    d.r.check_keys(*t, {"id", "name", "budget", "lead", "profile", "contributions", "function"},
                   where);
    auto id = d.r.id(*t, "id", where);
    auto name = d.r.text(*t, "name", where, true);
    const toml::node* b = t->get("budget");
    if (!b) d.r.missing(*t, "budget", where);
    auto budget = b ? positive_amount(d, *b, "'budget' of " + where, true) : std::nullopt;
    bool ok = id && name && budget;
    Scheme s;
    s.where = d.r.at(*t);
    s.profile.where = s.where;
    if (const toml::node* l = t->get("lead")) {
        s.lead = d.partner_ref(*l, "'lead' of " + where);
        ok = ok && s.lead;
    }
    if (const toml::node* p = t->get("profile")) {
        auto pr = read_profile(d, *p, where);
        if (pr)
            s.profile = std::move(*pr);
        else
            ok = false;
    }
    if (const toml::node* f = t->get("function"))
        if (auto fn = d.r.text(*f, "'function' of " + where)) s.function = *fn;
    VariationChange c;
    c.kind = ChangeKind::add_scheme;
    c.where = d.r.at(n);
    if (const toml::node* ct = t->get("contributions")) {
        if (const toml::table* tt = d.r.table(*ct, "'contributions' of " + where)) {
            s.contributions_where = d.r.at(*tt);
            c.terms = read_terms(d, *tt, where, ok);
        } else {
            ok = false;
        }
    }
    if (!ok) return false;
    s.id = *id;
    s.name = *name;
    s.added_from = v.effective;
    s.contribution_terms = c.terms;
    c.scheme_id = *id;
    c.amount = *budget;
    c.scheme = d.added_schemes.size();
    d.added_schemes.push_back(std::move(s));
    v.changes.push_back(std::move(c));
    return true;
}

// One entry of `changes`: a scheme's budget and/or contributions, a virement, an added or a
// closed scheme.
bool read_change(AgreementDraft& d, const toml::node& n, const std::string& ctx, Variation& v) {
    const toml::table* t =
        d.r.table(n, "each change of " + ctx, R"({ scheme = "S01", budget = "1320000.00" })");
    if (!t) return false;
    d.r.check_keys(*t,
                   {"scheme", "budget", "contributions", "virement", "add_scheme", "close_scheme"},
                   "a change of " + ctx);
    if (const toml::node* x = t->get("virement")) return read_virement(d, *x, ctx, v);
    if (const toml::node* x = t->get("add_scheme")) return read_added(d, *x, ctx, v);
    if (const toml::node* x = t->get("close_scheme")) {
        auto id = scheme_id(d, *x, "'close_scheme' of " + ctx);
        if (!id) return false;
        VariationChange c;
        c.kind = ChangeKind::close_scheme;
        c.scheme_id = *id;
        c.where = d.r.at(*x);
        v.changes.push_back(std::move(c));
        return true;
    }
    const toml::node* sn = t->get("scheme");
    const toml::node* bn = t->get("budget");
    const toml::node* cn = t->get("contributions");
    if (!sn || (!bn && !cn)) {
        d.r.error(n, fmt::format("a change of {} needs a scheme with its new budget or "
                                 "contributions ({{ scheme = \"S01\", budget = \"...\" }}), or "
                                 "one of virement, add_scheme, close_scheme",
                                 ctx));
        return false;
    }
    auto id = scheme_id(d, *sn, "'scheme' of a change of " + ctx);
    if (!id) return false;
    bool ok = true;
    if (bn) {
        if (auto m = positive_amount(d, *bn, "'budget' of scheme " + *id + " in " + ctx, true)) {
            VariationChange c;
            c.kind = ChangeKind::budget;
            c.amount = *m;
            c.scheme_id = *id;
            c.where = d.r.at(*bn);
            v.changes.push_back(std::move(c));
        } else {
            ok = false;
        }
    }
    if (cn) {
        const toml::table* ct = cn->as_table();
        if (!ct || ct->empty()) {
            d.r.error(*cn, fmt::format("'contributions' of scheme {} in {} must be a table of "
                                       "partner = share such as {{ ICB = \"50%\", BRISTOL = "
                                       "\"rest\" }}",
                                       *id, ctx));
            return false;
        }
        VariationChange c;
        c.kind = ChangeKind::contributions;
        c.scheme_id = *id;
        c.where = d.r.at(*ct);
        c.terms = read_terms(d, *ct, "scheme " + *id + " in " + ctx, ok);
        if (ok) v.changes.push_back(std::move(c));
    }
    return ok;
}

} // namespace

void read_variations(AgreementDraft& d) {
    const toml::node* n = d.root.get("variation");
    if (!n) return;
    for (const toml::table* t : d.tables_of(*n, "variation", "variation")) {
        std::string ctx = "a [[variation]]";
        d.r.check_keys(*t, {"id", "effective", "reason", "changes"}, ctx);
        auto id = d.r.id(*t, "id", ctx);
        if (!id) {
            d.variations_ok = false;
            continue;
        }
        ctx = "variation " + *id;
        Variation v;
        v.id = *id;
        v.where = d.r.at(*t);
        bool ok = true;
        if (auto reason = d.r.text(*t, "reason", ctx, true))
            v.reason = *reason;
        else
            ok = false;
        if (const toml::node* e = t->get("effective")) {
            auto s = d.r.string(*e, "'effective' of " + ctx);
            auto p = s ? d.a.year.parse_period(*s) : std::nullopt;
            if (s && !p)
                d.r.error(*e, fmt::format("'effective' of {} is \"{}\", not a period of {}: write "
                                          "P01..P12 or YYYY-MM ({} to {})",
                                          ctx, *s, d.a.year.label(),
                                          d.a.year.period_ym(Period::first()),
                                          d.a.year.period_ym(Period::last())));
            if (p)
                v.effective = *p;
            else
                ok = false;
        } else {
            d.r.missing(*t, "effective", ctx);
            ok = false;
        }
        const toml::node* cs = t->get("changes");
        const toml::array* arr = cs ? cs->as_array() : nullptr;
        if (!cs) {
            d.r.missing(*t, "changes", ctx);
            ok = false;
        } else if (!arr || arr->empty()) {
            d.r.error(*cs, fmt::format("'changes' of {} must be a non-empty array of changes "
                                       "such as [ {{ scheme = \"S01\", budget = \"...\" }} ]",
                                       ctx));
            ok = false;
        } else if (ok) {
            for (const toml::node& c : *arr)
                ok = read_change(d, c, ctx, v) && ok;
        }
        if (!ok) d.variations_ok = false;
        d.a.variations.push_back(std::move(v));
    }
}

} // namespace poolkit
