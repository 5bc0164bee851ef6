// The settlement as a Document for people (text, Markdown, HTML) and as CSV tables (one a file)
// for spreadsheets and scripts (SPEC §5, §7, §9).
#include "support/visible_text.hpp"
#include "writers/cash_parts.hpp"
#include "writers/inputs.hpp"
#include "writers/joint_parts.hpp"
#include "writers/joint_settlement_writers.hpp"
#include "writers/memorandum_writers.hpp"
#include "writers/partner_pack_writers.hpp"
#include "writers/rejected_lines_table.hpp"
#include "writers/settlement_charts.hpp"
#include "writers/settlement_partners.hpp"
#include "writers/settlement_statement.hpp"
#include "writers/statement_parts.hpp"
#include "writers/table.hpp"
#include "writers/thousands_display.hpp"
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

// Who pays whom at the year end (SPEC §7): for people the workbook's sheet of the transfers the
// statement says in sentences; for data the CSV table.
Table transfers_table(const SettlementStatement& st, bool display) {
    const Agreement& a = st.agreement;
    FormTable t(display, {{"From", "from"}, {"To", "to"}, {"Amount", "amount", true}});
    for (const auto& tr : st.settlement.transfers)
        t.add_row({text_cell(a.partners[tr.from].id), text_cell(a.partners[tr.to].id),
                   t.money(tr.amount)});
    return t.table();
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
            count_cell(++i),
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

std::vector<std::string> ledger_lines(const SettlementStatement& st) {
    std::vector<std::string> lines{ledger_summary(st.control, st.ledger_files)};
    if (st.cash_register) lines.push_back(cash_register_summary(*st.cash_register));
    return lines;
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

} // namespace

Document settlement_document(const SettlementStatement& st) {
    const Agreement& a = st.agreement;
    const SettlementResult& r = st.settlement;
    Document d =
        statement_document(a,
                           year_end_is_complete(st.year_end) ? "Year-end settlement"
                                                             : "PROVISIONAL year-end settlement",
                           a.year.label(), Period::last());
    std::string what = fmt::format("{}, {}.", kind_phrase(a.kind), a.legal_basis);
    if (a.host) what += fmt::format(" Host: {}.", a.partner(*a.host).name);
    std::vector<std::string> title{
        agreement_heading(a), fmt::format("{}ear-end settlement, {} ({} to {})",
                                          year_end_is_complete(st.year_end) ? "Y" : "PROVISIONAL y",
                                          a.year.label(), a.year.start_date(), a.year.end_date())};
    if (st.partner) // SPEC §5 --partner: one partner's statement
        title.push_back("Statement for " + partner_label(a.partner(st.partner->partner)));
    title.push_back(what);
    title.push_back(fmt::format(
        "{}: {}.", a.kind == AgreementKind::joint ? "Recharges" : "Risk share", describe_terms(a)));
    d.title(std::move(title));
    if (std::string banner = year_end_banner(st); !banner.empty()) d.warning({banner});
    if (st.control.lines_rejected > 0)
        d.warning({rejected_warning(st.control.lines_rejected, st.control.total_rejected,
                                    "ledger line")});
    if (a.kind == AgreementKind::joint && r.unallocated.is_positive())
        d.warning({joint_unallocated_warning(r.charges, "for the year")});
    else if (r.unallocated.is_positive())
        d.warning({fmt::format("WARNING: £{} of overspend is unallocated: no partner bears it "
                               "under the agreement's risk share. The partners must agree how "
                               "to meet it.",
                               format_display(r.unallocated))});

    if (st.partner) { // SPEC §5 --partner: that partner's sections only
        add_partner_pack(d, st);
        add_outside_term(d, a, r.outside_term); // a finding for every reader (SPEC §14)
        return finish_statement(d, ledger_lines(st), st.run, st.thousands);
    }
    add_schemes_section(d, a, schemes_table(st, true), r.outside_term, st.thousands);
    if (a.kind == AgreementKind::joint) {
        d.heading("Charges for the year by scheme (each partner's share of the spending, "
                  "SPEC §6)");
        d.table(joint_charges_table(a, r.charges, true, "Outturn"), "Charges");
        d.heading("Partners");
        d.table(settlement_partners_table(st, true), "Partners");
        d.notes(lines_of(joint_settlement_notes(st)));
    } else {
        d.heading(a.kind == AgreementKind::aligned
                      ? "Partners (aligned: each bears its own variance, no money moves)"
                      : "Partners");
        d.table(settlement_partners_table(st, true), "Partners");
    }
    std::vector<std::string> notes;
    if (st.settlement.cash == CashSource::assumed && a.kind == AgreementKind::pooled)
        notes.push_back("Cash: assumed (contributions paid as due; nothing of the direct spend "
                        "reimbursed in the year).");
    if (st.settlement.cash == CashSource::cash_register && a.kind == AgreementKind::pooled)
        notes.push_back("Cash: from the cash register: contributions paid, direct spend "
                        "reimbursed and settlement rows of the year (rows paid after 31 March "
                        "belong to P12). Balance = final share - paid - direct spend + "
                        "reimbursed.");
    if (a.kind == AgreementKind::pooled)
        notes.push_back("Balance: + the partner pays the host, (…) the host pays the partner; "
                        "direct spend is what a partner spent from its own ledger on the pool's "
                        "behalf.");
    if (!notes.empty()) d.notes(std::move(notes));
    settlement_charts(d, st);

    if (!r.risk.steps.empty()) {
        d.heading("How the risk shares were reached");
        std::vector<std::string> steps;
        for (const auto& s : r.risk.steps)
            steps.push_back(describe_step(a, s));
        d.numbered(std::move(steps));
    }

    if (a.kind != AgreementKind::aligned) {
        d.heading("Settlement transfers");
        d.bullets(transfer_lines(st, st.settlement.transfers, false), 0);
        // The same transfers as figures, on a sheet of their own (SPEC §5 xlsx); the other
        // formats say them in the sentences above.
        d.only_in({DocumentFormat::xlsx});
        d.table(transfers_table(st, true), "Transfers");
        d.in_every_format();
        if (st.settlement.cash == CashSource::cash_register) {
            d.heading(fmt::format("Balances at {} as each side books them (the cash that moved "
                                  "after it aside)",
                                  a.year.end_date()));
            d.table(year_end_balances_table(a, r, true), "Balances");
        }
    }
    // Only a pooled fund holds money of its own (SPEC §1): aligned and joint budgets have no pool
    // to carry anything forward in.
    if (a.kind == AgreementKind::pooled)
        d.paragraph(fmt::format("Carried forward in the pool: £{}. Unallocated: £{}.\nThe pool "
                                "holds £{} after the transfers.",
                                format_display(r.carried_forward), format_display(r.unallocated),
                                format_display(r.pool_closing)));

    if (st.joint_memorandum) {
        d.heading(fmt::format("Recharge statement of the host, {} (a joint budget has no pool, "
                              "so no memorandum account)",
                              a.partner(*a.host).name));
        d.table(recharge_statement_table(st, true), "Recharge statement");
        d.heading("Partner notes (expenditure recharged under the joint arrangement)");
        d.table(recharge_notes_table(st, true), "Partner notes");
    }
    if (st.memorandum) {
        d.heading(a.kind == AgreementKind::pooled
                      ? "Memorandum account"
                      : "Memorandum account (combined statement: there is no pooled fund)");
        d.table(memorandum_table(st, true), "Memorandum");
        d.heading("Partner note (pooled budgets)");
        d.table(partner_notes_table(st, true), "Partner note");
        if (st.previous_year) { // SPEC §14: last year's comparatives
            d.heading("Partner note (pooled budgets), " + st.previous_year->financial_year);
            d.table(previous_notes_table(st, true), "Partner note, last year");
        }
    }
    // The rejected lines as they were read, never restated in £000.
    return finish_statement(d, ledger_lines(st), st.run, st.thousands, [&](Document& out) {
        add_rejected_lines(out, st.rejects, st.control, st.rejects_path);
    });
}

std::vector<std::string> transfer_lines(const SettlementStatement& st,
                                        const std::vector<Transfer>& transfers, bool thousands) {
    const Agreement& a = st.agreement;
    if (transfers.empty()) return {"No transfers: every balance is settled."};
    const auto pounds = [&](Money m) {
        return thousands ? amount_words(m, true) : "£" + format_display(m);
    };
    std::vector<std::string> out;
    auto name = [&](std::size_t p) {
        return a.is_host(PartnerIndex{p}) ? a.partners[p].id + " (host)" : a.partners[p].id;
    };
    // SPEC §7: the balances at 31 March in the form both sides book them. Without a register
    // each transfer is such a balance; with one, cash may have moved after 31 March, so they have
    // their own table (cash_parts.hpp) and a transfer is what is left to pay.
    const bool register_given = st.settlement.cash == CashSource::cash_register;
    for (const auto& t : transfers) {
        if (register_given) {
            const std::size_t p = a.is_host(PartnerIndex{t.from}) ? t.to : t.from;
            const Money settled = st.settlement.partners[p].settled;
            out.push_back(fmt::format("{} pays {} {}{}", name(t.from), name(t.to), pounds(t.amount),
                                      settled.is_zero()
                                          ? ""
                                          : fmt::format(" (its balance {} less {} already settled)",
                                                        pounds(st.settlement.partners[p].balance),
                                                        pounds(settled))));
            continue;
        }
        out.push_back(fmt::format("{} pays {} {} ({} holds a creditor, {} a debtor, at 31 March)",
                                  name(t.from), name(t.to), pounds(t.amount), a.partners[t.from].id,
                                  a.partners[t.to].id));
    }
    return out;
}

std::vector<std::string> short_partner_lines(const SettlementStatement& st) {
    const Agreement& a = st.agreement;
    std::vector<std::string> out;
    for (std::size_t i = 0; i < st.year.short_partners.size(); ++i) {
        const ShortPartner& sp = st.year.short_partners[i];
        std::string files;
        if (i < st.short_partner_files.size())
            for (const auto& f : st.short_partner_files[i])
                files += (files.empty() ? "" : ", ") + f;
        out.push_back(fmt::format("{} has no ledger line after {}{}", a.partner(sp.partner).id,
                                  a.year.period_long(sp.last_period),
                                  files.empty() ? "" : " (" + files + ")"));
    }
    return out;
}

const char* settlement_table_name(SettlementTable t) {
    return settlement_tables.keyword(t).data();
}

std::string settlement_csv(const SettlementStatement& st, SettlementTable table) {
    switch (table) {
    case SettlementTable::schemes:
        return schemes_table(st, false).csv();
    case SettlementTable::partners:
        return settlement_partners_table(st, false).csv();
    case SettlementTable::transfers:
        return transfers_table(st, false).csv();
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
