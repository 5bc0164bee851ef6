#include "model/varied_agreement.hpp"

#include "model/contributions.hpp"
#include "model/instalments.hpp"
#include "money/allocation.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace poolkit {

Money budget_before(const PeriodArray<Money>& phased, Period from) {
    Money sum;
    for (Period m : Period::first_n(from.number() - 1))
        sum += phased[m];
    return sum;
}

PeriodArray<Money> rephase(const Profile& profile, const PeriodArray<Money>& phased, Money budget,
                           Period from) {
    std::vector<Rational> w;
    for (Period m : Period::from(from)) {
        if (profile.form == Profile::Form::weights && profile.weights.size() == Period::count)
            w.push_back(profile.weights[m.index()]);
        else if (profile.form == Profile::Form::amounts && profile.amounts.size() == Period::count)
            w.push_back(profile.amounts[m.index()].as_rational());
        else
            w.push_back(Rational(1));
    }
    if (std::all_of(w.begin(), w.end(), [](const Rational& x) { return x == 0; }))
        std::fill(w.begin(), w.end(), Rational(1));
    const std::vector<Money> parts = allocate(budget - budget_before(phased, from), w);
    PeriodArray<Money> out = phased;
    std::size_t i = 0;
    for (Period m : Period::from(from))
        out[m] = parts[i++];
    return out;
}

std::span<const Variation> variations_applied(const Agreement& a) {
    return std::span<const Variation>(a.variations).first(a.variations_applied);
}

namespace {

bool percent_terms(std::span<const ContributionTerm> terms) {
    return std::none_of(terms.begin(), terms.end(), [](const ContributionTerm& t) {
        return t.form == ContributionTerm::Form::amount;
    });
}

class Applier {
  public:
    Applier(Agreement& a, Diagnostics& diags) : a_(a), diags_(diags) {
        for (const Scheme& s : a.schemes) {
            exists_.push_back(!s.added_from);
            // Pool-level amounts divide a changed budget in their proportions (SPEC §14): each
            // partner's total over the schemes that use them, as agreed.
            if (s.contribution_terms.empty() && !s.added_from) {
                pool_weights_.resize(s.contributions.size());
                for (std::size_t p = 0; p < s.contributions.size(); ++p)
                    pool_weights_[p] += s.contributions[p];
            }
        }
        instalments_ = instalments_due(a);
    }

    bool apply(const Variation& v) {
        v_ = &v;
        const std::size_t errors = diags_.error_count();
        for (std::size_t i = 0; i < v.changes.size(); ++i)
            change(v.changes[i], i);
        if (diags_.error_count() != errors) return false;
        if (a_.kind == AgreementKind::pooled) rephase_instalments(v.effective);
        a_.instalments = instalments_;
        ++a_.variations_applied;
        return true;
    }

  private:
    void error(const VariationChange& c, std::string message) {
        diags_.error(c.where, fmt::format("variation {}: {}", v_->id, message));
    }

    // The scheme a change names, when a change may be made to it at this variation's period.
    Scheme* open_scheme(const VariationChange& c, std::size_t s, std::string_view id) {
        if (!exists_[s]) {
            error(c, fmt::format("scheme {} is not added until {} (a later variation): a change "
                                 "to it belongs in that variation or after it",
                                 id, a_.schemes[s].added_from->label()));
            return nullptr;
        }
        if (const auto& closed = a_.schemes[s].closed_from) {
            error(c, fmt::format("scheme {} was closed from {}: a closed scheme cannot be "
                                 "changed",
                                 id, closed->label()));
            return nullptr;
        }
        return &a_.schemes[s];
    }

    // A new annual budget from the effective period, never below the budget to date.
    bool set_budget(const VariationChange& c, Scheme& s, Money budget, std::string_view what) {
        const Money before = budget_before(s.phased, v_->effective);
        if (budget < before) {
            error(c, fmt::format("{} leaves scheme {} a budget of {}, below its budget to date "
                                 "({} to the end of {}): a variation cannot restate the periods "
                                 "before it",
                                 what, s.id, format_display(budget), format_display(before),
                                 v_->effective.previous() ? v_->effective.previous()->label()
                                                          : std::string("the year's start")));
            return false;
        }
        s.budget = budget;
        s.phased = rephase(s.profile, s.phased, budget, v_->effective);
        return true;
    }

    // A changed budget re-divided by the scheme's split (SPEC §14): percentages applied to the
    // new budget; stated amounts stay and the `rest` partner takes the change; pool-level
    // contributions as proportions.
    void redivide(const VariationChange& c, Scheme& s, Money old_budget) {
        const std::string owner = fmt::format("scheme {} in variation {}", s.id, v_->id);
        if (s.contribution_terms.empty()) {
            if (percent_terms(a_.pool_contributions)) {
                if (auto r = resolve_terms(a_.pool_contributions, s.budget, a_.partners.size(),
                                           owner, c.where, diags_))
                    s.contributions = *r;
            } else if (std::any_of(pool_weights_.begin(), pool_weights_.end(),
                                   [](Money m) { return !m.is_zero(); })) {
                s.contributions = allocate(s.budget, pool_weights_);
            } else {
                s.contributions.assign(a_.partners.size(), Money());
                if (!s.budget.is_zero())
                    error(c, fmt::format("scheme {} takes the pool-level amounts, which are all "
                                         "zero: give it contributions of its own",
                                         s.id));
            }
            return;
        }
        if (percent_terms(s.contribution_terms)) {
            if (auto r = resolve_terms(s.contribution_terms, s.budget, a_.partners.size(), owner,
                                       c.where, diags_))
                s.contributions = *r;
            return;
        }
        auto rest =
            std::find_if(s.contribution_terms.begin(), s.contribution_terms.end(),
                         [](const auto& t) { return t.form == ContributionTerm::Form::rest; });
        if (rest == s.contribution_terms.end()) {
            error(c, fmt::format("scheme {}'s contributions are stated amounts with no \"rest\" "
                                 "partner to take the change of budget; give its new "
                                 "contributions in the same variation ({{ scheme = \"{}\", "
                                 "contributions = {{ ... }} }})",
                                 s.id, s.id));
            return;
        }
        Money& taken = s.contributions[to_size(rest->partner)];
        taken += s.budget - old_budget;
        if (taken.is_negative())
            error(c, fmt::format("the change of scheme {}'s budget leaves {}, its \"rest\" "
                                 "partner, a negative contribution ({}): give its new "
                                 "contributions in the same variation",
                                 s.id, a_.partner(rest->partner).id, format_display(taken)));
    }

