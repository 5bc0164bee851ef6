#include "findings_report.hpp"

#include "cli.hpp"
#include "support/visible_text.hpp"
#include "writers/statement_parts.hpp"
#include "writers/variation_parts.hpp"

#include <fmt/format.h>

#include <iostream>

namespace poolkit::cli {

namespace {

bool says_itself(const std::string& format) {
    return format == "text" || format == "md";
}

// A rejected cash register row is a finding, as a rejected ledger line (SPEC §5, §10).
bool cash_rejected(const std::optional<CashRegisterSummary>& cash) {
    return cash && cash->totals.rows.lines_rejected > 0;
}

} // namespace

bool report_outside_term(std::string_view tool, const Agreement& a,
                         const std::vector<SpendOutsideTerm>& spend) {
    for (const std::string& line : outside_term_lines(a, spend))
        std::cerr << fmt::format("{}: finding: {}: recode the lines, or vary the agreement\n", tool,
                                 visible(line));
    return !spend.empty();
}

bool report_trailers(std::string_view tool, const ControlTotals& control) {
    for (const TrailerCheck& t : control.trailers) {
        if (t.agrees()) continue;
        if (t.rows == 0)
            std::cerr << fmt::format("{}: finding: {}: no row matched the profile's [trailer], so "
                                     "the export's control total was not checked\n",
                                     tool, visible(t.path));
        else if (t.unreadable > 0)
            std::cerr << fmt::format("{}: finding: {}:{}: the trailer's amount cannot be read, so "
                                     "the export's control total was not checked\n",
                                     tool, visible(t.path), t.line);
        else
            std::cerr << fmt::format("{}: finding: {}:{}: the trailer states a total of {}, but "
                                     "the file's lines (all but the skipped rows) sum to {}, a "
                                     "difference of {}\n",
                                     tool, visible(t.path), t.line, control_amount(t.stated),
                                     control_amount(t.summed), control_amount(t.stated - t.summed));
    }
    return control.trailer_findings();
}

int actuals_findings(const ActualsStatement& st, const std::string& format) {
    const bool rejected = st.control.lines_rejected > 0;
    if (rejected && format != "text" && format != "md")
        std::cerr << fmt::format("pool-actuals: {} of {} lines rejected{}\n",
                                 st.control.lines_rejected, st.control.lines_read,
                                 st.rejects_path.empty()
                                     ? " (--rejects FILE lists them)"
                                     : " (see " + visible(st.rejects_path) + ")");
    const bool trailers = report_trailers("pool-actuals", st.control);
    return rejected || trailers ? exit_findings : exit_clean;
}

int recon_findings(const ReconStatement& st, const std::string& format) {
    // Aligned spending where a partner's own budget is zero is a finding (SPEC §5, §6): the
    // partner must recode the lines or agree a budget.
    std::size_t flagged = st.recon.spend_without_budget;
    if (flagged > 0 && !says_itself(format))
        std::cerr << fmt::format("pool-recon: warning: {} partner row{} of spending on a scheme "
                                 "where the partner's own budget is zero (flagged "
                                 "spend_without_budget)\n",
                                 flagged, flagged == 1 ? "" : "s");
    // A joint partner's charges above its contribution plus its cap are charged to nobody: a
    // finding (SPEC §6), as an unallocated overspend is at the year end.
    const Money unallocated = st.recon.joint ? st.recon.joint->to_date.unallocated : Money{};
    if (unallocated.is_positive() && !says_itself(format))
        std::cerr << fmt::format("pool-recon: warning: £{} of the charges to date is unallocated "
                                 "(above a partner's contribution plus its cap): the partners "
                                 "must agree how to meet it\n",
                                 format_display(unallocated));
    const bool trailers = report_trailers("pool-recon", st.control);
    const bool outside = report_outside_term("pool-recon", st.agreement, st.recon.outside_term);
    bool findings = st.control.lines_rejected > 0 || flagged > 0 || unallocated.is_positive() ||
                    cash_rejected(st.cash_register) || trailers || outside;
    return findings ? exit_findings : exit_clean;
}

int settlement_findings(const SettlementStatement& st, const std::string& format) {
    const bool incomplete = st.year_end == YearEnd::incomplete;
    if (st.year_end != YearEnd::complete)
        for (const std::string& line : short_partner_lines(st))
            std::cerr << fmt::format("pool-settle: {}: {}\n", incomplete ? "finding" : "note",
                                     line);
    if (incomplete)
        std::cerr << "pool-settle: the statement is PROVISIONAL; read every partner's March "
                     "ledger, or give --provisional (intended) or --complete (the year is "
                     "complete)\n";
    const Money unallocated = st.settlement.unallocated;
    if (unallocated.is_positive() && !says_itself(format))
        std::cerr << fmt::format("pool-settle: warning: £{} of {} is unallocated: the partners "
                                 "must agree how to meet it\n",
                                 format_display(unallocated),
                                 st.agreement.kind == AgreementKind::joint
                                     ? "the charges (above a partner's contribution plus its cap)"
                                     : "overspend");
    const bool trailers = report_trailers("pool-settle", st.control);
    const bool outside =
        report_outside_term("pool-settle", st.agreement, st.settlement.outside_term);
    bool findings = st.control.lines_rejected > 0 || unallocated.is_positive() || incomplete ||
                    cash_rejected(st.cash_register) || trailers || outside;
    return findings ? exit_findings : exit_clean;
}

} // namespace poolkit::cli
