// The settlement as tables: aligned text and Markdown for people, CSV (one table a file) for
// spreadsheets and scripts (SPEC §5, §7, §9).
#include "support/visible_text.hpp"
#include "writers/cash_parts.hpp"
#include "writers/inputs.hpp"
#include "writers/joint_parts.hpp"
#include "writers/joint_settlement_writers.hpp"
#include "writers/memorandum_writers.hpp"
#include "writers/settlement_partners.hpp"
#include "writers/settlement_statement.hpp"
#include "writers/statement_parts.hpp"
#include "writers/table.hpp"
#include "writers/variation_parts.hpp"

#include <fmt/format.h>

namespace poolkit {

namespace {

Table schemes_table(const SettlementStatement& st, bool display) {
    const Agreement& a = st.agreement;
    const SettlementResult& r = st.settlement;
    FormTable t(display, {{"Scheme", nullptr},
                          {nullptr, "scheme"},
                          {nullptr, "name"},
                          {"Budget", "budget", true},
                          {"Outturn", "outturn", true},
                          {"Variance", "variance", true}});
    for (std::size_t s = 0; s < a.schemes.size(); ++s) {
        const Scheme& sc = a.schemes[s];
        const SchemeOutturn& so = r.schemes[s];
        t.add_row({text_cell(sc.id + " " + sc.name), text_cell(sc.id), text_cell(sc.name),
                   t.money(so.budget), t.money(so.outturn), t.money(so.variance)});
    }
    if (display) {
        t.add_rule();
        t.add_row({text_cell("Total"),
                   {},
                   {},
                   t.money(r.total_budget),
                   t.money(r.total_outturn),
                   t.money(r.total_variance)});
    }
    return t.table();
}

Table transfers_table(const SettlementStatement& st) {
    const Agreement& a = st.agreement;
    Table t({{"from", false}, {"to", false}, {"amount", true}});
    for (const auto& tr : st.settlement.transfers)
        t.add_row({text_cell(a.partners[tr.from].id), text_cell(a.partners[tr.to].id),
                   num_cell(format_plain(tr.amount))});
    return t;
}

Table steps_table(const SettlementStatement& st) {
    const Agreement& a = st.agreement;
    std::vector<Table::Column> cols{{"step", true},     {"kind", false}, {"scheme", false},
                                    {"tier", true},     {"rule", false}, {"amount", true},
                                    {"partner", false}, {"limit", true}, {"round", true}};
    for (const auto& p : a.partners)
        cols.push_back({p.id, true});
    Table t(std::move(cols));
    std::size_t i = 0;
    for (const auto& s : st.settlement.risk.steps) {
        std::vector<Cell> cells{
            num_cell(std::to_string(++i)),
            text_cell(step_kind_name(s.kind)),
            text_cell(s.scheme ? a.schemes[*s.scheme].id : ""),
            num_cell(s.tier ? std::to_string(*s.tier + 1) : ""),
            text_cell(s.kind == RiskStepKind::share ? rule_name(s.rule, s.underspend) : ""),
            num_cell(format_plain(s.amount)),
            text_cell(s.partner ? a.partners[*s.partner].id : ""),
            num_cell(s.kind == RiskStepKind::cap ? format_plain(s.limit) : ""),
            num_cell(s.round ? std::to_string(s.round) : "")};
        for (std::size_t p = 0; p < a.partners.size(); ++p)
            cells.push_back(num_cell(p < s.shares.size() ? format_plain(s.shares[p]) : ""));
        t.add_row(std::move(cells));
    }
    return t;
}

std::string transfer_lines(const SettlementStatement& st) {
    const Agreement& a = st.agreement;
    if (st.settlement.transfers.empty()) return "No transfers: every balance is settled.\n";
    std::string out;
    auto name = [&](std::size_t p) {
        return a.host && *a.host == p ? a.partners[p].id + " (host)" : a.partners[p].id;
    };
    // SPEC §7: the balances at 31 March in the form both sides book them. Without a register
    // each transfer is such a balance; with one, cash may have moved after 31 March, so they have
    // their own table (cash_parts.hpp) and a transfer is what is left to pay.
    const bool register_given = st.settlement.cash == CashSource::cash_register;
    for (const auto& t : st.settlement.transfers) {
        if (register_given) {
            const std::size_t p = t.from == *a.host ? t.to : t.from;
            const Money settled = st.settlement.partners[p].settled;
            out += fmt::format(
                "{} pays {} £{}{}\n", name(t.from), name(t.to), format_display(t.amount),
                settled.is_zero() ? ""
                                  : fmt::format(" (its balance £{} less £{} already settled)",
                                                format_display(st.settlement.partners[p].balance),
                                                format_display(settled)));
            continue;
        }
        out += fmt::format("{} pays {} £{} ({} holds a creditor, {} a debtor, at 31 March)\n",
                           name(t.from), name(t.to), format_display(t.amount),
                           a.partners[t.from].id, a.partners[t.to].id);
    }
    return out;
}

std::string ledger_line(const SettlementStatement& st) {
    const ControlTotals& c = st.control;
    std::string out = ledger_summary(c, st.ledger_files) + "\n";
    if (st.cash_register) out += cash_register_summary(*st.cash_register) + "\n";
    return out;
}

std::string year_end_banner(const SettlementStatement& st) {
    std::vector<std::string> lines = short_partner_lines(st);
    std::string who;
    for (const auto& l : lines)
        who += " " + l + ".";
    switch (st.year_end) {
    case YearEnd::complete:
        return "";
    case YearEnd::incomplete:
        return fmt::format("PROVISIONAL: the year is not complete, so this is not the final "
                           "settlement.{} Read every partner's March ledger, or give "
                           "--provisional if a provisional statement is intended, or --complete "
                           "if the year is complete.",
                           who);
    case YearEnd::provisional:
        return fmt::format("PROVISIONAL (as intended, --provisional): not the final settlement.{}",
                           who);
    case YearEnd::asserted:
        return fmt::format("The year is asserted complete (--complete), although{}", who);
    }
    return "";
}

enum class Style { text, markdown };

std::string render(const SettlementStatement& st, Style style) {
    const Agreement& a = st.agreement;
    const SettlementResult& r = st.settlement;
    const bool md = style == Style::markdown;
    auto table = [&](const Table& t) { return md ? t.markdown() : t.text(); };
    auto heading = [&](const std::string& h) {
        return md ? fmt::format("\n## {}\n\n", h) : fmt::format("\n{}\n", h);
    };
    auto bold = [&](const std::string& line) { return md ? "**" + line + "**\n" : line + "\n"; };

    std::string out = md ? "# " : "";
    out += fmt::format("{} ({})\n", a.title, a.id);
    if (md) out += "\n";
    std::string what = fmt::format("{}, {}.", kind_phrase(a.kind), a.legal_basis);
    if (a.host) what += fmt::format(" Host: {}.", a.partners[*a.host].name);
    out += fmt::format("{}ear-end settlement, {} ({} to {}){}\n",
                       year_end_is_complete(st.year_end) ? "Y" : "PROVISIONAL y", a.year.label(),
                       a.year.start_date(), a.year.end_date(), md ? "  " : "");
    out += what + (md ? "  \n" : "\n");
    out += fmt::format("{}: {}.\n", a.kind == AgreementKind::joint ? "Recharges" : "Risk share",
                       describe_terms(a));
    if (std::string banner = year_end_banner(st); !banner.empty()) {
        out += "\n";
        out += bold(banner);
    }
    if (st.control.lines_rejected > 0) {
        out += "\n";
        out += bold(fmt::format("WARNING: {} ledger line{} (£{}) rejected and NOT in the figures "
                                "below.",
                                st.control.lines_rejected,
                                st.control.lines_rejected == 1 ? " was" : "s were",
                                format_display(st.control.total_rejected)));
    }
    if (a.kind == AgreementKind::joint && r.unallocated.is_positive()) {
        out += "\n";
        out += bold(joint_unallocated_warning(r.charges, "for the year"));
    } else if (r.unallocated.is_positive()) {
        out += "\n";
        out += bold(fmt::format("WARNING: £{} of overspend is unallocated: no partner bears it "
                                "under the agreement's risk share. The partners must agree how "
                                "to meet it.",
                                format_display(r.unallocated)));
    }

    out += heading("Schemes");
    out += table(schemes_table(st, true));
    if (has_variations(a)) { // SPEC §14
        out += heading(variations_heading);
        out += table(variation_budgets_table(a)) + (md ? "\n" : "");
        for (const auto& line : variation_lines(a))
            out += (md ? "- " : "  ") + line + "\n";
    }
    if (a.kind == AgreementKind::joint) {
        out += heading("Charges for the year by scheme (each partner's share of the spending, "
                       "SPEC §6)");
        out += table(joint_charges_table(a, r.charges, true, "Outturn"));
        out += heading("Partners");
        out += table(settlement_partners_table(st, true));
        out += note_lines(joint_settlement_notes(st), md);
    } else {
        out += heading(a.kind == AgreementKind::aligned
                           ? "Partners (aligned: each bears its own variance, no money moves)"
                           : "Partners");
        out += table(settlement_partners_table(st, true));
    }
    if (st.settlement.cash == CashSource::assumed && a.kind == AgreementKind::pooled)
        out += (md ? "\n" : "") +
               std::string("Cash: assumed (contributions paid as due; nothing of the direct spend "
                           "reimbursed in the year).\n");
    if (st.settlement.cash == CashSource::cash_register && a.kind == AgreementKind::pooled)
        out += (md ? "\n" : "") +
               std::string("Cash: from the cash register: contributions paid, direct spend "
                           "reimbursed and settlement rows of the year (rows paid after 31 March "
                           "belong to P12). Balance = final share - paid - direct spend + "
                           "reimbursed.\n");
    if (a.kind == AgreementKind::pooled)
        out += (md ? "\n" : "") +
               std::string("Balance: + the partner pays the host, (…) the host pays the partner; "
                           "direct spend is what a partner spent from its own ledger on the "
                           "pool's behalf.\n");

    if (!r.risk.steps.empty()) {
        out += heading("How the risk shares were reached");
        std::size_t i = 0;
        for (const auto& s : r.risk.steps)
            out += fmt::format("{}{}. {}\n", md ? "" : "  ", ++i, describe_step(a, s));
    }

    if (a.kind != AgreementKind::aligned) {
        out += heading("Settlement transfers");
        std::string lines = transfer_lines(st);
        if (md) {
            std::string bulleted;
            std::size_t start = 0;
            while (start < lines.size()) {
                std::size_t end = lines.find('\n', start);
                bulleted += "- " + lines.substr(start, end - start) + "\n";
                start = end + 1;
            }
            lines = bulleted;
        }
        out += lines;
        if (st.settlement.cash == CashSource::cash_register) {
            out += heading(fmt::format("Balances at {} as each side books them (the cash that "
                                       "moved after it aside)",
                                       a.year.end_date()));
            out += table(year_end_balances_table(a, r, true));
        }
    }
    // Only a pooled fund holds money of its own (SPEC §1): aligned and joint budgets have no pool
    // to carry anything forward in.
    if (a.kind == AgreementKind::pooled) {
        out += "\n";
        out += fmt::format("Carried forward in the pool: £{}. Unallocated: £{}.{}\n",
                           format_display(r.carried_forward), format_display(r.unallocated),
                           md ? "  " : "");
        out += fmt::format("The pool holds £{} after the transfers.\n",
                           format_display(r.pool_closing));
    }

    if (st.joint_memorandum) {
        out += heading(fmt::format("Recharge statement of the host, {} (a joint budget has no "
                                   "pool, so no memorandum account)",
                                   a.partners[*a.host].name));
        out += table(recharge_statement_table(st, true));
        out += heading("Partner notes (expenditure recharged under the joint arrangement)");
        out += table(recharge_notes_table(st, true));
    }
    if (st.memorandum) {
        out += heading(a.kind == AgreementKind::pooled
                           ? "Memorandum account"
                           : "Memorandum account (combined statement: there is no pooled fund)");
        out += table(memorandum_table(st, true));
        out += heading("Partner note (pooled budgets)");
        out += table(partner_notes_table(st, true));
        if (st.previous_year) { // SPEC §14: last year's comparatives
            out += heading("Partner note (pooled budgets), " + st.previous_year->financial_year);
            out += table(previous_notes_table(st, true));
        }
    }
    out += "\n";
    out += ledger_line(st);
    if (md) out.insert(out.size() - 1, "  ");
    out += run_footer(st.run, md);
    return out;
}

} // namespace

std::vector<std::string> short_partner_lines(const SettlementStatement& st) {
    const Agreement& a = st.agreement;
    std::vector<std::string> out;
    for (std::size_t i = 0; i < st.year.short_partners.size(); ++i) {
        const ShortPartner& sp = st.year.short_partners[i];
        std::string files;
        if (i < st.short_partner_files.size())
            for (const auto& f : st.short_partner_files[i])
                files += (files.empty() ? "" : ", ") + f;
        out.push_back(fmt::format("{} has no ledger line after {}{}", a.partners[sp.partner].id,
                                  a.year.period_long(sp.last_period),
                                  files.empty() ? "" : " (" + files + ")"));
    }
    return out;
}

const char* settlement_table_name(SettlementTable t) {
    return settlement_tables.keyword(t).data();
}

// SPEC §8: no control character of the inputs reaches the reader (support/visible_text.hpp).
std::string settlement_text(const SettlementStatement& st) {
    return visible_lines(render(st, Style::text));
}
std::string settlement_markdown(const SettlementStatement& st) {
    return visible_lines(render(st, Style::markdown));
}

std::string settlement_csv(const SettlementStatement& st, SettlementTable table) {
    switch (table) {
    case SettlementTable::schemes:
        return schemes_table(st, false).csv();
    case SettlementTable::partners:
        return settlement_partners_table(st, false).csv();
    case SettlementTable::transfers:
        return transfers_table(st).csv();
    case SettlementTable::steps:
        return steps_table(st).csv();
    case SettlementTable::balances:
        // The balances at 31 March (SPEC §7): an aligned budget moves no money, so has none.
        if (st.agreement.kind == AgreementKind::aligned)
            throw Error(ErrorKind::usage, "--table balances: agreement " + st.agreement.id +
                                              " is an aligned budget: no money moves between "
                                              "its partners, so nothing is owed at 31 March");
        return year_end_balances_table(st.agreement, st.settlement, false).csv();
    case SettlementTable::memorandum:
    case SettlementTable::notes:
        if (st.joint_memorandum)
            return table == SettlementTable::memorandum ? recharge_statement_table(st, false).csv()
                                                        : recharge_notes_table(st, false).csv();
        if (!st.memorandum)
            throw Error(ErrorKind::usage, std::string("the ") + settlement_table_name(table) +
                                              " table needs the memorandum account");
        return table == SettlementTable::memorandum ? memorandum_table(st, false).csv()
                                                    : partner_notes_table(st, false).csv();
    }
    return {};
}

} // namespace poolkit
