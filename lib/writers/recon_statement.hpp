// What pool-recon reports (SPEC §6, §5, §9): the month-end reconciliation of an agreement with the
// ledger control totals and the record of its inputs. Built as a Document by recon_document
// (text, Markdown, HTML), written by recon_json and recon_csv.
#pragma once

#include "calc/monthly.hpp"
#include "calc/partner_pack.hpp"
#include "calc/reconciliation.hpp"
#include "model/actuals.hpp"
#include "model/agreement.hpp"
#include "model/cash_register.hpp"
#include "model/forecast_adjustments.hpp"
#include "model/input_file.hpp"
#include "model/rejected_lines.hpp"
#include "support/keyword_table.hpp"
#include "writers/document.hpp"

#include <optional>
#include <string>
#include <vector>

namespace poolkit {

struct ReconStatement {
    const Agreement& agreement;
    Reconciliation recon;
    ControlTotals control; // of all the ledgers read
    std::size_t ledger_files = 0;
    std::string rejects_path; // where the rejected lines were written, if anywhere
    RunRecord run;            // the tool, its arguments and inputs: agreement, ledgers, profiles
    std::optional<CashRegisterSummary> cash_register = std::nullopt; // --cash (SPEC §10)
    ForecastAdjustments adjustments = {}; // --adjust, with their reasons (SPEC §12)
    // --period P01..P06 or --monthly (SPEC §5): the months to the statement's period
    std::optional<MonthlyReconciliation> monthly = std::nullopt;
    // --partner ID (SPEC §5): that partner's statement; --thousands: its amounts in £000
    std::optional<PartnerPack> partner = std::nullopt;
    bool thousands = false;
    const Actuals* actuals = nullptr; // the figures by month, for the charts; none: no charts
    // The first rejected lines, in order (control.lines_rejected counts them all), for the
    // table of them in HTML and a workbook (writers/rejected_lines_table.hpp).
    std::vector<RejectedLine> rejects = {};
};

// The CSV tables of a reconciliation (SPEC §5 `--format csv`), one a file: `--table` chooses.
enum class ReconTable {
    schemes,
    partners,
    invoices,
    aligned,
    ledger,
    cases,
    adjustments,
    movement,
    monthly
};
// The keyword of each: pool-recon's --table choices, in the order its help lists them.
inline constexpr auto recon_tables =
    keywords_in_order<ReconTable>({"schemes", "partners", "invoices", "aligned", "ledger", "cases",
                                   "adjustments", "movement", "monthly"});

// The statement for people (text, Markdown, HTML, a workbook: writers/document_render.hpp).
Document recon_document(const ReconStatement& st);
std::string recon_json(const ReconStatement& st);
std::string recon_csv(const ReconStatement& st, ReconTable table);

} // namespace poolkit
