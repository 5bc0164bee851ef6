#include "model/contributions.hpp"

#include "money/allocation.hpp"

#include <fmt/format.h>

#include <limits>
#include <string>

namespace poolkit {

namespace {

using Form = ContributionTerm::Form;

std::string shortfall(Money got, Money want) {
    Money gap = want - got;
    return fmt::format("{} by {}", gap.is_positive() ? "short" : "over",
                       format_display(gap.is_positive() ? gap : -gap));
}

// The form shared by the terms other than "rest" (amount when there are none), or nullopt after
// reporting a negative term, a second "rest" or a mix of percentages and amounts.
std::optional<Form> check_forms(std::span<const ContributionTerm> terms, std::string_view owner,
                                const SourceLocation& where, Diagnostics& diags) {
    if (terms.empty()) {
        diags.error(where,
                    fmt::format("{} has no contributions: name at least one partner", owner));
        return std::nullopt;
    }
    bool ok = true;
    const ContributionTerm* rest = nullptr;
    const ContributionTerm* first = nullptr;
    for (const auto& t : terms) {
        if ((t.form == Form::percent && t.percent < 0) ||
            (t.form == Form::amount && t.amount.is_negative())) {
            diags.error(t.where, fmt::format("a contribution cannot be negative ({})", owner));
            ok = false;
        }
        if (t.form == Form::rest) {
            if (rest) {
                diags.error(t.where, fmt::format("{}: more than one \"rest\"; only one partner "
                                                 "can take what is left",
                                                 owner));
                ok = false;
            }
            rest = &t;
            continue;
        }
        if (!first) {
            first = &t;
        } else if (t.form != first->form) {
            diags.error(t.where, fmt::format("{} mix percentages and amounts: state them all as "
                                             "percentages or all as amounts (one may be \"rest\")",
                                             owner));
            ok = false;
        }
    }
    if (!ok) return std::nullopt;
    return first ? first->form : Form::amount;
}

} // namespace

std::string percent_sum_phrase(const Rational& sum) {
    Rational gap = sum < 1 ? Rational(1 - sum) : Rational(sum - 1);
    return fmt::format("{}, not 100% ({} by {})", format_percent_exact(sum),
                       sum < 1 ? "short" : "over", format_percent_exact(gap));
}

std::optional<std::vector<Money>> resolve_terms(std::span<const ContributionTerm> terms,
                                                Money total, std::size_t partner_count,
                                                std::string_view owner, const SourceLocation& where,
                                                Diagnostics& diags) {
    auto form = check_forms(terms, owner, where, diags);
    if (!form) return std::nullopt;
    const ContributionTerm* rest = nullptr;
    for (const auto& t : terms)
        if (t.form == Form::rest) rest = &t;

    std::vector<Money> out(partner_count);
    if (*form == Form::percent) {
        Rational sum = 0;
        std::vector<Rational> w(partner_count);
        for (const auto& t : terms)
            if (t.form == Form::percent) {
                sum += t.percent;
                w[to_size(t.partner)] += t.percent;
            }
        if (!rest && sum != 1) {
            diags.error(where, fmt::format("{} sum to {}", owner, percent_sum_phrase(sum)));
            return std::nullopt;
        }
        if (rest && sum > 1) {
            diags.error(rest->where,
                        fmt::format("{}: the percentages other than \"rest\" already sum to {}, "
                                    "more than 100%",
                                    owner, format_percent_exact(sum)));
            return std::nullopt;
        }
        if (rest) w[to_size(rest->partner)] += 1 - sum;
        if (total.is_zero()) return out;
        // SPEC §2: the budget is allocated over the percentages, ties to the earlier partner.
        return allocate(total, std::span<const Rational>(w));
    }
    Money sum;
    for (const auto& t : terms) {
        if (t.form != Form::amount) continue;
        // The amounts are not negative (check_forms), so a sum past the int64 limit is more
        // than any budget: said as such, at the terms, rather than as an overflow.
        std::int64_t next = 0;
        if (__builtin_add_overflow(sum.pence(), t.amount.pence(), &next)) {
            diags.error(
                where, fmt::format("{} sum to more than the largest amount, {} (they must sum "
                                   "to {})",
                                   owner,
                                   format_display(
                                       Money::from_pence(std::numeric_limits<std::int64_t>::max())),
                                   format_display(total)));
            return std::nullopt;
        }
        sum = Money::from_pence(next);
        out[to_size(t.partner)] += t.amount;
    }
    if (!rest && sum != total) {
        diags.error(where, fmt::format("{} sum to {}, not {} ({})", owner, format_display(sum),
                                       format_display(total), shortfall(sum, total)));
        return std::nullopt;
    }
    if (rest && sum > total) {
        diags.error(rest->where,
                    fmt::format("{}: the amounts other than \"rest\" already sum to {}, more than "
                                "{}",
                                owner, format_display(sum), format_display(total)));
        return std::nullopt;
    }
    if (rest) out[to_size(rest->partner)] += total - sum;
    return out;
}

bool resolve_contributions(Agreement& a, bool pool_ok, const std::vector<bool>& scheme_ok,
                           Diagnostics& diags) {
    const std::size_t n = a.partners.size();
    bool all = true;
    std::vector<std::size_t> users; // schemes that take the pool-level terms
    bool users_ok = true;           // every one of them has a readable budget
    for (std::size_t s = 0; s < a.schemes.size(); ++s) {
        Scheme& sc = a.schemes[s];
        bool ok = s < scheme_ok.size() && scheme_ok[s];
        if (!sc.contribution_terms.empty()) {
            if (!ok) {
                all = false;
                continue;
            }
            auto r = resolve_terms(sc.contribution_terms, sc.budget, n,
                                   "the contributions of scheme " + sc.id, sc.contributions_where,
                                   diags);
            if (r)
                sc.contributions = std::move(*r);
            else
                all = false;
            continue;
        }
        if (a.pool_contributions.empty() && pool_ok) {
            diags.error(sc.where, fmt::format("scheme {} has no contributions: give it its own "
                                              "`contributions = {{ ... }}` or add a pool-level "
                                              "[contributions] table",
                                              sc.id));
            all = false;
            continue;
        }
        users.push_back(s);
        users_ok = users_ok && ok;
    }
    if (a.pool_contributions.empty()) return all && users.empty();
    if (users.empty()) {
        diags.warning(a.pool_contributions_where,
                      "the pool-level [contributions] are not used: every scheme states its own");
        return all;
    }
    if (!pool_ok || !users_ok) return false;

    const std::string owner = "the pool-level [contributions]";
    auto form = check_forms(a.pool_contributions, owner, a.pool_contributions_where, diags);
    if (!form) return false;
    if (*form == Form::percent) {
        for (std::size_t s : users) {
            Scheme& sc = a.schemes[s];
            auto r = resolve_terms(a.pool_contributions, sc.budget, n, owner,
                                   a.pool_contributions_where, diags);
            if (!r) return false; // the same terms fail the same way for every scheme
            sc.contributions = std::move(*r);
        }
        return all;
    }
    // Amounts: they must sum to the total budget of the schemes that use them (SPEC §3).
    Money total;
    std::string names;
    for (std::size_t s : users) {
        total += a.schemes[s].budget;
        names += (names.empty() ? "" : ", ") + a.schemes[s].id;
    }
    auto stated = resolve_terms(a.pool_contributions, total, n,
                                fmt::format("{} (used by {} with budgets totalling {})", owner,
                                            names, format_display(total)),
                                a.pool_contributions_where, diags);
    if (!stated) return false;
    // Each scheme in turn takes its budget from what each partner has left, in proportion: the
    // parts never exceed what is left (each is at most the ceiling of a share of it), and the last
    // scheme takes exactly the rest, so the partner totals are exactly the stated amounts.
    std::vector<Money> left = *stated;
    for (std::size_t s : users) {
        Scheme& sc = a.schemes[s];
        if (sc.budget.is_zero()) {
            sc.contributions.assign(n, Money{});
            continue;
        }
        sc.contributions = allocate(sc.budget, std::span<const Money>(left));
        for (std::size_t p = 0; p < n; ++p)
            left[p] -= sc.contributions[p];
    }
    return all;
}

} // namespace poolkit
