#include "calc/risk_share.hpp"

#include "money/allocation.hpp"

#include <algorithm>
#include <string>

namespace poolkit {

const char* step_kind_name(RiskStepKind k) {
    switch (k) {
    case RiskStepKind::opening_balance:
        return "opening-balance";
    case RiskStepKind::offset:
        return "offset";
    case RiskStepKind::share:
        return "share";
    case RiskStepKind::carry_forward:
        return "carry-forward";
    case RiskStepKind::unallocated:
        return "unallocated";
    case RiskStepKind::cap:
        return "cap";
    case RiskStepKind::reallocate:
        return "reallocate";
    }
    return "?";
}

namespace {

Money sum(std::span<const Money> xs) {
    Money t;
    for (Money x : xs)
        t += x;
    return t;
}

bool all_zero(std::span<const Money> xs) {
    return std::all_of(xs.begin(), xs.end(), [](Money m) { return m.is_zero(); });
}

// Accumulates the shares of one run of the protocol.
class Sharer {
  public:
    Sharer(const Agreement& a, const RiskShare& rs)
        : a_(a), rs_(rs), pool_weights_(a.partner_contributions()), over_(a.partners.size()),
          under_(a.partners.size()) {}

    // Shares one overspend (amount > 0) of the pool (scheme unset) or of one scheme.
    void overspend(const ShareRule& rule, Money amount, std::optional<std::size_t> scheme) {
        if (rule.kind != RuleKind::tiers) {
            simple(rule, amount, false, scheme, std::nullopt, {}, {});
            return;
        }
        // Tiers (SPEC §7): `upto` is a cumulative bound on the size of the variance; each slice is
        // shared by its tier's rule; without a last open tier the rest is unallocated.
        Money lo;
        for (std::size_t i = 0; i < rs_.overspend_tiers.size() && lo < amount; ++i) {
            const Tier& t = rs_.overspend_tiers[i];
            Money hi = t.upto ? min(*t.upto, amount) : amount;
            if (hi > lo) simple(t.rule, hi - lo, false, scheme, i, lo, hi);
            lo = max(lo, hi);
        }
        if (lo < amount) unallocated(amount - lo, scheme);
    }

    // Shares one underspend (amount < 0) of the pool or of one scheme.
    void underspend(const ShareRule& rule, Money amount, std::optional<std::size_t> scheme) {
        simple(rule, amount, true, scheme, std::nullopt, {}, {});
    }

    void step(RiskStep s) { steps_.push_back(std::move(s)); }

    Money finish_caps() {
        if (rs_.caps.empty()) return Money{};
        Money u = apply_caps(over_, rs_.caps, pool_weights_, steps_);
        unallocated_ += u;
        return u;
    }

    const std::vector<Money>& over() const { return over_; }
    const std::vector<Money>& under() const { return under_; }
    Money carried() const { return carried_; }
    Money unallocated_total() const { return unallocated_; }
    std::vector<RiskStep>& steps() { return steps_; }

  private:
    [[noreturn]] void fail(const ShareRule& rule, const std::string& msg) const {
        SourceLocation where = rule.where;
        if (where.file.empty()) where = rs_.where;
        throw Error(ErrorKind::input, where, msg);
    }

    void unallocated(Money amount, std::optional<std::size_t> scheme) {
        unallocated_ += amount;
        RiskStep s;
        s.kind = RiskStepKind::unallocated;
        s.scheme = scheme;
        s.amount = amount;
        steps_.push_back(std::move(s));
    }

    void carry(Money amount, std::optional<std::size_t> scheme) {
        carried_ -= amount; // amount is an underspend (negative): the pool keeps −amount
        RiskStep s;
        s.kind = RiskStepKind::carry_forward;
        s.scheme = scheme;
        s.rule = RuleKind::carry_forward;
        s.underspend = true;
        s.amount = amount;
        steps_.push_back(std::move(s));
    }

