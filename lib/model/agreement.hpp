// The validated agreement (SPEC §3): the legal terms of a pooled, aligned or joint budget.
// Built only by the agreement loader (readers/agreement_loader.hpp), which enforces every rule of
// SPEC §3 and resolves contributions and profiles, so the calculations can rely on:
//   - partner and scheme ids are unique; every index below is in range;
//   - each scheme's `contributions` has one amount per partner ([[partner]] order), summing to its
//     budget; each scheme's `phased` has 12 amounts summing to its budget;
//   - `host` is set for pooled and joint, unset for aligned; `risk_share` is unset for aligned;
//   - a joint agreement's `risk_share` holds only caps (its rules are the defaults, unused), and
//     only its schemes may be `recharge = fixed`, each with stated amounts and one `rest` term.
#pragma once

#include "model/indices.hpp"
#include "model/input_file.hpp"
#include "model/period.hpp"
#include "model/variation.hpp"
#include "money/money.hpp"
#include "money/rational.hpp"
#include "support/error.hpp"
#include "support/keyword_table.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace poolkit {

// Each enum of the agreement has one table (support/keyword_table.hpp): its keywords as SPEC §3
// writes them, in the order messages list them, and its wording where writers share it. The
// *_name functions, the loader's choices and hints, and the writers read these tables.

enum class AgreementKind { pooled, aligned, joint };
inline constexpr KeywordTable<AgreementKind, 3> agreement_kinds{{{
    {.value = AgreementKind::pooled, .keyword = "pooled", .words = "Pooled fund"},
    {.value = AgreementKind::aligned, .keyword = "aligned", .words = "Aligned budget"},
    {.value = AgreementKind::joint, .keyword = "joint", .words = "Joint budget"},
}}};

enum class Sector { nhs, local_authority, other };
inline constexpr KeywordTable<Sector, 3> sectors{{{
    {.value = Sector::nhs, .keyword = "nhs", .words = "an NHS body"},
    {.value = Sector::local_authority, .keyword = "local_authority", .words = "a local authority"},
    {.value = Sector::other,
     .keyword = "other",
     .words = "another kind of body (sector \"other\")"},
}}};

enum class PaymentSchedule { monthly, quarterly_in_advance, annual_in_advance };
// `brief`: the schedule in pool-shares' heading (SPEC §5).
inline constexpr KeywordTable<PaymentSchedule, 3> payment_schedules{{{
    {.value = PaymentSchedule::monthly,
     .keyword = "monthly",
     .brief = "monthly (12 instalments, one each period)"},
    {.value = PaymentSchedule::quarterly_in_advance,
     .keyword = "quarterly-in-advance",
     .brief = "quarterly in advance (4 instalments, due in P01, P04, P07 and P10)"},
    {.value = PaymentSchedule::annual_in_advance,
     .keyword = "annual-in-advance",
     .brief = "annually in advance (one instalment, in P01)"},
}}};

const char* kind_name(AgreementKind k);       // "pooled"
const char* sector_name(Sector s);            // "nhs", "local_authority", "other"
const char* schedule_name(PaymentSchedule s); // "quarterly-in-advance"

struct Partner {
    std::string id;
    std::string name;
    Sector sector = Sector::other;
    SourceLocation where;
};

// "Bristol City Council (BRISTOL)": a partner named in prose.
std::string partner_label(const Partner& p);

// A contribution as written in the agreement: "40%", "600000.00" or "rest".
struct ContributionTerm {
    enum class Form { percent, amount, rest };
    PartnerIndex partner{}; // its position in Agreement::partners
    Form form = Form::amount;
    Rational percent; // as a fraction (0.4 for "40%") when form == percent
    Money amount;     // when form == amount
    SourceLocation where;
};
// Only "rest" is a keyword: a percentage or an amount is written as itself.
inline constexpr KeywordTable<ContributionTerm::Form, 3> contribution_forms{{{
    {.value = ContributionTerm::Form::percent, .keyword = "percent", .is_string = false},
    {.value = ContributionTerm::Form::amount, .keyword = "amount", .is_string = false},
    {.value = ContributionTerm::Form::rest, .keyword = "rest"},
}}};

