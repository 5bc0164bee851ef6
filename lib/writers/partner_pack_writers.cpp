#include "writers/partner_pack_writers.hpp"

#include "writers/figure_columns.hpp"
#include "writers/joint_parts.hpp"
#include "writers/rag_parts.hpp"
#include "writers/recon_monthly.hpp"
#include "writers/settlement_partners.hpp"
#include "writers/table.hpp"
#include "writers/thousands_display.hpp"

#include <fmt/format.h>

namespace poolkit {

namespace {

// Item / amount rows whose amounts are the signed terms of the last row, their sum (in £000 the
// statement allocates the rounded sum over the terms: thousands_display.hpp).
Table account(const std::vector<std::pair<std::string, Money>>& terms, const std::string& result,
              bool thousands) {
    Table t({{"", false}, {thousands ? "£000" : "£", true}});
    Money sum;
    for (const auto& [words, m] : terms) {
        t.add_row({text_cell(words), money_cell(m, true)});
        sum += m;
    }
    t.add_rule();
    t.add_row({text_cell(result), money_cell(sum, true)});
    return t;
}

std::string scheme_name(const Scheme& s) {
    return s.name.empty() ? s.id : s.id + " " + s.name;
}

std::string position_result(const PartnerPosition& pos) {
    if (pos.position.is_positive()) return "Position: owes the host";
    if (pos.position.is_negative()) return "Position: is owed by the host";
    return "Position: settled";
}

// The figures of each scheme in a pack after its contribution, as its JSON gives them; those
// with a header are the columns of its schemes table. The reconciliation's are to date (all
// partners; aligned: its own budget and figures), the settlement's for the year (all partners;
// aligned: its own budget and spending).
constexpr FigureColumn<PartnerScheme> recon_scheme_figures[] = {
    {nullptr, "budget", &PartnerScheme::budget},
    {"Budget to date", "budget_ytd", &PartnerScheme::budget_ytd},
    {"Actual to date", "actual_ytd", &PartnerScheme::actual_ytd},
    {"Forecast variance", "forecast_variance", &PartnerScheme::forecast_variance},
};
constexpr FigureColumn<SettlementPartnerScheme> settlement_scheme_figures[] = {
    {"Budget", "budget", &SettlementPartnerScheme::budget},
    {"Outturn", "outturn", &SettlementPartnerScheme::outturn},
    {"Variance", "variance", &SettlementPartnerScheme::variance},
};

// A reconciliation's pack rates each scheme (its RAG status); a settlement's does not.
template <typename PackScheme> constexpr bool rated = requires(const PackScheme& s) {
    s.rag;
};

// A pack's schemes: the scheme, its contribution (aligned: its own budget) and the `figures` that
// have a header (and, rated, the RAG words), a row each; then under a rule the Total of each
// amount.
template <typename PackScheme, std::size_t N>
Table schemes_table(const Agreement& a, const std::vector<PackScheme>& schemes,
                    const FigureColumn<PackScheme> (&figures)[N]) {
    std::vector<Table::Column> columns{
        {"Scheme", false},
        {a.kind == AgreementKind::aligned ? "Own budget" : "Its contribution", true}};
    std::vector<Money PackScheme::*> shown{&PackScheme::contribution};
    for (const auto& c : figures)
        if (c.display) {
            columns.push_back({c.display, true});
            shown.push_back(c.figure);
        }
    if constexpr (rated<PackScheme>) columns.push_back({"RAG", false});
    Table t(std::move(columns));
    std::vector<Money> total(shown.size());
    for (const PackScheme& s : schemes) {
        std::vector<Cell> cells{text_cell(scheme_name(a.scheme(s.scheme)))};
        for (std::size_t c = 0; c < shown.size(); ++c) {
            cells.push_back(money_cell(s.*shown[c], true));
            total[c] += s.*shown[c];
        }
        if constexpr (rated<PackScheme>) cells.push_back(text_cell(rag_wording(s.rag)));
        t.add_row(std::move(cells));
    }
    t.add_rule();
    std::vector<Cell> cells{text_cell("Total")};
    for (Money m : total)
        cells.push_back(money_cell(m, true));
    if constexpr (rated<PackScheme>) cells.push_back(text_cell(""));
    t.add_row(std::move(cells));
    return t;
}

// The pack's section "Its schemes": their table, after a note that the figures named
// `figures_words` are the scheme's, all partners' (aligned: they are the partner's own, with no
// note).
template <typename PackScheme, std::size_t N>
void add_schemes(Document& d, const Agreement& a, const std::vector<PackScheme>& schemes,
                 const FigureColumn<PackScheme> (&figures)[N], const char* figures_words,
                 bool thousands) {
    d.heading(fmt::format("Its schemes{}", thousands ? " (£000)" : ""));
    if (a.kind != AgreementKind::aligned)
        d.paragraph(fmt::format("{} are each scheme's, all partners.", figures_words));
    d.table(schemes_table(a, schemes, figures));
}

// `"schemes": [{id, contribution, figures..., (rated) rag}]`.
template <typename PackScheme, std::size_t N>
void write_schemes_json(JsonWriter& json, const Agreement& a,
                        const std::vector<PackScheme>& schemes,
                        const FigureColumn<PackScheme> (&figures)[N]) {
    json.objects("schemes", schemes, [&](const PackScheme& s) {
        json.field("id", a.scheme(s.scheme).id);
        json.field("contribution", s.contribution);
        write_figure_fields(json, s, figures);
        if constexpr (rated<PackScheme>) write_rag_json(json, s.rag);
    });
}

std::string balance_result(Money balance, bool joint) {
    if (balance.is_positive()) return "Balance: pays the host";
    if (balance.is_negative()) return "Balance: is paid by the host";
    return joint ? "Balance: nothing owed" : "Balance: settled";
}

// `"partner": {id, name, host, ...`: the pack's object opened, for its figures.
void begin_partner_json(JsonWriter& json, const Agreement& a, PartnerIndex partner, bool host) {
    json.key("partner").begin_object();
    json.field("id", a.partner(partner).id);
    json.field("name", a.partner(partner).name);
    json.field("host", host);
}

} // namespace

void add_partner_pack(Document& d, const ReconStatement& st) {
    const Agreement& a = st.agreement;
    const PartnerPack& pack = *st.partner;
    const Partner& partner = a.partner(pack.partner);
    const bool k = st.thousands;
    if (k) d.paragraph(thousands_note);
    if (pack.position && pack.host) {
        d.heading("Position");
        d.paragraph(
            fmt::format("{} hosts the fund: the partners' positions are with it.", partner.id));
    } else if (pack.position) {
        const PartnerPosition& pos = *pack.position;
        d.heading(
            fmt::format("Position with the host to {}", a.year.period_end_date(st.recon.period)));
        d.table(account({{"Contributions due", pos.contribution_due_ytd},
                         {"Less received", -pos.received_ytd},
                         {"Less its direct spend for the pool", -pos.direct_spend_ytd},
                         {"Add reimbursed by the host", pos.reimbursed_ytd}},
                        position_result(pos), k));
    }
    if (pack.invoice) {
        const JointInvoice& inv = *pack.invoice;
        d.heading(fmt::format("Invoice for {}", a.year.period_long(inv.period)));
        d.table(account({{"Charge to date", inv.charge_to_date},
                         {"Less own spend credited", -inv.own_spend_to_date},
                         {"Less invoiced before", -inv.invoiced_before}},
                        inv.amount.is_negative() ? "Credit note" : "Invoice", k));
    } else if (pack.joint) {
        d.heading("Charges");
        d.paragraph(fmt::format("{} hosts the budget and is not invoiced; its charge to "
                                "date is {}.",
                                partner.id, amount_words(pack.joint->charge_to_date, k)));
    }
    d.heading("Share of the forecast variance");
    switch (a.kind) {
    case AgreementKind::pooled:
        d.paragraph(
            fmt::format("Forecast variance of the pool: {}; {}'s share under the risk share: {}.",
                        amount_words(pack.forecast_variance, k), partner.id,
                        amount_words(pack.forecast_variance_share, k)));
        break;
    case AgreementKind::joint:
        d.paragraph(fmt::format(
            "Forecast charge for the year {} against its agreed contribution {}: {}.",
            amount_words(pack.joint->forecast_charge, k), amount_words(pack.joint->contribution, k),
            amount_words(pack.forecast_variance_share, k)));
        break;
    case AgreementKind::aligned:
        d.paragraph(fmt::format("Its own forecast variance (aligned: each partner bears "
                                "its own): {}.",
                                amount_words(pack.forecast_variance_share, k)));
        break;
    }
    add_schemes(d, a, pack.schemes, recon_scheme_figures, "Budget, actual and forecast variance",
                k);
    if (st.monthly) { // SPEC §5 --period P01..P06 or --monthly: its schemes month by month
        std::vector<SchemeIndex> its;
        for (const PartnerScheme& s : pack.schemes)
            its.push_back(s.scheme);
        d.heading(fmt::format("Its schemes month by month, {} to {}{}", st.monthly->from.label(),
                              st.monthly->to.label(), k ? " (£000)" : ""));
        d.paragraph("Each scheme's figures, all partners; each month's Total is of its schemes.");
        d.table(recon_monthly_table(st, its), "Monthly");
    }
}

void write_partner_pack_json(JsonWriter& json, const ReconStatement& st) {
    if (!st.partner) return;
    const Agreement& a = st.agreement;
    const PartnerPack& pack = *st.partner;
    begin_partner_json(json, a, pack.partner, pack.host);
    if (pack.position && !pack.host) {
        const PartnerPosition& pos = *pack.position;
        json.key("position").begin_object();
        json.field("contribution_due_ytd", pos.contribution_due_ytd);
        json.field("received_ytd", pos.received_ytd);
        json.field("direct_spend_ytd", pos.direct_spend_ytd);
        json.field("reimbursed_ytd", pos.reimbursed_ytd);
        json.field("position", pos.position);
        json.end_object();
    }
    if (pack.invoice) {
        json.key("invoice").begin_object();
        write_invoice_fields(json, a, *pack.invoice);
        json.end_object();
    }
    json.field("forecast_variance", pack.forecast_variance);
    json.field("forecast_variance_share", pack.forecast_variance_share);
    json.field("contribution", pack.contribution);
    write_schemes_json(json, a, pack.schemes, recon_scheme_figures);
    json.end_object();
}

void add_partner_pack(Document& d, const SettlementStatement& st) {
    const Agreement& a = st.agreement;
    const SettlementPartnerPack& pack = *st.partner;
    const PartnerSettlement& f = pack.figures;
    const std::string& id = a.partner(pack.partner).id;
    const bool k = st.thousands;
    if (k) d.paragraph(thousands_note);
    d.heading("Its share of the year");
    switch (a.kind) {
    case AgreementKind::pooled:
        d.table(account({{"Contribution", f.contribution}, {"Risk share", f.risk_share}},
                        "Final share", k));
        break;
    case AgreementKind::joint:
        d.table(account({{"Contribution", f.contribution},
                         {"Risk share (charge - contribution)", f.risk_share}},
                        "Final share (its charge)", k));
        break;
    case AgreementKind::aligned:
        d.table(account({{"Own budget", f.contribution}, {"Own variance", f.risk_share}},
                        "Final share (its own spending)", k));
        break;
    }
    if (a.kind == AgreementKind::aligned) {
        d.paragraph("An aligned budget moves no money between the partners: nothing is paid, "
                    "reimbursed or owed (SPEC §1).");
    } else if (pack.host) {
        d.heading("Balance");
        d.paragraph(fmt::format("{} hosts the {}: the other partners settle their balances with "
                                "it.",
                                id, a.kind == AgreementKind::joint ? "budget" : "fund"));
    } else if (a.kind == AgreementKind::pooled) {
        d.heading(fmt::format("Balance with the host at {}", a.year.end_date()));
        d.table(account({{"Final share", f.final_share},
                         {"Less paid", -f.paid},
                         {"Less its direct spend for the pool", -f.direct_spend},
                         {"Add reimbursed by the host", f.reimbursed}},
                        balance_result(f.balance, false), k));
    } else {
        d.heading(fmt::format("Balance with the host at {}", a.year.end_date()));
        d.table(account({{"Final share (its charge)", f.final_share},
                         {"Less own spend credited", -f.direct_spend},
                         {"Less invoiced", -f.paid}},
                        balance_result(f.balance, true), k));
        d.paragraph(fmt::format("Paid against its invoices: {}; outstanding: {}.",
                                amount_words(f.payments, k), amount_words(f.outstanding, k)));
    }
    if (a.kind != AgreementKind::aligned) {
        d.heading("Settlement transfers");
        d.bullets(transfer_lines(st, pack.transfers, k), 0);
    }
    d.heading("Share of the variance");
    if (a.kind == AgreementKind::aligned) {
        d.paragraph(fmt::format("Its own variance (aligned: each partner bears its own): {}.",
                                amount_words(pack.variance_share, k)));
    } else {
        const bool pooled = a.kind == AgreementKind::pooled;
        d.paragraph(fmt::format("Variance of the {} for the year: {}; {}'s {}: {}.",
                                pooled ? "pool" : "schemes", amount_words(pack.variance, k), id,
                                pooled ? "share under the risk share"
                                       : "charge less its agreed contribution",
                                amount_words(pack.variance_share, k)));
    }
    add_schemes(d, a, pack.schemes, settlement_scheme_figures, "Budget, outturn and variance", k);
}

void write_partner_pack_json(JsonWriter& json, const SettlementStatement& st) {
    if (!st.partner) return;
    const Agreement& a = st.agreement;
    const SettlementPartnerPack& pack = *st.partner;
    const PartnerSettlement& f = pack.figures;
    begin_partner_json(json, a, pack.partner, pack.host);
    json.field("contribution", f.contribution);
    json.field("risk_share", f.risk_share);
    json.field("final_share", f.final_share);
    json.field("paid", f.paid);
    json.field("direct_spend", f.direct_spend);
    json.field("reimbursed", f.reimbursed);
    json.field("balance", f.balance);
    if (a.kind == AgreementKind::joint && !pack.host) {
        json.field("payments", f.payments);
        json.field("outstanding", f.outstanding);
    }
    write_transfers_json(json, a, pack.transfers);
    json.field("variance", pack.variance);
    json.field("variance_share", pack.variance_share);
    write_schemes_json(json, a, pack.schemes, settlement_scheme_figures);
    json.end_object();
}

} // namespace poolkit