    // One amount by one rule that is not tiers.
    void simple(const ShareRule& rule, Money amount, bool is_under,
                std::optional<std::size_t> scheme, std::optional<std::size_t> tier, Money from,
                Money to) {
        const std::size_t n = a_.partners.size();
        RiskStep s;
        s.kind = RiskStepKind::share;
        s.scheme = scheme;
        s.tier = tier;
        s.rule = rule.kind;
        s.underspend = is_under;
        s.amount = amount;
        s.tier_from = from;
        s.tier_to = to;
        std::vector<Money> parts(n);
        switch (rule.kind) {
        case RuleKind::contributions: {
            // With basis pool, pool contributions; per scheme, contributions to that scheme. A
            // scheme whose contributions are all zero (a zero budget) falls back to the pool's.
            std::span<const Money> w = pool_weights_;
            s.weights = WeightBasis::pool;
            if (scheme && !all_zero(a_.schemes[*scheme].contributions)) {
                w = a_.schemes[*scheme].contributions;
                s.weights = WeightBasis::scheme;
            }
            if (all_zero(w)) {
                // Nobody contributed anything: an overspend has nobody to bear it, an underspend
                // stays in the pool.
                if (is_under)
                    carry(amount, scheme);
                else
                    unallocated(amount, scheme);
                return;
            }
            parts = allocate(amount, w);
            break;
        }
        case RuleKind::lead: {
            if (!scheme)
                fail(rule, "the risk-share rule `lead` needs basis `scheme` (or `offset`): the net "
                           "variance of the pool has no lead commissioner");
            const Scheme& sc = a_.schemes[*scheme];
            if (!sc.lead)
                throw Error(ErrorKind::input, sc.where,
                            "scheme " + sc.id +
                                " has no lead, but its variance is shared by rule `lead`: name "
                                "its lead commissioner");
            parts[*sc.lead] = amount;
            break;
        }
        case RuleKind::host:
            if (!a_.host) fail(rule, "the risk-share rule `host` needs the agreement's host");
            parts[*a_.host] = amount;
            break;
        case RuleKind::split: {
            std::vector<Rational> w(n);
            for (const auto& [p, frac] : rule.split)
                if (p < n) w[p] += frac;
            parts = allocate(amount, std::span<const Rational>(w));
            break;
        }
        case RuleKind::carry_forward:
            if (!is_under)
                fail(rule, "`carry-forward` is an underspend rule, not an overspend one");
            carry(amount, scheme);
            return;
        case RuleKind::tiers:
            fail(rule, is_under ? "`tiers` is an overspend rule, not an underspend one"
                                : "a tier's rule cannot itself be `tiers`");
        }
        auto& acc = is_under ? under_ : over_;
        for (std::size_t p = 0; p < n; ++p)
            acc[p] += parts[p];
        s.shares = std::move(parts);
        steps_.push_back(std::move(s));
    }

