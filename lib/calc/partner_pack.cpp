#include "calc/partner_pack.hpp"

namespace poolkit {

PartnerPack partner_pack(const Agreement& a, const Reconciliation& r, PartnerIndex partner) {
    const std::size_t p = to_size(partner);
    PartnerPack pack;
    pack.partner = partner;
    pack.host = a.is_host(partner);
    if (a.kind == AgreementKind::aligned) {
        for (const AlignedFigures& f : r.aligned) {
            if (f.partner != partner) continue;
            const RagStatus rag = rag_status(f.forecast_variance, f.budget, a.monitoring);
            pack.schemes.push_back({f.scheme, f.budget, f.budget, f.budget_ytd, f.actual_ytd,
                                    f.forecast_variance, rag});
            pack.contribution += f.budget;
        }
        pack.forecast_variance = r.aligned_subtotals[p].forecast_variance;
        pack.forecast_variance_share = pack.forecast_variance;
        return pack;
    }
    for (std::size_t s = 0; s < a.schemes.size(); ++s) {
        const Money c = a.schemes[s].contributions[p];
        if (c.is_zero()) continue;
        const SchemeFigures& f = r.schemes[s];
        pack.schemes.push_back(
            {SchemeIndex{s}, c, f.budget, f.budget_ytd, f.actual_ytd, f.forecast_variance, f.rag});
        pack.contribution += c;
    }
    pack.forecast_variance = r.total.forecast_variance;
    if (r.joint) {
        pack.joint = r.joint->partners[p];
        pack.forecast_variance_share = pack.joint->forecast_charge - pack.joint->contribution;
        for (const JointInvoice& inv : r.joint->invoices)
            if (inv.partner == partner) pack.invoice = inv;
    } else {
        pack.position = r.partners[p];
        pack.forecast_variance_share = r.partners[p].forecast_risk_share;
    }
    return pack;
}

SettlementPartnerPack settlement_partner_pack(const Agreement& a, const SettlementResult& r,
                                              const Actuals& actuals, PartnerIndex partner) {
    const std::size_t p = to_size(partner);
    SettlementPartnerPack pack;
    pack.partner = partner;
    pack.host = a.is_host(partner);
    pack.figures = r.partners[p];
    for (const Transfer& t : r.transfers)
        if (t.from == p || t.to == p) pack.transfers.push_back(t);
    pack.variance_share = pack.figures.risk_share;
    const bool aligned = a.kind == AgreementKind::aligned;
    for (std::size_t s = 0; s < a.schemes.size(); ++s) {
        const Money c = a.schemes[s].contributions[p];
        if (!aligned) {
            if (c.is_zero()) continue;
            const SchemeOutturn& so = r.schemes[s];
            pack.schemes.push_back({SchemeIndex{s}, c, so.budget, so.outturn, so.variance});
        } else {
            // Each partner bears its own (SPEC §1): its own budget against its own ledger's spend.
            const Money own = actuals.partner_scheme_to(partner, SchemeIndex{s}, Period::count);
            if (c.is_zero() && own.is_zero()) continue;
            pack.schemes.push_back({SchemeIndex{s}, c, c, own, own - c});
        }
        pack.contribution += c;
    }
    if (aligned) {
        for (const SettlementPartnerScheme& s : pack.schemes)
            pack.variance += s.variance;
    } else {
        pack.variance = r.total_variance;
    }
    return pack;
}

} // namespace poolkit