// How a scheme's annual budget is phased over the 12 periods (SPEC §1, §2).
struct Profile {
    enum class Form { even, weights, amounts };
    Form form = Form::even;
    std::vector<Rational> weights; // 12, when form == weights
    std::vector<Money> amounts;    // 12, when form == amounts
    SourceLocation where;          // of the `profile` value, for diagnostics
};
// Only "even" is a keyword: weights and amounts are written as an array and a table.
inline constexpr KeywordTable<Profile::Form, 3> profile_forms{{{
    {.value = Profile::Form::even, .keyword = "even", .words = "even"},
    {.value = Profile::Form::weights,
     .keyword = "weights",
     .words = "weighted",
     .is_string = false},
    {.value = Profile::Form::amounts, .keyword = "amounts", .words = "amounts", .is_string = false},
}}};

// A rule that shares an overspend or an underspend among partners (SPEC §7).
enum class RuleKind {
    contributions, // pro rata to contributions (overspend "contributions", underspend "return")
    lead,          // the lead commissioner of the scheme
    host,          // the host partner
    split,         // fixed percentages
    tiers,         // overspend only: the tiers in RiskShare::overspend_tiers
    carry_forward, // underspend only: kept in the pool
};
// The rules of each side, in the order messages list them (SPEC §3): the two sides name "in
// proportion to contributions" differently. `words` ends "An overspend is ..." in --explain (a
// `contributions` rule's words depend on the basis, and a host or split rule's are followed by
// the host or the split); `brief` is the trace's (a `contributions` rule's names its weights);
// `summary` is pool-check's one line (a split's is followed by the split).
// A split is written as its table `{ split = {...} }`, on either side, with the same words.
inline constexpr Keyword<RuleKind> split_rule{.value = RuleKind::split,
                                              .keyword = "split",
                                              .words = "split",
                                              .brief = "by the agreed split",
                                              .summary = "split",
                                              .is_string = false};
inline constexpr KeywordTable<RuleKind, 5> overspend_rules{{{
    {.value = RuleKind::contributions,
     .keyword = "contributions",
     .summary = "in proportion to contributions"},
    {.value = RuleKind::lead,
     .keyword = "lead",
     .words = "borne in full by the scheme's lead commissioner",
     .brief = "to the lead commissioner",
     .summary = "to the scheme's lead commissioner"},
    {.value = RuleKind::host,
     .keyword = "host",
     .words = "borne in full by the host",
     .brief = "to the host",
     .summary = "to the host"},
    split_rule,
    {.value = RuleKind::tiers,
     .keyword = "tiers",
     .words = "shared in tiers (below)",
     .brief = "by tiers",
     .summary = "by tiers"},
}}};
inline constexpr KeywordTable<RuleKind, 5> underspend_rules{{{
    {.value = RuleKind::contributions,
     .keyword = "return",
     .summary = "returned in proportion to contributions"},
    {.value = RuleKind::carry_forward,
     .keyword = "carry-forward",
     .words = "kept in the pool and carried forward to next year",
     .brief = "carried forward in the pool",
     .summary = "carried forward in the pool"},
    {.value = RuleKind::host,
     .keyword = "host",
     .words = "given to the host",
     .brief = "to the host",
     .summary = "to the host"},
    {.value = RuleKind::lead,
     .keyword = "lead",
     .words = "given to the scheme's lead commissioner",
     .brief = "to the lead commissioner",
     .summary = "to the scheme's lead commissioner"},
    split_rule,
}}};
// A tier's `rule` (SPEC §3): an overspend rule that is neither tiers nor a split (written `split`).
inline constexpr KeywordTable<RuleKind, 3> tier_rules{{{
    {.value = RuleKind::contributions, .keyword = "contributions"},
    {.value = RuleKind::lead, .keyword = "lead"},
    {.value = RuleKind::host, .keyword = "host"},
}}};

