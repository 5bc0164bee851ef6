// pool-recon's statement as JSON, schema "poolkit.recon/2" (SPEC §5, §6): the schemes and their
// total, the partners by kind, a joint budget's invoices and charges, the ledger control totals and
// the inputs record. Amounts are strings.
#include "model/schemas.hpp"
#include "writers/cash_parts.hpp"
#include "writers/inputs.hpp"
#include "writers/joint_parts.hpp"
#include "writers/json.hpp"
#include "writers/partner_pack_writers.hpp"
#include "writers/rag_parts.hpp"
#include "writers/recon_commitments.hpp"
#include "writers/recon_monthly.hpp"
#include "writers/recon_movement.hpp"
#include "writers/recon_statement.hpp"
#include "writers/recon_tables.hpp"
#include "writers/statement_parts.hpp"
#include "writers/variation_parts.hpp"

namespace poolkit {

namespace {

// The figures a scheme row and a partner's own row share (SPEC §5, §6).
void budget_fields(JsonWriter& json, const BudgetFigures& f) {
    for (const BudgetFigure& figure : budget_figures)
        json.field(figure.name, f.*figure.amount);
}

void scheme_json(JsonWriter& json, const SchemeFigures& f) {
    budget_fields(json, f);
    json.field("previous_forecast_outturn", f.previous_forecast);
    json.field("forecast_movement", f.forecast_movement);
    write_rag_json(json, f.rag);
}

} // namespace

std::string recon_json(const ReconStatement& st) {
    const Agreement& a = st.agreement;
    const Reconciliation& r = st.recon;
    JsonWriter json = begin_statement_options(schema::recon, st.run);
    json.field("period", a.year.period_ym(r.period));
    json.field("forecast", forecast_name(r.method));
    if (st.monthly) json.field("from", a.year.period_ym(st.monthly->from));
    if (st.partner) json.field("partner", a.partner(st.partner->partner).id);
    json.end_object();
    json.key("agreement").begin_object();
    write_agreement_fields(json, a);
    json.end_object();
    json.field("period", a.year.period_ym(r.period));
    json.field("forecast_method", forecast_name(r.method));

    json.key("schemes").begin_array();
    for (std::size_t s = 0; s < a.schemes.size(); ++s) {
        json.begin_object();
        json.field("id", a.schemes[s].id);
        json.field("name", a.schemes[s].name);
        scheme_json(json, r.schemes[s]);
        write_scheme_commitments_json(json, st, s);
        write_scheme_movement_json(json, st, s);
        json.end_object();
    }
    json.end_array();
    json.key("total").begin_object();
    scheme_json(json, r.total);
    write_total_movement_json(json, st);
    json.end_object();
    write_recon_movement_json(json, st);
    write_variations_json(json, a); // SPEC §14
    write_outside_term_json(json, a, st.recon.outside_term);

    // Whether the cash came from a register or was assumed (SPEC §6); aligned moves none.
    if (a.kind != AgreementKind::aligned) json.field("cash", cash_source_name(r.cash));
    write_cash_register_json(json, st.cash_register);
    if (a.kind == AgreementKind::aligned) {
        json.key("partners").begin_array();
        for (std::size_t p = 0; p < a.partners.size(); ++p) {
            json.begin_object();
            json.field("id", a.partners[p].id);
            json.key("schemes").begin_array();
            for (const auto& f : r.aligned) {
                if (f.partner != PartnerIndex{p}) continue;
                json.begin_object();
                json.field("id", a.scheme(f.scheme).id);
                budget_fields(json, f);
                json.field("spend_without_budget", f.spend_without_budget);
                json.end_object();
            }
            json.end_array();
            json.key("total").begin_object();
            budget_fields(json, r.aligned_subtotals[p]);
            json.end_object();
            json.end_object();
        }
        json.end_array();
    } else {
        write_recon_partners_json(json, st);
    }

    if (r.joint) {
        json.objects("invoices", r.joint->invoices, [&](const auto& inv) {
            json.field("partner", a.partner(inv.partner).id);
            write_invoice_fields(json, a, inv);
        });
        // Without a cash register the invoices before are recomputed from these ledgers (§6).
        json.field("invoiced_before_source",
                   r.joint->invoiced_before_recomputed ? "recomputed" : "register");
        json.key("charges");
        write_joint_charges_json(json, a, r.joint->to_date);
        json.field("unallocated", r.joint->to_date.unallocated);
        json.field("forecast_unallocated", r.joint->forecast.unallocated);
    }
    if (r.forecast_share) {
        json.field("forecast_carried_forward", r.forecast_share->carried_forward);
        json.field("forecast_unallocated", r.forecast_share->unallocated);
    }

    if (r.commitments) write_recon_cases_json(json, st);
    write_recon_months_json(json, st);
    write_partner_pack_json(json, st);

    write_ledger_json(json, st.control, st.ledger_files, &r.after_period);
    json.end_object();
    return json.str();
}

} // namespace poolkit
