#include "writers/partner_pack_writers.hpp"

#include "money/thousands.hpp"
#include "writers/table.hpp"

#include <fmt/format.h>

namespace poolkit {

namespace {

// £000 for people: "1,235" and "(1,235)" (SPEC §2's display style without the pence).
std::string thousands_display(std::int64_t k) {
    std::string s = format_display(Money::from_pence(k * 100));
    s.erase(s.find('.'), 3);
    return s;
}

// Columns of amounts whose last row is their total: shown in pounds, or in £000 with each
// column's total rounded and allocated over the rows above it (SPEC §5 --thousands).
class AmountColumns {
  public:
    AmountColumns(bool thousands, std::size_t columns) : thousands_(thousands), columns_(columns) {}
    void add(std::vector<Money> row) { rows_.push_back(std::move(row)); }
    // The cells of every row, then those of the total row (the sum of each column).
    std::vector<std::vector<Cell>> cells() const {
        std::vector<std::vector<Cell>> out(rows_.size() + 1);
        for (std::size_t c = 0; c < columns_; ++c) {
            std::vector<Money> column;
            Money total;
            for (const auto& row : rows_) {
                column.push_back(row[c]);
                total += row[c];
            }
            if (!thousands_) {
                for (std::size_t r = 0; r < rows_.size(); ++r)
                    out[r].push_back(money_cell(column[r], true));
                out.back().push_back(money_cell(total, true));
                continue;
            }
            const ThousandsColumn k = in_thousands(column);
            for (std::size_t r = 0; r < rows_.size(); ++r)
                out[r].push_back(num_cell(thousands_display(k.rows[r])));
            out.back().push_back(num_cell(thousands_display(k.total)));
        }
        return out;
    }