// The entry of `k` in its side's table, or in the other side's when that side has none (a
// trace names a misplaced rule all the same).
const Keyword<RuleKind>& rule_entry(RuleKind k, bool underspend);
const char* rule_name(RuleKind k, bool underspend = false); // "contributions"/"return", ...

struct ShareRule {
    RuleKind kind = RuleKind::contributions;
    std::vector<std::pair<PartnerIndex, Rational>> split; // partner, fraction; sums to 1
    SourceLocation where;
};

struct Tier {
    std::optional<Money> upto; // cumulative bound; unset on a last tier that takes the rest
    ShareRule rule;            // never of kind tiers
    SourceLocation where;
};

enum class RiskBasis { pool, scheme, offset };
// `words`: the paragraph of --explain that says what the basis does (SPEC §7).
inline constexpr KeywordTable<RiskBasis, 3> risk_bases{{{
    {.value = RiskBasis::pool,
     .keyword = "pool",
     .words = "Basis `pool`: at the year end the variances of all the schemes are netted, and the "
              "net overspend or underspend of the whole fund is shared once, by the rules below."},
    {.value = RiskBasis::scheme,
     .keyword = "scheme",
     .words = "Basis `scheme`: each scheme's variance is shared by its own rule (its override, "
              "else the fund's), with no netting: one scheme's underspend does not reduce "
              "another's overspend."},
    {.value = RiskBasis::offset,
     .keyword = "offset",
     .words = "Basis `offset`: underspends first offset the overspends, pro rata to each "
              "overspend, and the underspend used is taken from the underspent schemes pro rata "
              "to their underspends. Each scheme's remaining overspend is then shared by its own "
              "rule (its override, else the fund's); what each underspent scheme has left goes "
              "back by its own underspend rule, on that scheme's contributions: money not spent "
              "returns to those who funded it."},
}}};
const char* basis_name(RiskBasis b);

struct RiskShare {
    RiskBasis basis = RiskBasis::pool;
    ShareRule overspend;
    ShareRule underspend{RuleKind::contributions, {}, {}};
    std::vector<Tier> overspend_tiers;      // when overspend.kind == tiers, in ascending order
    std::vector<std::optional<Money>> caps; // per partner index: the most it bears of overspend
    SourceLocation where;
};

// How a joint budget's host charges the partners for a scheme (SPEC §3, §6): `actual` shares the
// scheme's actual spending by its contributions; `fixed` charges each partner that states an
// amount that amount, phased by the scheme's profile, and the `rest` partner the difference.
enum class Recharge { actual, fixed };
inline constexpr KeywordTable<Recharge, 2> recharges{{{
    {.value = Recharge::actual, .keyword = "actual"},
    {.value = Recharge::fixed, .keyword = "fixed"},
}}};
const char* recharge_name(Recharge r); // "actual", "fixed"

struct Scheme {
    std::string id;
    std::string name;
    Money budget;
    std::optional<PartnerIndex> lead; // the lead commissioner
    Profile profile;
    std::vector<ContributionTerm> contribution_terms; // its own terms; empty: the pool's split
    SourceLocation contributions_where;               // of its `contributions`, when given
    std::optional<std::string> function;
    std::optional<ShareRule> overspend;   // per-scheme override (basis scheme or offset)
    std::optional<ShareRule> underspend;  // per-scheme override
    Recharge recharge = Recharge::actual; // joint only; `fixed` has stated amounts and a rest
    SourceLocation recharge_where;        // of its `recharge`, when given
    SourceLocation where;
    // [forecast] new_starts: the yearly allowance for expected new starts, added to a forecast
    // from commitments over the months after the period (SPEC §12); zero when not given.
    Money new_starts;
    // SPEC §14: the annual budget as agreed, before any variation (zero for a scheme a variation
    // adds), and the periods a variation added it from or closed it from.
    Money original_budget;
    std::optional<Period> added_from;
    std::optional<Period> closed_from;