    const Agreement& a_;
    const RiskShare& rs_;
    std::vector<Money> pool_weights_;
    std::vector<Money> over_, under_;
    Money carried_, unallocated_;
    std::vector<RiskStep> steps_;
};

const ShareRule& overspend_rule(const RiskShare& rs, const Scheme& s) {
    return s.overspend ? *s.overspend : rs.overspend;
}
const ShareRule& underspend_rule(const RiskShare& rs, const Scheme& s) {
    return s.underspend ? *s.underspend : rs.underspend;
}

// Each scheme's own variance by its own rule (basis scheme, and offset after the netting).
void share_by_scheme(Sharer& sh, const Agreement& a, const RiskShare& rs,
                     std::span<const Money> v) {
    for (std::size_t s = 0; s < v.size(); ++s) {
        if (v[s].is_positive())
            sh.overspend(overspend_rule(rs, a.schemes[s]), v[s], s);
        else if (v[s].is_negative())
            sh.underspend(underspend_rule(rs, a.schemes[s]), v[s], s);
    }
}

} // namespace

Money apply_caps(std::vector<Money>& shares, std::span<const std::optional<Money>> caps,
                 std::span<const Money> weights, std::vector<RiskStep>& steps) {
    const std::size_t n = shares.size();
    auto cap_of = [&](std::size_t p) -> const std::optional<Money>& {
        static const std::optional<Money> none;
        return p < caps.size() ? caps[p] : none;
    };
    Money unallocated;
    // Each round caps at least one more partner (a partner at its cap takes no more), so this
    // ends after at most n + 1 rounds.
    for (int round = 1;; ++round) {
        Money excess;
        for (std::size_t p = 0; p < n; ++p) {
            const auto& cap = cap_of(p);
            if (!cap || shares[p] <= *cap) continue;
            RiskStep s;
            s.kind = RiskStepKind::cap;
            s.partner = p;
            s.limit = *cap;
            s.before = shares[p];
            s.amount = shares[p] - *cap;
            s.round = round;
            excess += s.amount;
            shares[p] = *cap;
            steps.push_back(std::move(s));
        }
        if (excess.is_zero()) break;
        std::vector<Money> w(n);
        for (std::size_t p = 0; p < n; ++p) {
            const auto& cap = cap_of(p);
            if (p < weights.size() && (!cap || shares[p] < *cap)) w[p] = weights[p];
        }
        if (all_zero(w)) {
            unallocated += excess;
            RiskStep s;
            s.kind = RiskStepKind::unallocated;
            s.amount = excess;
            s.round = round;
            steps.push_back(std::move(s));
            break;
        }
        RiskStep s;
        s.kind = RiskStepKind::reallocate;
        s.rule = RuleKind::contributions;
        s.weights = WeightBasis::pool;
        s.amount = excess;
        s.round = round;
        s.shares = allocate(excess, std::span<const Money>(w));
        for (std::size_t p = 0; p < n; ++p)
            shares[p] += s.shares[p];
        steps.push_back(std::move(s));
    }
    return unallocated;
}

RiskShareResult share_risk(const Agreement& a, std::span<const Money> v) {
    if (!a.risk_share)
        throw Error(ErrorKind::usage, "agreement " + a.id + " (" + kind_name(a.kind) +
                                          ") has no risk share: each partner bears its own "
                                          "variance");
    if (v.size() != a.schemes.size())
        throw Error(ErrorKind::invariant, "risk share: " + std::to_string(v.size()) +
                                              " variances for " + std::to_string(a.schemes.size()) +
                                              " schemes");
    const RiskShare& rs = *a.risk_share;
    const std::size_t n = a.partners.size();
    RiskShareResult r;
    r.basis = rs.basis;
    r.variance = sum(v);
    r.opening_balance = a.opening_balance;
    Sharer sh(a, rs);

    switch (rs.basis) {
    case RiskBasis::pool: {
        // The opening balance is applied first against a net overspend; the rest is carried
        // forward (SPEC §7). A negative opening balance (a deficit brought forward) is never
        // "applied": it is carried forward as it is.
        if (r.variance.is_positive() && a.opening_balance.is_positive()) {
            r.opening_applied = min(a.opening_balance, r.variance);
            RiskStep s;
            s.kind = RiskStepKind::opening_balance;
            s.amount = r.opening_applied;
            sh.step(std::move(s));
        }
        r.shared = r.variance - r.opening_applied;
        if (r.shared.is_positive())
            sh.overspend(rs.overspend, r.shared, std::nullopt);
        else if (r.shared.is_negative())
            sh.underspend(rs.underspend, r.shared, std::nullopt);
        break;
    }
    case RiskBasis::scheme:
        // No netting: each scheme by its own rule (SPEC §7). The opening balance is not applied
        // (SPEC applies it with basis pool only): it is carried forward whole.
        r.shared = r.variance;
        share_by_scheme(sh, a, rs, v);
        break;
    case RiskBasis::offset: {
        // Underspends first offset the overspends, pro rata to each overspend (an allocation).
        // Symmetrically, the underspend used is taken from the underspent schemes pro rata to
        // their underspends, so each scheme keeps a residual that follows its own rule: a net
        // overspend by each overspent scheme's overspend rule, a net underspend by each underspent
        // scheme's underspend rule (its override, else the pool's). With nothing to net, offset is
        // the same as basis scheme. The opening balance is carried forward, as with basis scheme.
        r.shared = r.variance;
        std::vector<Money> over(v.size()), under(v.size());
        Money total_over, total_under;
        for (std::size_t s = 0; s < v.size(); ++s) {
            if (v[s].is_positive()) {
                over[s] = v[s];
                total_over += v[s];
            } else if (v[s].is_negative()) {
                under[s] = -v[s];
                total_under += under[s];
            }
        }
        Money netted = min(total_over, total_under);
        std::vector<Money> residual(v.begin(), v.end());
        if (netted.is_positive()) {
            auto off_over = allocate(netted, std::span<const Money>(over));
            auto off_under = allocate(netted, std::span<const Money>(under));
            for (std::size_t s = 0; s < v.size(); ++s) {
                Money d = off_over[s] - off_under[s]; // one of the two is zero
                if (d.is_zero()) continue;
                residual[s] -= d;
                RiskStep st;
                st.kind = RiskStepKind::offset;
                st.scheme = s;
                st.amount = d;
                sh.step(std::move(st));
            }
        }
        share_by_scheme(sh, a, rs, residual);
        break;
    }
    }

    // Caps: after all tiers and all schemes, on each partner's total share of overspend.
    sh.finish_caps();

    r.overspend_shares = sh.over();
    r.underspend_shares = sh.under();
    r.shares.resize(n);
    for (std::size_t p = 0; p < n; ++p)
        r.shares[p] = r.overspend_shares[p] + r.underspend_shares[p];
    r.underspend_carried = sh.carried();
    r.carried_forward = r.underspend_carried + (a.opening_balance - r.opening_applied);
    r.unallocated = sh.unallocated_total();
    r.steps = std::move(sh.steps());

    // SPEC §7: risk shares + underspend carried forward + unallocated = the variance being shared.
    Money lhs = sum(r.shares) - r.underspend_carried + r.unallocated;
    if (lhs != r.shared)
        throw Error(ErrorKind::invariant, "risk share does not reconcile: shares " +
                                              format_plain(sum(r.shares)) + " - carried forward " +
                                              format_plain(r.underspend_carried) +
                                              " + unallocated " + format_plain(r.unallocated) +
                                              " != variance shared " + format_plain(r.shared));
    for (std::size_t p = 0; p < n; ++p)
        if (r.overspend_shares[p].is_negative() || r.underspend_shares[p].is_positive())
            throw Error(ErrorKind::invariant, "risk share: partner " + a.partners[p].id +
                                                  " has an overspend share below zero or an "
                                                  "underspend share above zero");
    if (r.unallocated.is_negative() || r.underspend_carried.is_negative())
        throw Error(ErrorKind::invariant, "risk share: negative unallocated or carried amount");
    return r;
}

} // namespace poolkit