  private:
    bool thousands_;
    std::size_t columns_;
    std::vector<std::vector<Money>> rows_;
};

// One amount on its own (not a column's row) in prose: "£1,234.56", or rounded half away from
// zero in £000: "£1,235k".
std::string amount(Money m, bool thousands) {
    const bool negative = m.is_negative();
    const Money size = negative ? -m : m;
    const std::string shown =
        thousands ? thousands_display(round_thousands(size)) + "k" : format_display(size);
    return negative ? "(£" + shown + ")" : "£" + shown;
}

// Item / amount rows whose amounts are the signed terms of the last row, their sum.
Table account(const std::vector<std::pair<std::string, Money>>& terms, const std::string& result,
              bool thousands) {
    const char* unit = thousands ? "£000" : "£";
    Table t({{"", false}, {unit, true}});
    AmountColumns columns(thousands, 1);
    for (const auto& [words, m] : terms)
        columns.add({m});
    const auto cells = columns.cells();
    for (std::size_t r = 0; r < terms.size(); ++r)
        t.add_row({text_cell(terms[r].first), cells[r][0]});
    t.add_rule();
    t.add_row({text_cell(result), cells.back()[0]});
    return t;
}

std::string position_result(const PartnerPosition& pos) {
    if (pos.position.is_positive()) return "Position: owes the host";
    if (pos.position.is_negative()) return "Position: is owed by the host";
    return "Position: settled";
}

// Its contribution to each scheme it funds, beside the scheme's own figures to date (all
// partners; aligned: its own budget and figures).
Table schemes_table(const ReconStatement& st, bool thousands) {
    const Agreement& a = st.agreement;
    const PartnerPack& pack = *st.partner;
    const bool aligned = a.kind == AgreementKind::aligned;
    Table t({{"Scheme", false},
             {aligned ? "Own budget" : "Its contribution", true},
             {"Budget to date", true},
             {"Actual to date", true},
             {"Forecast variance", true},
             {"RAG", false}});
    AmountColumns columns(thousands, 4);
    for (const PartnerScheme& s : pack.schemes)
        columns.add({s.contribution, s.budget_ytd, s.actual_ytd, s.forecast_variance});
    auto cells = columns.cells();
    for (std::size_t i = 0; i <= pack.schemes.size(); ++i) {
        const bool total = i == pack.schemes.size();
        std::string name = "Total";
        if (!total) {
            const Scheme& s = a.schemes[to_size(pack.schemes[i].scheme)];
            name = s.name.empty() ? s.id : s.id + " " + s.name;
        }
        std::vector<Cell> row{text_cell(name)};
        for (Cell& c : cells[i])
            row.push_back(std::move(c));
        row.push_back(text_cell(total ? "" : rag_wording(pack.schemes[i].rag)));
        if (total) t.add_rule();
        t.add_row(row);
    }
    return t;
}

} // namespace

void add_partner_pack(Document& d, const ReconStatement& st) {
    const Agreement& a = st.agreement;
    const PartnerPack& pack = *st.partner;
    const Partner& partner = a.partners[to_size(pack.partner)];
    const bool k = st.thousands;
    if (k) d.paragraph("Amounts in £000: each total rounded, its rows allocated to add up.");
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
                                partner.id, amount(pack.joint->charge_to_date, k)));
    }
    d.heading("Share of the forecast variance");
    switch (a.kind) {
    case AgreementKind::pooled:
        d.paragraph(
            fmt::format("Forecast variance of the pool: {}; {}'s share under the risk share: {}.",
                        amount(pack.forecast_variance, k), partner.id,
                        amount(pack.forecast_variance_share, k)));
        break;
    case AgreementKind::joint:
        d.paragraph(
            fmt::format("Forecast charge for the year {} against its agreed contribution {}: {}.",
                        amount(pack.joint->forecast_charge, k), amount(pack.joint->contribution, k),
                        amount(pack.forecast_variance_share, k)));
        break;
    case AgreementKind::aligned:
        d.paragraph(fmt::format("Its own forecast variance (aligned: each partner bears "
                                "its own): {}.",
                                amount(pack.forecast_variance_share, k)));
        break;
    }
    d.heading(fmt::format("Its schemes{}", k ? " (£000)" : ""));
    if (a.kind != AgreementKind::aligned)
        d.paragraph("Budget, actual and forecast variance are each scheme's, all partners.");
    d.table(schemes_table(st, k));
}

void write_partner_pack_json(JsonWriter& json, const ReconStatement& st) {
    if (!st.partner) return;
    const Agreement& a = st.agreement;
    const PartnerPack& pack = *st.partner;
    json.key("partner").begin_object();
    json.field("id", a.partners[to_size(pack.partner)].id);
    json.field("name", a.partners[to_size(pack.partner)].name);
    json.field("host", pack.host);
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
        const JointInvoice& inv = *pack.invoice;
        json.key("invoice").begin_object();
        json.field("period", a.year.period_ym(inv.period));
        json.field("charge_to_date", inv.charge_to_date);
        json.field("own_spend_to_date", inv.own_spend_to_date);
        json.field("invoiced_before", inv.invoiced_before);
        json.field("amount", inv.amount);
        json.end_object();
    }
    json.field("forecast_variance", pack.forecast_variance);
    json.field("forecast_variance_share", pack.forecast_variance_share);
    json.field("contribution", pack.contribution);
    json.objects("schemes", pack.schemes, [&](const PartnerScheme& s) {
        json.field("id", a.schemes[to_size(s.scheme)].id);
        json.field("contribution", s.contribution);
        json.field("budget", s.budget);
        json.field("budget_ytd", s.budget_ytd);
        json.field("actual_ytd", s.actual_ytd);
        json.field("forecast_variance", s.forecast_variance);
        if (s.rag.rating) json.field("rag", rag_keyword(*s.rag.rating));
        if (s.rag.direction) json.field("rag_direction", direction_keyword(*s.rag.direction));
    });
    json.end_object();
}

} // namespace poolkit
