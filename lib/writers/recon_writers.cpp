#include "model/schemas.hpp"
#include "support/visible_text.hpp"
#include "writers/inputs.hpp"
#include "writers/joint_parts.hpp"
#include "writers/json.hpp"
#include "writers/recon_statement.hpp"
#include "writers/statement_parts.hpp"
#include "writers/table.hpp"

#include <fmt/format.h>

namespace poolkit {

namespace {

std::vector<std::string> heading_lines(const ReconStatement& st) {
    const Agreement& a = st.agreement;
    int m = st.recon.period;
    std::vector<std::string> lines;
    lines.push_back(fmt::format("{} ({})", a.title, a.id));
    lines.push_back(fmt::format("Month-end reconciliation, {} ({} to {})", a.year.period_long(m),
                                a.year.start_date(), a.year.period_end_date(m)));
    std::string what = fmt::format("{}, {}.", kind_phrase(a.kind), a.legal_basis);
    if (a.host) what += fmt::format(" Host: {}.", a.partners[*a.host].name);
    what += fmt::format(" Forecast: {}.", forecast_name(st.recon.method));
    lines.push_back(what);
    return lines;
}

// The line a finance officer must not miss: what was read, what was rejected (SPEC §4).
std::string ledger_line(const ReconStatement& st) {
    const ControlTotals& c = st.control;
    std::string out = ledger_summary(c, st.ledger_files, &st.recon.after_period, st.recon.period);
    if (c.lines_rejected > 0)
        out += st.rejects_path.empty() ? ": see the messages above, or use --rejects FILE"
                                       : fmt::format(": see {}", visible(st.rejects_path));
    return out + "\n";
}

std::string warning_line(const ReconStatement& st) {
    const ControlTotals& c = st.control;
    if (c.lines_rejected == 0) return {};
    bool one = c.lines_rejected == 1;
    return fmt::format(
        "WARNING: {} ledger line{} (£{}) {} rejected and NOT in the figures below.\n",
        c.lines_rejected, one ? "" : "s", format_display(c.total_rejected), one ? "was" : "were");
}

Table schemes_table(const ReconStatement& st, bool display) {
    const Agreement& a = st.agreement;
    auto money = [&](Money m) { return num_cell(display ? format_display(m) : format_plain(m)); };
    std::vector<Table::Column> cols;
    if (display)
        cols = {{"Scheme", false},           {"Annual budget", true}, {"Budget to date", true},
                {"Actual to date", true},    {"Variance", true},      {"Forecast outturn", true},
                {"Forecast variance", true}, {"Movement", true},      {"RAG", false}};
    else
        cols = {{"scheme", false},
                {"name", false},
                {"budget", true},
                {"budget_ytd", true},
                {"actual_ytd", true},
                {"variance_ytd", true},
                {"forecast_outturn", true},
                {"forecast_variance", true},
                {"forecast_movement", true},
                {"rag", false},
                {"rag_direction", false}};
    Table t(std::move(cols));
    auto row = [&](const std::string& id, const std::string& name, const SchemeFigures& f) {
        std::vector<Cell> cells;
        if (display)
            cells.push_back(text_cell(name.empty() ? id : id + " " + name));
        else {
            cells.push_back(text_cell(id));
            cells.push_back(text_cell(name));
        }
        for (Money m : {f.budget, f.budget_ytd, f.actual_ytd, f.variance_ytd, f.forecast_outturn,
                        f.forecast_variance, f.forecast_movement})
            cells.push_back(money(m));
        if (display) {
            cells.push_back(text_cell(rag_wording(f.rag)));
        } else {
            cells.push_back(text_cell(f.rag.rating ? rag_keyword(*f.rag.rating) : ""));
            cells.push_back(text_cell(f.rag.direction ? direction_keyword(*f.rag.direction) : ""));
        }
        t.add_row(std::move(cells));
    };
    for (std::size_t s = 0; s < a.schemes.size(); ++s)
        row(a.schemes[s].id, a.schemes[s].name, st.recon.schemes[s]);
    t.add_rule();
    row("Total", "", st.recon.total);
    return t;
}

// The sign of a partner's position in words (SPEC §6): + it owes the host, − the host owes it.
std::string position_words(Money position) {
    if (position.is_positive()) return "owes the host";
    if (position.is_negative()) return "is owed by the host";
    return "settled";
}

Table partners_table(const ReconStatement& st, bool display) {
    const Agreement& a = st.agreement;
    auto money = [&](Money m) { return num_cell(display ? format_display(m) : format_plain(m)); };
    Table t(display ? std::vector<Table::Column>{{"Partner", false},
                                                 {"Contribution due", true},
                                                 {"Received", true},
                                                 {"Direct spend", true},
                                                 {"Reimbursed", true},
                                                 {"Position with host", true},
                                                 {"", false},
                                                 {"Forecast risk share", true}}
                    : std::vector<Table::Column>{{"partner", false},
                                                 {"contribution_due_ytd", true},
                                                 {"received_ytd", true},
                                                 {"direct_spend_ytd", true},
                                                 {"reimbursed_ytd", true},
                                                 {"position", true},
                                                 {"forecast_risk_share", true}});
    PartnerPosition total;
    for (std::size_t p = 0; p < st.recon.partners.size(); ++p) {
        const auto& pos = st.recon.partners[p];
        std::string id = a.partners[p].id;
        if (display && a.host && *a.host == p) id += " (host)";
        std::vector<Cell> cells{text_cell(id),
                                money(pos.contribution_due_ytd),
                                money(pos.received_ytd),
                                money(pos.direct_spend_ytd),
                                money(pos.reimbursed_ytd),
                                money(pos.position)};
        if (display)
            cells.push_back(text_cell(a.host && *a.host == p ? std::string("holds the fund")
                                                             : position_words(pos.position)));
        cells.push_back(money(pos.forecast_risk_share));
        t.add_row(std::move(cells));
        total.contribution_due_ytd += pos.contribution_due_ytd;
        total.received_ytd += pos.received_ytd;
        total.direct_spend_ytd += pos.direct_spend_ytd;
        total.reimbursed_ytd += pos.reimbursed_ytd;
        total.forecast_risk_share += pos.forecast_risk_share;
    }
    if (display) {
        // No total of the positions: each is a partner's own balance with the host, in either
        // direction, and their sum means nothing.
        t.add_rule();
        t.add_row({text_cell("Total"), money(total.contribution_due_ytd), money(total.received_ytd),
                   money(total.direct_spend_ytd), money(total.reimbursed_ytd), text_cell(""),
                   text_cell(""), money(total.forecast_risk_share)});
    }
    return t;
}

// Joint (SPEC §6): this period's invoice to each partner but the host.
Table invoices_table(const ReconStatement& st, bool display) {
    const Agreement& a = st.agreement;
    auto money = [&](Money m) { return num_cell(display ? format_display(m) : format_plain(m)); };
    Table t(display ? std::vector<Table::Column>{{"Partner", false},
                                                 {"Charge to date", true},
                                                 {"Own spend credited", true},
                                                 {"Invoiced before", true},
                                                 {"Amount", true},
                                                 {"", false}}
                    : std::vector<Table::Column>{{"partner", false},
                                                 {"period", false},
                                                 {"charge_to_date", true},
                                                 {"own_spend_to_date", true},
                                                 {"invoiced_before", true},
                                                 {"amount", true}});
    for (const auto& inv : st.recon.joint->invoices) {
        std::vector<Cell> cells{text_cell(a.partners[inv.partner].id)};
        if (!display) cells.push_back(text_cell(a.year.period_ym(inv.period)));
        for (Money m : {inv.charge_to_date, inv.own_spend_to_date, inv.invoiced_before, inv.amount})
            cells.push_back(money(m));
        if (display)
            cells.push_back(text_cell(inv.amount.is_negative() ? "credit note" : "invoice"));
        t.add_row(std::move(cells));
    }
    return t;
}

// Joint (SPEC §6): the partner table; the host's row has no own spend or invoices.
Table joint_partners_table(const ReconStatement& st, bool display) {
    const Agreement& a = st.agreement;
    const JointInvoicing& j = *st.recon.joint;
    auto money = [&](Money m) { return num_cell(display ? format_display(m) : format_plain(m)); };
    Table t(display ? std::vector<Table::Column>{{"Partner", false},
                                                 {"Agreed contribution", true},
                                                 {"Charge to date", true},
                                                 {"Own spend", true},
                                                 {"Invoiced to date", true},
                                                 {"This invoice", true},
                                                 {"Forecast charge for the year", true}}
                    : std::vector<Table::Column>{{"partner", false},
                                                 {"contribution", true},
                                                 {"charge_to_date", true},
                                                 {"own_spend_to_date", true},
                                                 {"invoiced_to_date", true},
                                                 {"invoice", true},
                                                 {"forecast_charge", true}});
    JointPartnerFigures total;
    for (std::size_t p = 0; p < a.partners.size(); ++p) {
        const JointPartnerFigures& f = j.partners[p];
        const bool host = a.host && *a.host == p;
        std::string id = a.partners[p].id + (display && host ? " (host)" : "");
        auto invoiced = [&](Money m) { return host ? num_cell("") : money(m); };
        t.add_row({text_cell(id), money(f.contribution), money(f.charge_to_date),
                   invoiced(f.own_spend_to_date), invoiced(f.invoiced_to_date), invoiced(f.invoice),
                   money(f.forecast_charge)});
        total.contribution += f.contribution;
        total.charge_to_date += f.charge_to_date;
        total.own_spend_to_date += f.own_spend_to_date;
        total.invoiced_to_date += f.invoiced_to_date;
        total.invoice += f.invoice;
        total.forecast_charge += f.forecast_charge;
    }
    if (display) {
        t.add_rule();
        t.add_row({text_cell("Total"), money(total.contribution), money(total.charge_to_date),
                   money(total.own_spend_to_date), money(total.invoiced_to_date),
                   money(total.invoice), money(total.forecast_charge)});
    }
    return t;
}

// What the joint statement says under its tables: credit notes, the caps, and where the invoices
// before came from (SPEC §6).
std::string joint_notes(const ReconStatement& st) {
    const Agreement& a = st.agreement;
    const JointInvoicing& j = *st.recon.joint;
    const int m = st.recon.period;
    std::string out;
    for (const auto& inv : j.invoices)
        if (inv.amount.is_negative())
            out += fmt::format("{}: a credit note of £{}: its charges less its own spending fell "
                               "below what it was invoiced before, so the host owes it the "
                               "difference.\n",
                               a.partners[inv.partner].id, format_display(-inv.amount));
    out += joint_cap_lines(a, j.to_date);
    if (j.forecast.unallocated.is_positive())
        out += fmt::format("Forecast for the year: £{} of the charges would be above a partner's "
                           "contribution plus its cap (unallocated).\n",
                           format_display(j.forecast.unallocated));
    out += "Own spend: what the partner spent itself on the joint schemes (its own ledger), "
           "credited against its charge.\n";
    if (j.invoiced_before_recomputed)
        out +=
            m == 1
                ? "Invoiced before: nothing (the first period).\n"
                : fmt::format("Invoiced before: recomputed from today's ledgers as the charge less "
                              "own spend to {} (no cash register), so a line back-dated into a "
                              "month already invoiced is never billed. A cash register of the "
                              "invoices issued is recommended (SPEC §10).\n",
                              a.year.period_long(m - 1));
    return out;
}

Table aligned_table(const ReconStatement& st, bool display) {
    const Agreement& a = st.agreement;
    const Reconciliation& r = st.recon;
    auto money = [&](Money m) { return num_cell(display ? format_display(m) : format_plain(m)); };
    Table t(display ? std::vector<Table::Column>{{"Partner", false},
                                                 {"Scheme", false},
                                                 {"Own budget", true},
                                                 {"Budget to date", true},
                                                 {"Actual to date", true},
                                                 {"Variance", true},
                                                 {"Forecast outturn", true},
                                                 {"Forecast variance", true},
                                                 {"Flag", false}}
                    : std::vector<Table::Column>{{"partner", false},
                                                 {"scheme", false},
                                                 {"budget", true},
                                                 {"budget_ytd", true},
                                                 {"actual_ytd", true},
                                                 {"variance_ytd", true},
                                                 {"forecast_outturn", true},
                                                 {"forecast_variance", true},
                                                 {"spend_without_budget", false}});
    auto row = [&](std::size_t p, const std::string& scheme, const OwnFigures& f,
                   const std::string& flag) {
        std::vector<Cell> cells{text_cell(a.partners[p].id), text_cell(scheme)};
        for (Money m : {f.budget, f.budget_ytd, f.actual_ytd, f.variance_ytd, f.forecast_outturn,
                        f.forecast_variance})
            cells.push_back(money(m));
        cells.push_back(text_cell(flag));
        t.add_row(std::move(cells));
    };
    // Each partner's rows, then its subtotal (SPEC §6); a rule between partners.
    for (std::size_t p = 0; p < r.aligned_subtotals.size(); ++p) {
        bool any = false;
        for (const auto& f : r.aligned) {
            if (f.partner != p) continue;
            if (!any && !t.empty()) t.add_rule();
            any = true;
            std::string flag = display ? (f.spend_without_budget ? "no budget" : "")
                                       : (f.spend_without_budget ? "true" : "false");
            row(p, a.schemes[f.scheme].id, f, flag);
        }
        if (!any) continue;
        if (display) t.add_rule();
        row(p, "Total", r.aligned_subtotals[p], "");
    }
    return t;
}

// Spending on a scheme where the partner's own budget is zero (SPEC §6): a finding.
std::vector<std::string> unbudgeted_spend_lines(const ReconStatement& st) {
    const Agreement& a = st.agreement;
    std::vector<std::string> out;
    for (const auto& f : st.recon.aligned)
        if (f.spend_without_budget)
            out.push_back(fmt::format("{}: {} to date on {} {}, where its own budget is {}",
                                      a.partners[f.partner].id, format_display(f.actual_ytd),
                                      a.schemes[f.scheme].id, a.schemes[f.scheme].name,
                                      format_display(f.budget)));
    return out;
}

// Every scheme rated amber or red, over or under, needs an action plan (SPEC §3).
std::vector<std::string> action_plan_lines(const ReconStatement& st) {
    const Agreement& a = st.agreement;
    std::vector<std::string> out;
    for (std::size_t s = 0; s < a.schemes.size(); ++s) {
        const SchemeFigures& f = st.recon.schemes[s];
        if (!f.rag.needs_action_plan() || !f.rag.direction) continue;
        Money size = f.forecast_variance.is_negative() ? -f.forecast_variance : f.forecast_variance;
        // To 0.01%, rounded; but a share just under a threshold is cut instead, so that it never
        // reads as reaching it (11,999.99 of 120,000.00 is 9.99%, amber, not 10%).
        Rational share = size.as_rational() * 10000 / f.budget.as_rational();
        BigInt n = numerator(share), d = denominator(share);
        Rational shown(((2 * n + d) / (2 * d)), 10000), exact = share / 10000;
        for (const Rational& t : {a.monitoring.amber, a.monitoring.red})
            if (exact < t && shown >= t) shown = Rational(n / d, 10000);
        out.push_back(fmt::format("{} {}: forecast {} £{}, {} of its budget ({})", a.schemes[s].id,
                                  a.schemes[s].name, direction_noun(*f.rag.direction),
                                  format_display(size), format_percent(shown, 2),
                                  rag_keyword(*f.rag.rating)));
    }
    return out;
}

Table ledger_table(const ReconStatement& st) {
    const ControlTotals& c = st.control;
    Table t({{"measure", false}, {"lines", true}, {"amount", true}});
    t.add_row({text_cell("read"), num_cell(std::to_string(c.lines_read)),
               num_cell(format_plain(c.total_read))});
    t.add_row({text_cell("accepted"), num_cell(std::to_string(c.lines_accepted)),
               num_cell(format_plain(c.total_accepted))});
    t.add_row({text_cell("rejected"), num_cell(std::to_string(c.lines_rejected)),
               num_cell(format_plain(c.total_rejected))});
    // Of the accepted lines, those after the statement's period (SPEC §4).
    const LineTally& after = st.recon.after_period;
    t.add_row({text_cell("accepted_after_period"), num_cell(std::to_string(after.lines)),
               num_cell(format_plain(after.total))});
    return t;
}

std::string share_note(const ReconStatement& st) {
    std::string out;
    if (st.recon.cash == CashSource::assumed)
        out += "Cash: assumed (contributions received as due, nothing of the direct spend "
               "reimbursed yet); a cash register gives the actual receipts.\n";
    out += "Forecast risk share: what each partner would bear (+) or get back (−) at the year "
           "end if the forecast came true, by the agreement's risk share as pool-settle applies "
           "it (with the opening balance).\n";
    const auto& fs = st.recon.forecast_share;
    if (!fs) return out;
    if (!fs->opening_applied.is_zero())
        out += fmt::format("Forecast use of the opening balance: £{} ({}).\n",
                           format_display(fs->opening_applied.is_negative() ? -fs->opening_applied
                                                                            : fs->opening_applied),
                           fs->opening_applied.is_negative()
                               ? "the deficit brought forward, recovered from the partners"
                               : "the surplus brought forward, against the overspend");
    if (!fs->carried_forward.is_zero())
        out += fmt::format("Forecast carried forward in the pool: £{}.\n",
                           format_display(fs->carried_forward));
    if (!fs->unallocated.is_zero())
        out += fmt::format("Forecast overspend beyond every cap (unallocated, for the partners to "
                           "agree): £{}.\n",
                           format_display(fs->unallocated));
    return out;
}

enum class Style { text, markdown };

std::string render(const ReconStatement& st, Style style) {
    auto table = [&](const Table& t) { return style == Style::text ? t.text() : t.markdown(); };
    auto heading = [&](const std::string& h) {
        return style == Style::text ? fmt::format("\n{}\n", h) : fmt::format("\n## {}\n\n", h);
    };
    // A note's items: indented in text, a list in Markdown.
    auto items = [&](const std::vector<std::string>& lines) {
        std::string out;
        for (const auto& l : lines)
            out += (style == Style::text ? "  " : "- ") + l + "\n";
        return out;
    };
    std::vector<std::string> head = heading_lines(st);
    std::string out;
    if (style == Style::markdown) out += "# ";
    out += head[0];
    out += style == Style::markdown ? "\n\n" : "\n";
    for (std::size_t i = 1; i < head.size(); ++i)
        out += head[i] + (style == Style::markdown && i + 1 < head.size() ? "  \n" : "\n");
    std::string warn = warning_line(st);
    if (st.recon.joint) {
        std::string u = joint_unallocated_warning(st.recon.joint->to_date, "to date");
        if (!u.empty()) warn += u + "\n";
    }
    if (!warn.empty()) {
        out += "\n";
        out += style == Style::markdown ? "**" + warn.substr(0, warn.size() - 1) + "**\n" : warn;
    }
    out += heading("Schemes");
    out += table(schemes_table(st, true));
    const Agreement& a = st.agreement;
    if (auto plans = action_plan_lines(st); !plans.empty()) {
        out += heading(fmt::format("Action plans needed (a forecast variance of {} of the budget "
                                   "or more, over or under)",
                                   format_percent(a.monitoring.amber, 4)));
        out += items(plans);
    }
    switch (a.kind) {
    case AgreementKind::pooled:
        out += heading("Partners");
        out += table(partners_table(st, true));
        if (style == Style::markdown) {
            // Each note its own paragraph after the table (a line right below a table is a row).
            std::string notes = share_note(st);
            for (std::size_t at = 0; (at = notes.find('\n', at)) != std::string::npos; at += 3)
                notes.replace(at, 1, "\n\n");
            out += "\n" + notes;
        } else {
            out += share_note(st);
        }
        break;
    case AgreementKind::aligned:
        out += heading("Each partner's own budget (aligned: no money moves between partners)");
        out += table(aligned_table(st, true));
        if (auto flagged = unbudgeted_spend_lines(st); !flagged.empty()) {
            out += heading("Spending without a budget (correct the coding, or agree a budget for "
                           "the partner)");
            out += items(flagged);
        }
        break;
    case AgreementKind::joint: {
        const JointInvoicing& j = *st.recon.joint;
        out += heading("Charges to date by scheme (each partner's share of the spending, SPEC §6)");
        out += table(joint_charges_table(a, j.to_date, true, "Actual to date"));
        out += heading("Partners");
        out += table(joint_partners_table(st, true));
        out += heading(fmt::format("Invoices for {} (charge to date - own spend - invoiced before)",
                                   a.year.period_long(st.recon.period)));
        out += table(invoices_table(st, true));
        out += note_lines(joint_notes(st), style == Style::markdown);
        break;
    }
    }
    out += "\n";
    out += ledger_line(st);
    if (style == Style::markdown) out.insert(out.size() - 1, "  ");
    out += run_footer(st.run, style == Style::markdown);
    return out;
}

// The figures a scheme row and a partner's own row share (SPEC §5, §6).
template <typename Figures> void budget_fields(JsonWriter& json, const Figures& f) {
    json.field("budget", f.budget);
    json.field("budget_ytd", f.budget_ytd);
    json.field("actual_ytd", f.actual_ytd);
    json.field("variance_ytd", f.variance_ytd);
    json.field("forecast_outturn", f.forecast_outturn);
    json.field("forecast_variance", f.forecast_variance);
}

void scheme_json(JsonWriter& json, const SchemeFigures& f) {
    budget_fields(json, f);
    json.field("previous_forecast_outturn", f.previous_forecast);
    json.field("forecast_movement", f.forecast_movement);
    // No rating for a zero budget; no direction when the forecast is the budget (SPEC §3, §5).
    if (f.rag.rating) json.field("rag", rag_keyword(*f.rag.rating));
    if (f.rag.direction) json.field("rag_direction", direction_keyword(*f.rag.direction));
}

} // namespace

const char* recon_table_name(ReconTable t) {
    switch (t) {
    case ReconTable::schemes:
        return "schemes";
    case ReconTable::partners:
        return "partners";
    case ReconTable::invoices:
        return "invoices";
    case ReconTable::aligned:
        return "aligned";
    case ReconTable::ledger:
        return "ledger";
    }
    return "?";
}

// SPEC §8: no control character of the inputs reaches the reader (support/visible_text.hpp).
std::string recon_text(const ReconStatement& st) {
    return visible_lines(render(st, Style::text));
}
std::string recon_markdown(const ReconStatement& st) {
    return visible_lines(render(st, Style::markdown));
}

std::string recon_csv(const ReconStatement& st, ReconTable table) {
    switch (table) {
    case ReconTable::schemes:
        return schemes_table(st, false).csv();
    case ReconTable::partners:
        return st.recon.joint ? joint_partners_table(st, false).csv()
                              : partners_table(st, false).csv();
    case ReconTable::invoices:
        return invoices_table(st, false).csv();
    case ReconTable::aligned:
        return aligned_table(st, false).csv();
    case ReconTable::ledger:
        return ledger_table(st).csv();
    }
    return {};
}

std::string recon_json(const ReconStatement& st) {
    const Agreement& a = st.agreement;
    const Reconciliation& r = st.recon;
    JsonWriter json;
    json.begin_object();
    json.field("schema", schema::recon);
    write_run_json(json, st.run);
    json.key("options").begin_object();
    json.field("period", a.year.period_ym(r.period));
    json.field("forecast", forecast_name(r.method));
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
        json.end_object();
    }
    json.end_array();
    json.key("total").begin_object();
    scheme_json(json, r.total);
    json.end_object();