    // Resolved by the loader:
    std::vector<Money> contributions; // per partner, sums to budget
    PeriodArray<Money> phased{};      // per period, sums to budget
};

struct Monitoring {
    Rational amber{2, 100}; // forecast variance as a share of budget: amber from here
    Rational red{5, 100};   // red from here
};

struct AgreementDraft; // lib/readers: the loader, the one place an Agreement is made (SPEC §3)

// A validated agreement. Only the loader constructs one, after every rule of SPEC §3 has passed, so
// a calculation can rely on the invariants (contributions sum to budgets, phasing sums to budgets,
// indices in range); anyone may copy one.
struct Agreement {
    class Key {
        Key() = default;
        friend struct AgreementDraft;
    };
    explicit Agreement(Key) {}

    std::string file; // the path it was loaded from, as given
    std::string id;
    std::string title;
    AgreementKind kind = AgreementKind::pooled;
    std::string legal_basis;
    SourceLocation
        legal_basis_where; // of the `legal_basis` value, for findings (SPEC §5 --explain)
    FinancialYear year = FinancialYear::starting(2025);
    std::optional<PartnerIndex> host;
    std::string pooled_fund_manager;
    Money opening_balance;
    SourceLocation opening_balance_where; // of the `opening_balance` value, when given
    // The files the agreement reads besides itself, recorded among a statement's inputs: last
    // year's settlement when `opening_balance = { from = ... }` (SPEC §14).
    std::vector<InputFile> inputs_read;
    PaymentSchedule payment_schedule = PaymentSchedule::monthly;
    std::vector<Partner> partners;
    std::vector<ContributionTerm> pool_contributions; // as written; may be empty
    SourceLocation pool_contributions_where;          // of the [contributions] table, when given
    std::vector<Scheme> schemes;
    std::optional<RiskShare> risk_share;
    Monitoring monitoring;
    // SPEC §14: the deeds of variation in date order, and how many of them the schemes, their
    // contributions and `instalments` reflect (model/varied_agreement.hpp: as loaded, none).
    std::vector<Variation> variations;
    std::size_t variations_applied = 0;
    // Per partner, what falls due in each period as varied (SPEC §14); empty when no variation
    // has been applied (the schedule is then the agreed one, calc/schedule.hpp).
    std::vector<PeriodArray<Money>> instalments;

    std::optional<PartnerIndex> partner_index(std::string_view id) const;
    const Partner& partner(PartnerIndex i) const { return partners[to_size(i)]; }
    bool is_host(PartnerIndex i) const { return host && *host == i; }
    const Scheme& scheme(SchemeIndex i) const { return schemes[to_size(i)]; }
    std::optional<SchemeIndex> scheme_index(std::string_view id) const;
    Money total_budget() const;
    // Each partner's total contribution over all schemes, in [[partner]] order.
    std::vector<Money> partner_contributions() const;
};

// The risk share every tool applies (SPEC §7), the one source for pool-recon's forecast risk share,
// pool-settle, --explain and the findings: a pooled fund's [risk_share] as stated (the loader has
// already given the keys it leaves out their defaults), or, when it states none, the default: basis
// `pool`, overspend by contributions, underspend returned, no caps. Unset for an aligned budget
// (each partner bears its own variance) and a joint one (charges follow actual spending, §6; its
// caps are read from `risk_share` directly).
std::optional<RiskShare> effective_risk_share(const Agreement& a);

// True when a pooled fund states no [risk_share], so that the default of SPEC §7 applies.
bool risk_share_is_default(const Agreement& a);

} // namespace poolkit