    // Whether a change after change `i` of this variation gives scheme `s` new contributions
    // (then a budget change is not re-divided by the old split first).
    bool terms_follow(std::size_t i, std::size_t s) const {
        return std::any_of(v_->changes.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                           v_->changes.end(), [&](const VariationChange& c) {
                               return c.kind == ChangeKind::contributions && c.scheme == s;
                           });
    }

    void change(const VariationChange& c, std::size_t i) {
        switch (c.kind) {
        case ChangeKind::budget: {
            Scheme* s = open_scheme(c, c.scheme, c.scheme_id);
            if (!s) return;
            const Money old = s->budget;
            if (set_budget(c, *s, c.amount, "the new budget") && !terms_follow(i, c.scheme))
                redivide(c, *s, old);
            return;
        }
        case ChangeKind::contributions: {
            Scheme* s = open_scheme(c, c.scheme, c.scheme_id);
            if (!s) return;
            if (auto r = resolve_terms(c.terms, s->budget, a_.partners.size(),
                                       fmt::format("scheme {} in variation {}", s->id, v_->id),
                                       c.where, diags_)) {
                s->contributions = *r;
                s->contribution_terms = c.terms;
            }
            return;
        }
        case ChangeKind::virement: {
            Scheme* from = open_scheme(c, c.scheme, c.scheme_id);
            Scheme* to = open_scheme(c, c.to, c.to_id);
            if (!from || !to) return;
            if (!set_budget(c, *from, from->budget - c.amount,
                            fmt::format("the virement of {}", format_display(c.amount))))
                return;
            set_budget(c, *to, to->budget + c.amount, "the virement");
            // Each partner's share of the `from` scheme moves with the budget (an allocation).
            const std::vector<Money> moved = allocate(c.amount, from->contributions);
            for (std::size_t p = 0; p < moved.size(); ++p) {
                from->contributions[p] -= moved[p];
                to->contributions[p] += moved[p];
            }
            return;
        }
        case ChangeKind::add_scheme: {
            Scheme& s = a_.schemes[c.scheme];
            exists_[c.scheme] = true;
            s.contributions.assign(a_.partners.size(), Money());
            set_budget(c, s, c.amount, "the new scheme's budget");
            if (terms_follow(i, c.scheme)) return;
            redivide(c, s, Money());
            return;
        }
        case ChangeKind::close_scheme: {
            Scheme* s = open_scheme(c, c.scheme, c.scheme_id);
            if (!s) return;
            const Money old = s->budget;
            set_budget(c, *s, budget_before(s->phased, v_->effective), "closing it");
            s->closed_from = v_->effective;
            redivide(c, *s, old);
            return;
        }
        }
    }

    // A changed annual contribution falls on the partner's remaining instalments by their
    // weights; what was due before stays due; with no instalment left, on the effective period.
    void rephase_instalments(Period from) {
        const std::vector<Money> totals = a_.partner_contributions();
        std::vector<Period> left;
        for (Period m : instalment_periods(a_.payment_schedule))
            if (m >= from) left.push_back(m);
        if (left.empty()) left.push_back(from);
        const std::vector<Rational> weights(left.size(), Rational(1));
        for (std::size_t p = 0; p < totals.size(); ++p) {
            PeriodArray<Money>& row = instalments_[p];
            Money all;
            for (Money m : row)
                all += m;
            if (all == totals[p]) continue;
            const Money before = budget_before(row, from);
            for (Period m : Period::from(from))
                row[m] = Money();
            const std::vector<Money> parts = allocate(totals[p] - before, weights);
            for (std::size_t i = 0; i < left.size(); ++i)
                row[left[i]] = parts[i];
        }
    }

    Agreement& a_;
    Diagnostics& diags_;
    const Variation* v_ = nullptr;
    std::vector<bool> exists_;
    std::vector<Money> pool_weights_;
    std::vector<PeriodArray<Money>> instalments_;
};

} // namespace

bool apply_variations(Agreement& a, Period through, Diagnostics& diags) {
    if (a.variations_applied != 0)
        throw Error(ErrorKind::invariant, "variations applied to an agreement already varied");
    Applier applier(a, diags);
    for (const Variation& v : a.variations) {
        if (v.effective > through) break;
        if (!applier.apply(v)) return false;
    }
    return true;
}

Agreement as_varied(const Agreement& a, Period through) {
    Agreement out = a;
    Diagnostics diags;
    if (!apply_variations(out, through, diags))
        throw Error(ErrorKind::invariant,
                    "a variation the loader accepted could not be applied: " +
                        (diags.items.empty() ? std::string() : diags.items.front().message));
    return out;
}

Agreement as_varied_before(const Agreement& a, Period period) {
    // Before P01 nothing was issued: a variation effective from P01 is the year's own terms.
    return as_varied(a, period.previous().value_or(period));
}

} // namespace poolkit
