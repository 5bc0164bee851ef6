// The settlement as JSON, schema "poolkit.settle/2" (SPEC §5): schemes[], partners[],
// transfers[], carried_forward, unallocated, plus the risk-share working, the memorandum account
// when asked for, the ledger control totals and the inputs record. Amounts are strings.
#include "model/schemas.hpp"
#include "writers/cash_parts.hpp"
#include "writers/inputs.hpp"
#include "writers/joint_settlement_writers.hpp"
#include "writers/json.hpp"
#include "writers/memorandum_writers.hpp"
#include "writers/partner_pack_writers.hpp"
#include "writers/settlement_partners.hpp"
#include "writers/settlement_statement.hpp"
#include "writers/statement_parts.hpp"
#include "writers/variation_parts.hpp"

namespace poolkit {

namespace {

void step_json(JsonWriter& json, const Agreement& a, const RiskStep& s) {
    json.begin_object();
    json.field("kind", step_kind_name(s.kind));
    if (s.scheme) json.field("scheme", a.schemes[*s.scheme].id);
    if (s.tier) {
        json.field("tier", static_cast<std::uint64_t>(*s.tier + 1));
        json.field("tier_from", s.tier_from);
        json.field("tier_to", s.tier_to);
    }
    if (s.kind == RiskStepKind::share) {
        json.field("rule", rule_name(s.rule, s.underspend));
        if (s.rule == RuleKind::contributions)
            json.field("weights", s.weights == WeightBasis::scheme ? "scheme" : "pool");
    }
    json.field("amount", s.amount);
    if (s.kind == RiskStepKind::cap) {
        json.field("partner", a.partners[*s.partner].id);
        json.field("before", s.before);
        json.field("cap", s.limit);
    }
    if (s.round) json.field("round", s.round);
    if (!s.shares.empty()) {
        write_partner_amounts(json, "shares", a, s.shares);
    }
    json.field("text", describe_step(a, s));
    json.end_object();
}

} // namespace

std::string settlement_json(const SettlementStatement& st) {
    const Agreement& a = st.agreement;
    const SettlementResult& r = st.settlement;
    JsonWriter json = begin_statement_options(schema::settle, st.run);
    // Joint: paid is the invoices worked from the ledgers (SPEC §7).
    json.field("paid", st.paid_given                         ? "file"
                       : r.cash == CashSource::cash_register ? "register"
                       : a.kind == AgreementKind::joint      ? "invoices"
                                                             : "as-due");
    json.field("memorandum", st.memorandum.has_value() || st.joint_memorandum.has_value());
    json.field("provisional", st.year_end == YearEnd::provisional);
    json.field("complete", st.complete_asserted);
    if (st.partner) json.field("partner", a.partner(st.partner->partner).id);
    json.end_object();
    json.key("agreement").begin_object();
    write_agreement_fields(json, a);
    json.field("risk_share", describe_terms(a));
    json.end_object();

    json.key("schemes").begin_array();
    for (std::size_t s = 0; s < a.schemes.size(); ++s) {
        json.begin_object();
        json.field("id", a.schemes[s].id);
        json.field("name", a.schemes[s].name);
        json.field("budget", r.schemes[s].budget);
        json.field("outturn", r.schemes[s].outturn);
        json.field("variance", r.schemes[s].variance);
        json.end_object();
    }
    json.end_array();
    json.key("total").begin_object();
    json.field("budget", r.total_budget);
    json.field("outturn", r.total_outturn);
    json.field("variance", r.total_variance);
    json.end_object();
    write_variations_json(json, a); // SPEC §14
    write_outside_term_json(json, a, r.outside_term);

    // SPEC §7: a year whose ledgers stop short of March is provisional.
    json.field("complete", year_end_is_complete(st.year_end));
    json.field("last_period", a.year.period_ym(st.year.last_period));
    json.key("year_end").begin_object();
    json.field("status", year_end_name(st.year_end));
    json.key("short_partners").begin_array();
    for (std::size_t i = 0; i < st.year.short_partners.size(); ++i) {
        const ShortPartner& sp = st.year.short_partners[i];
        json.begin_object();
        json.field("partner", a.partner(sp.partner).id);
        json.field("last_period", a.year.period_ym(sp.last_period));
        json.key("files").begin_array();
        if (i < st.short_partner_files.size())
            for (const auto& f : st.short_partner_files[i])
                json.value(f);
        json.end_array();
        json.end_object();
    }
    json.end_array();
    json.end_object();

    if (a.kind == AgreementKind::joint) {
        // No pool and no risk share: the charges (SPEC §7 "Joint (no pool)").
        write_settlement_partners_json(json, st);
        write_transfers_json(json, a, r.transfers);
        write_joint_settlement_json(json, st);
        write_year_end_balances_json(json, a, r);
        write_cash_register_json(json, st.cash_register);
        write_partner_pack_json(json, st);
        write_ledger_json(json, st.control, st.ledger_files);
        json.end_object();
        return json.str();
    }

    write_settlement_partners_json(json, st);
    json.field("cash", cash_source_name(r.cash));

    write_transfers_json(json, a, r.transfers);
    // An aligned budget moves no money: nothing is owed at 31 March (SPEC §1).
    if (a.kind == AgreementKind::pooled) write_year_end_balances_json(json, a, r);
    json.field("opening_balance", r.opening_balance);
    json.field("opening_balance_applied", r.risk.opening_applied);
    json.field("carried_forward", r.carried_forward);
    json.field("unallocated", r.unallocated);
    json.field("pool_closing", r.pool_closing);

    json.key("risk_share").begin_object();
    json.field("basis", basis_name(r.risk.basis));
    json.field("variance", r.risk.variance);
    json.field("opening_balance_applied", r.risk.opening_applied);
    json.field("variance_shared", r.risk.shared);
    json.field("underspend_carried", r.risk.underspend_carried);
    json.key("steps").begin_array();
    for (const auto& s : r.risk.steps)
        step_json(json, a, s);
    json.end_array();
    json.end_object();

    if (st.memorandum) write_memorandum_json(json, st);
    write_cash_register_json(json, st.cash_register);
    write_partner_pack_json(json, st);

    write_ledger_json(json, st.control, st.ledger_files);
    json.end_object();
    return json.str();
}

} // namespace poolkit