    if (a.kind == AgreementKind::pooled) json.field("cash", cash_source_name(r.cash));
    json.key("partners").begin_array();
    if (a.kind == AgreementKind::pooled) {
        for (std::size_t p = 0; p < r.partners.size(); ++p) {
            const auto& pos = r.partners[p];
            json.begin_object();
            json.field("id", a.partners[p].id);
            json.field("contribution_due_ytd", pos.contribution_due_ytd);
            json.field("received_ytd", pos.received_ytd);
            json.field("direct_spend_ytd", pos.direct_spend_ytd);
            json.field("reimbursed_ytd", pos.reimbursed_ytd);
            json.field("position", pos.position);
            json.field("forecast_risk_share", pos.forecast_risk_share);
            json.end_object();
        }
    } else if (r.joint) {
        for (std::size_t p = 0; p < a.partners.size(); ++p) {
            const JointPartnerFigures& f = r.joint->partners[p];
            json.begin_object();
            json.field("id", a.partners[p].id);
            json.field("contribution", f.contribution);
            json.field("charge_to_date", f.charge_to_date);
            if (!a.host || *a.host != p) { // the host is not invoiced
                json.field("own_spend_to_date", f.own_spend_to_date);
                json.field("invoiced_to_date", f.invoiced_to_date);
                json.field("invoice", f.invoice);
            }
            json.field("forecast_charge", f.forecast_charge);
            json.end_object();
        }
    } else if (a.kind == AgreementKind::aligned) {
        for (std::size_t p = 0; p < a.partners.size(); ++p) {
            json.begin_object();
            json.field("id", a.partners[p].id);
            json.key("schemes").begin_array();
            for (const auto& f : r.aligned) {
                if (f.partner != p) continue;
                json.begin_object();
                json.field("id", a.schemes[f.scheme].id);
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
    }
    json.end_array();

    if (r.joint) {
        json.key("invoices").begin_array();
        for (const auto& inv : r.joint->invoices) {
            json.begin_object();
            json.field("partner", a.partners[inv.partner].id);
            json.field("period", a.year.period_ym(inv.period));
            json.field("charge_to_date", inv.charge_to_date);
            json.field("own_spend_to_date", inv.own_spend_to_date);
            json.field("invoiced_before", inv.invoiced_before);
            json.field("amount", inv.amount);
            json.end_object();
        }
        json.end_array();
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

    write_ledger_json(json, st.control, st.ledger_files, &r.after_period);
    json.end_object();
    return json.str();
}

} // namespace poolkit
