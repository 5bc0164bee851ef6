// The settlement as tables: aligned text and Markdown for people, CSV (one table a file) for
// spreadsheets and scripts (SPEC §5, §7, §9).
#include "money/visible_text.hpp"
#include "writers/inputs.hpp"
#include "writers/settlement_statement.hpp"
#include "writers/statement_parts.hpp"
#include "writers/table.hpp"

#include <fmt/format.h>

namespace poolkit {

namespace {

struct Fmt {
    bool display;
    Cell operator()(Money m) const {
        return num_cell(display ? format_display(m) : format_plain(m));
    }
};

Table schemes_table(const SettlementStatement& st, bool display) {
    const Agreement& a = st.agreement;
    const SettlementResult& r = st.settlement;
    Fmt money{display};
    Table t(display ? std::vector<Table::Column>{{"Scheme", false},
                                                 {"Budget", true},
                                                 {"Outturn", true},
                                                 {"Variance", true}}
                    : std::vector<Table::Column>{{"scheme", false},
                                                 {"name", false},
                                                 {"budget", true},
                                                 {"outturn", true},
                                                 {"variance", true}});
    for (std::size_t s = 0; s < a.schemes.size(); ++s) {
        const auto& so = r.schemes[s];
        std::vector<Cell> cells;
        if (display)
            cells.push_back(text_cell(a.schemes[s].id + " " + a.schemes[s].name));
        else {
            cells.push_back(text_cell(a.schemes[s].id));
            cells.push_back(text_cell(a.schemes[s].name));
        }
        for (Money m : {so.budget, so.outturn, so.variance})
            cells.push_back(money(m));
        t.add_row(std::move(cells));
    }
    if (display) {
        t.add_rule();
        t.add_row({text_cell("Total"), money(r.total_budget), money(r.total_outturn),
                   money(r.total_variance)});
    }
    return t;
}

Table partners_table(const SettlementStatement& st, bool display) {
    const Agreement& a = st.agreement;
    const SettlementResult& r = st.settlement;
    Fmt money{display};
    Table t(display ? std::vector<Table::Column>{{"Partner", false},
                                                 {"Contribution", true},
                                                 {"Risk share", true},
                                                 {"Final share", true},
                                                 {"Paid", true},
                                                 {"Direct spend", true},
                                                 {"Balance", true}}
                    : std::vector<Table::Column>{{"partner", false},
                                                 {"contribution", true},
                                                 {"risk_share", true},
                                                 {"final_share", true},
                                                 {"paid", true},
                                                 {"direct_spend", true},
                                                 {"balance", true}});
    PartnerSettlement total;
    for (std::size_t p = 0; p < a.partners.size(); ++p) {
        const auto& ps = r.partners[p];
        std::string id = a.partners[p].id;
        if (display && a.host && *a.host == p && a.kind != AgreementKind::aligned) id += " (host)";
        t.add_row({text_cell(id), money(ps.contribution), money(ps.risk_share),
                   money(ps.final_share), money(ps.paid), money(ps.direct_spend),
                   money(ps.balance)});
        total.contribution += ps.contribution;
        total.risk_share += ps.risk_share;
        total.final_share += ps.final_share;
        total.paid += ps.paid;
        total.direct_spend += ps.direct_spend;
        total.balance += ps.balance;
    }
    if (display) {
        t.add_rule();
        t.add_row({text_cell("Total"), money(total.contribution), money(total.risk_share),
                   money(total.final_share), money(total.paid), money(total.direct_spend),
                   money(total.balance)});
    }
    return t;
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

// The memorandum account as (line, amount) rows, in the order the host presents it.
Table memorandum_table(const SettlementStatement& st, bool display) {
    const Agreement& a = st.agreement;
    const MemorandumAccount& m = st.memorandum->account;
    Fmt money{display};
    Table t(display
                ? std::vector<Table::Column>{{"Memorandum account", false}, {"Amount", true}}
                : std::vector<Table::Column>{{"line", false}, {"item", false}, {"amount", true}});
    auto add = [&](const std::string& line, const std::string& item, Money v) {
        if (display)
            t.add_row({text_cell(item.empty() ? line : "  " + item), money(v)});
        else
            t.add_row({text_cell(line), text_cell(item), money(v)});
    };
    // In text, a group's items sit under a heading row of their own.
    auto group = [&](const std::string& line) {
        if (display) t.add_row({text_cell(line), text_cell("")});
    };
    add("Opening balance", "", m.opening_balance);
    group("Contributions");
    for (std::size_t p = 0; p < a.partners.size(); ++p)
        add("Contribution", a.partners[p].id, m.contributions[p]);
    add("Total contributions", "", m.total_contributions);
    group("Expenditure by scheme");
    for (std::size_t s = 0; s < a.schemes.size(); ++s)
        add("Expenditure by scheme", a.schemes[s].id + " " + a.schemes[s].name,
            m.expenditure_by_scheme[s]);
    group("Expenditure by the ledger it was incurred in");
    for (std::size_t p = 0; p < a.partners.size(); ++p)
        add("Expenditure by ledger", a.partners[p].id, m.expenditure_by_ledger[p]);
    add("Total expenditure", "", m.total_expenditure);
    add("Surplus (deficit) for the year", "", m.surplus);
    group("Allocated to partners (risk share: + paid in, - returned)");
    for (std::size_t p = 0; p < a.partners.size(); ++p)
        add("Allocation", a.partners[p].id, m.allocation[p]);
    add("Closing balance", "", m.closing_balance);
    add("Carried forward", display ? "carried forward" : "", m.carried_forward);
    add("Unallocated overspend", display ? "unallocated overspend" : "", -m.unallocated);
    return t;
}

Table notes_table(const SettlementStatement& st, bool display) {
    const Agreement& a = st.agreement;
    Fmt money{display};
    Table t(display ? std::vector<Table::Column>{{"Partner", false},
                                                 {"Funding provided to the pool", true},
                                                 {"Share of expenditure met from the pool", true},
                                                 {"Share of net deficit (surplus)", true}}
                    : std::vector<Table::Column>{{"partner", false},
                                                 {"funding_provided", true},
                                                 {"expenditure_share", true},
                                                 {"net_share", true},
                                                 {"reserve_movement", true}});
    for (std::size_t p = 0; p < a.partners.size(); ++p) {
        const PartnerNote& n = st.memorandum->notes[p];
        std::vector<Cell> cells{text_cell(a.partners[p].id), money(n.funding_provided),
                                money(n.expenditure_share), money(n.net_share)};
        if (!display) cells.push_back(money(n.reserve_movement));
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
    for (const auto& t : st.settlement.transfers)
        out += fmt::format("{} pays {} £{}\n", name(t.from), name(t.to), format_display(t.amount));
    return out;
}

std::string ledger_line(const SettlementStatement& st) {
    const ControlTotals& c = st.control;
    return ledger_summary(c, st.ledger_files) + "\n";
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
    out += fmt::format("Year-end settlement, {} ({} to {}){}\n", a.year.label(),
                       a.year.start_date(), a.year.period_end_date(12), md ? "  " : "");
    out += what + (md ? "  \n" : "\n");
    out += fmt::format("Risk share: {}.\n", describe_terms(a));
    if (st.control.lines_rejected > 0) {
        out += "\n";
        out += bold(fmt::format("WARNING: {} ledger line{} (£{}) rejected and NOT in the figures "
                                "below.",
                                st.control.lines_rejected,
                                st.control.lines_rejected == 1 ? " was" : "s were",
                                format_display(st.control.total_rejected)));
    }
    if (r.unallocated.is_positive()) {
        out += "\n";
        out += bold(fmt::format("WARNING: £{} of overspend is unallocated: no partner bears it "
                                "under the agreement's risk share. The partners must agree how "
                                "to meet it.",
                                format_display(r.unallocated)));
    }

    out += heading("Schemes");
    out += table(schemes_table(st, true));
    out += heading(a.kind == AgreementKind::aligned
                       ? "Partners (aligned: each bears its own variance, no money moves)"
                       : "Partners");
    out += table(partners_table(st, true));
    if (!st.paid_given && a.kind != AgreementKind::aligned)
        out +=
            (md ? "\n" : "") +
            std::string(a.kind == AgreementKind::joint
                            ? "Paid: the recharges invoiced for the year (no paid amounts given).\n"
                            : "Paid: contributions as due (no paid amounts given).\n");

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

    if (st.memorandum) {
        out += heading(a.kind == AgreementKind::pooled
                           ? "Memorandum account"
                           : "Memorandum account (combined statement: there is no pooled fund)");
        out += table(memorandum_table(st, true));
        out += heading("Partner note (pooled budgets)");
        out += table(notes_table(st, true));
    }
    out += "\n";
    out += ledger_line(st);
    if (md) out.insert(out.size() - 1, "  ");
    out += run_footer(st.run, md);
    return out;
}

} // namespace

const char* settlement_table_name(SettlementTable t) {
    switch (t) {
    case SettlementTable::schemes:
        return "schemes";
    case SettlementTable::partners:
        return "partners";
    case SettlementTable::transfers:
        return "transfers";
    case SettlementTable::steps:
        return "steps";
    case SettlementTable::memorandum:
        return "memorandum";
    case SettlementTable::notes:
        return "notes";
    }
    return "?";
}

// SPEC §8: no control character of the inputs reaches the reader (money/visible_text.hpp).
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
        return partners_table(st, false).csv();
    case SettlementTable::transfers:
        return transfers_table(st).csv();
    case SettlementTable::steps:
        return steps_table(st).csv();
    case SettlementTable::memorandum:
    case SettlementTable::notes:
        if (!st.memorandum)
            throw Error(ErrorKind::usage, std::string("the ") + settlement_table_name(table) +
                                              " table needs the memorandum account");
        return table == SettlementTable::memorandum ? memorandum_table(st, false).csv()
                                                    : notes_table(st, false).csv();
    }
    return {};
}

} // namespace poolkit
