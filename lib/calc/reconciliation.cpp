#include "calc/reconciliation.hpp"

#include "calc/schedule.hpp"
#include "calc/scheme_term_spend.hpp"
#include "money/allocation.hpp"
#include "support/error.hpp"

#include <fmt/format.h>

namespace poolkit {

const char* forecast_name(ForecastMethod m) {
    return forecast_methods.keyword(m).data();
}

BudgetFigures& BudgetFigures::operator+=(const BudgetFigures& o) {
    for (const BudgetFigure& f : budget_figures)
        this->*f.amount += o.*f.amount;
    return *this;
}

Money budget_to(const Scheme& scheme, int periods_elapsed) {
    Money t;
    for (Period m : Period::first_n(periods_elapsed))
        t += scheme.phased[m];
    return t;
}

Money forecast_outturn(ForecastMethod method, Money budget, Money budget_ytd, Money actual_ytd,
                       int periods_elapsed) {
    if (periods_elapsed <= 0) return budget;
    if (method == ForecastMethod::profile) return actual_ytd + (budget - budget_ytd);
    return round_half_away(actual_ytd.as_rational() * Period::count / periods_elapsed);
}

namespace {

// The variance and forecast of a budget whose budget, budget to date and actual are set (SPEC §6),
// m periods into the year.
void add_forecast(BudgetFigures& f, ForecastMethod method, int m) {
    f.variance_ytd = f.actual_ytd - f.budget_ytd;
    f.forecast_outturn = forecast_outturn(method, f.budget, f.budget_ytd, f.actual_ytd, m);
    f.forecast_variance = f.forecast_outturn - f.budget;
}

SchemeFigures scheme_figures(const Agreement& a, const Agreement& before, const Actuals& act,
                             std::size_t s, Period period, ForecastMethod method,
                             const std::optional<CommitmentsForecast>& cf, Money adjustment) {
    const int m = period.number(); // periods elapsed to its end
    const Scheme& scheme = a.schemes[s];
    SchemeFigures f;
    f.budget = scheme.budget;
    f.budget_ytd = budget_to(scheme, m);
    f.actual_ytd = act.scheme_to(SchemeIndex{s}, m);
    f.income_ytd = act.scheme_income_to(SchemeIndex{s}, m);
    f.expenditure_ytd = f.actual_ytd + f.income_ytd;
    add_forecast(f, method, m);
    // The previous month's forecast from the same ledgers (SPEC §5 `previous_forecast_outturn`),
    // on the terms in effect then (SPEC §14: a variation never restates it); before P01 it is the
    // budget.
    const Scheme& then = before.schemes[s];
    f.previous_forecast = forecast_outturn(method, then.budget, budget_to(then, m - 1),
                                           act.scheme_to(SchemeIndex{s}, m - 1), m - 1);
    // From commitments (SPEC §12): the actual to date and what the register commits after it.
    if (cf && cf->schemes[s].rows > 0) {
        f.forecast_outturn = f.actual_ytd + cf->schemes[s].rest();
        f.forecast_variance = f.forecast_outturn - f.budget;
        f.previous_forecast = act.scheme_to(SchemeIndex{s}, m - 1) + cf->schemes_previous[s].rest();
    }
    // A budget holder's adjustment (SPEC §12 --adjust) is part of both forecasts.
    f.forecast_outturn += adjustment;
    f.forecast_variance = f.forecast_outturn - f.budget;
    f.previous_forecast += adjustment;
    f.forecast_movement = f.forecast_outturn - f.previous_forecast;
    f.rag = rag_status(f.forecast_variance, f.budget, a.monitoring);
    return f;
}

void add_to(SchemeFigures& t, const SchemeFigures& f) {
    t += f;
    t.previous_forecast += f.previous_forecast;
    t.forecast_movement += f.forecast_movement;
}

// The accepted lines in `periods` (SPEC §4), from the actuals' own line counts.
LineTally lines_in(const Actuals& act, Period::Range periods) {
    LineTally t;
    for (std::size_t p = 0; p < act.partners(); ++p)
        for (std::size_t s = 0; s < act.schemes(); ++s)
            for (Period m : periods) {
                t.lines += act.lines_at(PartnerIndex{p}, SchemeIndex{s}, m);
                t.total += act.at(PartnerIndex{p}, SchemeIndex{s}, m);
            }
    return t;
}

} // namespace

Reconciliation reconcile(const Agreement& a, const Actuals& act, Period period,
                         ForecastMethod method, const CashRegister* cash,
                         std::optional<CommitmentsForecast> commitments,
                         std::vector<Money> adjustments, const Agreement* terms_before) {
    const int m = period.number(); // periods elapsed to its end
    if (act.partners() != a.partners.size() || act.schemes() != a.schemes.size())
        throw Error(ErrorKind::invariant, "actuals do not have the agreement's shape");
    const Agreement& then = terms_before ? *terms_before : a;
    if (then.schemes.size() != a.schemes.size() || then.partners.size() != a.partners.size())
        throw Error(ErrorKind::invariant, "last month's terms do not have the agreement's shape");

    Reconciliation r;
    r.period = period;
    r.method = method;
    r.commitments = std::move(commitments);
    r.adjustments = std::move(adjustments);
    std::vector<Money> forecast_variances;
    for (std::size_t s = 0; s < a.schemes.size(); ++s) {
        r.schemes.push_back(scheme_figures(a, then, act, s, period, method, r.commitments,
                                           r.adjustments.empty() ? Money{} : r.adjustments.at(s)));
        add_to(r.total, r.schemes.back());
        forecast_variances.push_back(r.schemes.back().forecast_variance);
    }
    r.total.rag = rag_status(r.total.forecast_variance, r.total.budget, a.monitoring);

    // Every penny: the schemes' actuals, the partners' ledgers and the accepted control total
    // agree.
    Money by_partner;
    for (std::size_t p = 0; p < a.partners.size(); ++p)
        by_partner += act.partner_to(PartnerIndex{p}, m);
    if (by_partner != r.total.actual_ytd)
        throw Error(ErrorKind::invariant, "reconciliation: schemes and partners do not agree");
    // ... and the whole year's actuals are exactly the accepted lines of the ledgers read (SPEC
    // §4 control totals), when the actuals came from a reader (hand-built ones carry no totals).
    if (act.control.lines_read > 0 && act.total_to(Period::count) != act.control.total_accepted)
        throw Error(ErrorKind::invariant, fmt::format("reconciliation: the actuals total {} but "
                                                      "the ledgers' accepted lines total {}",
                                                      format_plain(act.total_to(Period::count)),
                                                      format_plain(act.control.total_accepted)));
    // The control totals tie to the statement (SPEC §4, §6): every accepted line is to the period
    // or after it.
    r.to_period = lines_in(act, Period::through(period));
    r.after_period = lines_in(act, Period::after(period));
    if (act.control.lines_read > 0 &&
        r.to_period.lines + r.after_period.lines != act.control.lines_accepted)
        throw Error(ErrorKind::invariant,
                    fmt::format("reconciliation: {} lines to {} and {} after, but the ledgers "
                                "accepted {}",
                                r.to_period.lines, m, r.after_period.lines,
                                act.control.lines_accepted));
    r.outside_term = spend_outside_term(a, act, period); // SPEC §14: a finding

    switch (a.kind) {
    case AgreementKind::pooled: {
        ContributionSchedule schedule = build_schedule(a);
        if (cash) r.cash = CashSource::cash_register;
        // The same effective risk share, opening balance and caps as pool-settle (SPEC §6), so
        // that at P12 the forecast share is the settlement's.
        r.forecast_share = share_risk(a, std::span<const Money>(forecast_variances));
        for (std::size_t p = 0; p < a.partners.size(); ++p) {
            PartnerPosition pos;
            pos.contribution_due_ytd = schedule.due_to(p, m);
            // Spend in the host's own ledger is the pool's spending; another partner's is spend on
            // the pool's behalf, to be reimbursed (SPEC §6).
            if (!a.is_host(PartnerIndex{p}))
                pos.direct_spend_ytd = act.partner_to(PartnerIndex{p}, m);
            // The register's rows to the end of m (SPEC §10); without one, contributions are
            // assumed received as due and nothing reimbursed yet.
            pos.received_ytd =
                cash ? contributions_paid(a, *cash, p, period, pos.contribution_due_ytd)
                     : pos.contribution_due_ytd;
            if (cash) pos.reimbursed_ytd = reimbursed_to(*cash, p, period);
            pos.position = partner_position(pos.contribution_due_ytd, pos.received_ytd,
                                            pos.direct_spend_ytd, pos.reimbursed_ytd);
            if (r.forecast_share) pos.forecast_risk_share = r.forecast_share->shares[p];
            r.partners.push_back(pos);
        }
        break;
    }
    case AgreementKind::aligned: {
        // Each partner's own budget to date is its share of the scheme's budget to date, allocated
        // cumulatively by the contributions (SPEC §2, as the joint recharges): so the partners'
        // figures always add up to the combined view to the penny, and at P12 each is exactly
        // its contribution. (Phasing each partner's budget on its own would round each part
        // separately, and the parts could miss the scheme's budget to date by pennies.)
        std::vector<std::vector<Money>> own_ytd(a.schemes.size());
        for (std::size_t s = 0; s < a.schemes.size(); ++s) {
            Money ytd = r.schemes[s].budget_ytd;
            own_ytd[s] = ytd.is_zero()
                             ? std::vector<Money>(a.partners.size())
                             : allocate(ytd, std::span<const Money>(a.schemes[s].contributions));
        }
        // From commitments (SPEC §12), each partner's own part of a scheme is forecast from the
        // cases it referred, and the scheme's allowance allocated by the contributions (§2): so
        // the partners' forecasts add up to the scheme's.
        // A budget holder's adjustment (--adjust) likewise, by the contributions.
        std::vector<std::vector<Money>> rest(a.schemes.size(),
                                             std::vector<Money>(a.partners.size()));
        std::vector<std::vector<Money>> adjusted = rest;
        for (std::size_t s = 0; s < r.adjustments.size(); ++s)
            if (!r.adjustments[s].is_zero())
                adjusted[s] =
                    allocate(r.adjustments[s], std::span<const Money>(a.schemes[s].contributions));
        if (r.commitments) {
            for (const CaseCommitted& c : r.commitments->cases)
                rest[to_size(c.scheme)][to_size(c.partner)] += c.committed;
            for (std::size_t s = 0; s < a.schemes.size(); ++s) {
                const Money allowance = r.commitments->schemes[s].allowance;
                if (allowance.is_zero()) continue;
                const std::vector<Money> part =
                    allocate(allowance, std::span<const Money>(a.schemes[s].contributions));
                for (std::size_t p = 0; p < a.partners.size(); ++p)
                    rest[s][p] += part[p];
            }
        }
        for (std::size_t p = 0; p < a.partners.size(); ++p) {
            AlignedSubtotal sub;
            sub.partner = PartnerIndex{p};
            for (std::size_t s = 0; s < a.schemes.size(); ++s) {
                AlignedFigures f;
                f.partner = PartnerIndex{p};
                f.scheme = SchemeIndex{s};
                f.budget = a.schemes[s].contributions[p];
                if (f.budget.is_zero() &&
                    act.partner_scheme_to(PartnerIndex{p}, SchemeIndex{s}, Period::count)
                        .is_zero() &&
                    rest[s][p].is_zero())
                    continue;
                f.budget_ytd = own_ytd[s][p];
                f.actual_ytd = act.partner_scheme_to(PartnerIndex{p}, SchemeIndex{s}, m);
                f.income_ytd = act.partner_scheme_income_to(PartnerIndex{p}, SchemeIndex{s}, m);
                f.expenditure_ytd = f.actual_ytd + f.income_ytd;
                add_forecast(f, method, m);
                if (r.from_commitments(s)) f.forecast_outturn = f.actual_ytd + rest[s][p];
                f.forecast_outturn += adjusted[s][p];
                f.forecast_variance = f.forecast_outturn - f.budget;
                f.spend_without_budget = f.budget.is_zero() && !f.actual_ytd.is_zero();
                if (f.spend_without_budget) ++r.spend_without_budget;
                sub += f;
                r.aligned.push_back(f);
            }
            r.aligned_subtotals.push_back(sub);
        }
        break;
    }
    case AgreementKind::joint: {
        // The invoices and the partner table (SPEC §6): the invoices before from the register's
        // invoice rows, so a line back-dated into an invoiced month is billed now; without a
        // register they are recomputed from these ledgers.
        std::vector<Money> forecasts;
        for (const auto& f : r.schemes)
            forecasts.push_back(f.forecast_outturn);
        std::vector<Money> before, paid;
        if (cash) {
            r.cash = CashSource::cash_register;
            before = to_period_by_partner(*cash, CashKind::invoice, m - 1);
            paid = to_period_by_partner(*cash, CashKind::payment, m);
        }
        r.joint = joint_invoicing(a, act, period, forecasts, cash ? &before : nullptr,
                                  cash ? &paid : nullptr, &then);
        break;
    }
    }
    return r;
}

} // namespace poolkit
