#include "calc/risk_share.hpp"

#include "money/allocation.hpp"

#include <algorithm>
#include <string>

namespace poolkit {

const char* step_kind_name(RiskStepKind k) {
    return risk_step_kinds.keyword(k).data();
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

// A step that leaves `amount` of overspend unallocated (SPEC §7): of a scheme, of the pool, or of
// a round of the caps.
RiskStep unallocated_step(Money amount, std::optional<std::size_t> scheme, int round = 0) {
    RiskStep s;
    s.kind = RiskStepKind::unallocated;
    s.scheme = scheme;
    s.amount = amount;
    s.round = round;
    return s;
}

// A step that shares `amount` pro rata to pool contributions (`weights`, not all zero): a deficit
// brought forward, or what the caps cut (SPEC §7).
RiskStep pro_rata_step(RiskStepKind kind, Money amount, std::span<const Money> weights) {
    RiskStep s;
    s.kind = kind;
    s.rule = RuleKind::contributions;
    s.weights = WeightBasis::pool;
    s.amount = amount;
    s.shares = allocate(amount, weights);
    return s;
}

// Accumulates the shares of one run of the protocol.
class Sharer {
  public:
    Sharer(const Agreement& a, const RiskShare& rs)
        : a_(a), rs_(rs), pool_weights_(a.partner_contributions()), over_(a.partners.size()),
          under_(a.partners.size()), recovery_(a.partners.size()) {}

    // A deficit brought forward (amount > 0 to recover), shared pro rata to pool contributions as
    // its own step (SPEC §7); nobody to share it by leaves it unallocated.
    void recover_deficit(Money amount) {
        if (all_zero(pool_weights_)) {
            unallocated(amount, std::nullopt);
            steps_.back().deficit = true;
            return;
        }
        RiskStep s = pro_rata_step(RiskStepKind::deficit_recovery, amount, pool_weights_);
        for (std::size_t p = 0; p < recovery_.size(); ++p)
            recovery_[p] += s.shares[p];
        steps_.push_back(std::move(s));
    }

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

    // Caps bound each partner's net risk share (SPEC §7). A cut comes out of the partner's
    // overspend shares (a net share above a cap >= 0 has at least that much of them), and what is
    // re-allocated adds to the others' overspend shares.
    Money finish_caps() {
        if (rs_.caps.empty()) return Money{};
        std::vector<Money> net(over_.size());
        for (std::size_t p = 0; p < net.size(); ++p)
            net[p] = over_[p] + under_[p];
        std::vector<Money> before = net;
        Money u = apply_caps(net, rs_.caps, pool_weights_, steps_);
        for (std::size_t p = 0; p < net.size(); ++p)
            over_[p] += net[p] - before[p];
        unallocated_ += u;
        return u;
    }

    const std::vector<Money>& over() const { return over_; }
    const std::vector<Money>& under() const { return under_; }
    const std::vector<Money>& recovery() const { return recovery_; }
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
        steps_.push_back(unallocated_step(amount, scheme));
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
            parts[to_size(*sc.lead)] = amount;
            break;
        }
        case RuleKind::host:
            if (!a_.host) fail(rule, "the risk-share rule `host` needs the agreement's host");
            parts[to_size(*a_.host)] = amount;
            break;
        case RuleKind::split: {
            std::vector<Rational> w(n);
            for (const auto& [p, frac] : rule.split)
                if (to_size(p) < n) w[to_size(p)] += frac;
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
    std::vector<Money> over_, under_, recovery_;
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

// A surplus brought forward meets the overspent schemes' (remaining) overspends pro rata to them,
// an allocation, before any scheme's own rule (SPEC §7, bases scheme and offset). Returns the part
// used; `v` loses it.
Money apply_surplus(Sharer& sh, Money surplus, std::vector<Money>& v) {
    std::vector<Money> over(v.size());
    Money total_over;
    for (std::size_t s = 0; s < v.size(); ++s)
        if (v[s].is_positive()) over[s] = v[s], total_over += v[s];
    Money used = min(surplus, total_over);
    if (!used.is_positive()) return Money{};
    auto parts = allocate(used, std::span<const Money>(over));
    for (std::size_t s = 0; s < v.size(); ++s) {
        if (parts[s].is_zero()) continue;
        v[s] -= parts[s];
        RiskStep st;
        st.kind = RiskStepKind::opening_balance;
        st.scheme = s;
        st.amount = parts[s];
        sh.step(std::move(st));
    }
    return used;
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
    std::vector<bool> capped(n);
    // Each round cuts at least one partner not cut before (a cut partner takes no more), so this
    // ends after at most n + 1 rounds.
    for (int round = 1;; ++round) {
        Money excess;
        for (std::size_t p = 0; p < n; ++p) {
            const auto& cap = cap_of(p);
            if (!cap || shares[p] <= *cap) continue;
            capped[p] = true;
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
        for (std::size_t p = 0; p < n; ++p)
            if (p < weights.size() && !capped[p]) w[p] = weights[p];
        if (all_zero(w)) {
            unallocated += excess;
            steps.push_back(unallocated_step(excess, std::nullopt, round));
            break;
        }
        RiskStep s = pro_rata_step(RiskStepKind::reallocate, excess, w);
        s.round = round;
        for (std::size_t p = 0; p < n; ++p)
            shares[p] += s.shares[p];
        steps.push_back(std::move(s));
    }
    return unallocated;
}

RiskShareResult share_risk(const Agreement& a, std::span<const Money> v) {
    const std::optional<RiskShare> effective = effective_risk_share(a);
    if (!effective)
        throw Error(ErrorKind::usage,
                    "agreement " + a.id + " (" + kind_name(a.kind) + ") has no risk share: " +
                        (a.kind == AgreementKind::joint
                             ? "a joint budget charges each partner its share of actual spending"
                             : "each partner bears its own variance"));
    if (v.size() != a.schemes.size())
        throw Error(ErrorKind::invariant, "risk share: " + std::to_string(v.size()) +
                                              " variances for " + std::to_string(a.schemes.size()) +
                                              " schemes");
    const RiskShare& rs = *effective;
    const std::size_t n = a.partners.size();
    RiskShareResult r;
    r.basis = rs.basis;
    r.variance = sum(v);
    r.opening_balance = a.opening_balance;
    Sharer sh(a, rs);

    // The opening balance comes before any partner's share (SPEC §7). A deficit brought forward
    // is recovered first, on its own; a surplus meets the overspend below, by basis.
    if (a.opening_balance.is_negative()) {
        r.opening_applied = a.opening_balance;
        sh.recover_deficit(-a.opening_balance);
    }
    const Money surplus = a.opening_balance.is_positive() ? a.opening_balance : Money{};

    switch (rs.basis) {
    case RiskBasis::pool: {
        // The surplus brought forward is applied against a net overspend; the rest is carried
        // forward.
        Money net = r.variance;
        if (net.is_positive() && surplus.is_positive()) {
            Money used = min(surplus, net);
            r.opening_applied = used;
            net -= used;
            RiskStep s;
            s.kind = RiskStepKind::opening_balance;
            s.amount = used;
            sh.step(std::move(s));
        }
        if (net.is_positive())
            sh.overspend(rs.overspend, net, std::nullopt);
        else if (net.is_negative())
            sh.underspend(rs.underspend, net, std::nullopt);
        break;
    }
    case RiskBasis::scheme: {
        // No netting: each scheme by its own rule, after the surplus brought forward has met the
        // overspent schemes pro rata to their overspends.
        std::vector<Money> residual(v.begin(), v.end());
        if (surplus.is_positive()) r.opening_applied = apply_surplus(sh, surplus, residual);
        share_by_scheme(sh, a, rs, residual);
        break;
    }
    case RiskBasis::offset: {
        // Underspends first offset the overspends, pro rata to each overspend (an allocation).
        // The underspend used is taken from the underspent schemes pro rata to their
        // underspends, so each scheme keeps a residual that follows its own rule: a remaining
        // overspend by the scheme's overspend rule, a remaining underspend by its underspend rule
        // on that scheme's contributions, so money not spent goes back to those who funded it.
        // A surplus brought forward then meets what is left of the overspends, pro rata to it.
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
        if (surplus.is_positive()) r.opening_applied = apply_surplus(sh, surplus, residual);
        share_by_scheme(sh, a, rs, residual);
        break;
    }
    }
    r.shared = r.variance - r.opening_applied;

    // Caps: after all tiers and all schemes, on each partner's net risk share.
    sh.finish_caps();

    r.overspend_shares = sh.over();
    r.underspend_shares = sh.under();
    r.deficit_recovery = sh.recovery();
    r.shares.resize(n);
    r.net_shares.resize(n);
    for (std::size_t p = 0; p < n; ++p) {
        r.net_shares[p] = r.overspend_shares[p] + r.underspend_shares[p];
        r.shares[p] = r.deficit_recovery[p] + r.net_shares[p];
    }
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
    for (std::size_t p = 0; p < n; ++p) {
        if (r.overspend_shares[p].is_negative() || r.underspend_shares[p].is_positive() ||
            r.deficit_recovery[p].is_negative())
            throw Error(ErrorKind::invariant, "risk share: partner " + a.partners[p].id +
                                                  " has an overspend share or a deficit recovery "
                                                  "below zero, or an underspend share above zero");
        if (p < rs.caps.size() && rs.caps[p] && r.net_shares[p] > *rs.caps[p])
            throw Error(ErrorKind::invariant, "risk share: partner " + a.partners[p].id +
                                                  "'s net risk share is above its cap");
    }
    if (r.unallocated.is_negative() || r.underspend_carried.is_negative())
        throw Error(ErrorKind::invariant, "risk share: negative unallocated or carried amount");
    return r;
}

} // namespace poolkit
