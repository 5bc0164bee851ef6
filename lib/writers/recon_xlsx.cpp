// pool-recon's statement as a workbook (SPEC §5 `--format xlsx`): its heading facts, then a sheet
// a table in the data form of its CSV tables (--table), so each sheet's figures are the JSON
// statement's.
#include "writers/recon_monthly.hpp"
#include "writers/recon_statement.hpp"
#include "writers/recon_tables.hpp"
#include "writers/statement_parts.hpp"
#include "writers/workbook_parts.hpp"
#include "writers/xlsx.hpp"

#include <fmt/format.h>

namespace poolkit {

std::string recon_xlsx(const ReconStatement& st) {
    const Agreement& a = st.agreement;
    const Period m = st.recon.period;
    Workbook wb =
        statement_workbook(a, fmt::format("Month-end reconciliation, {}", a.year.period_long(m)));
    std::vector<std::pair<std::string, std::string>> facts{
        {"agreement", a.id},
        {"title", a.title},
        {"kind", kind_name(a.kind)},
        {"legal_basis", a.legal_basis},
        {"period", a.year.period_ym(m)},
        {"to", a.year.period_end_date(m)},
        {"forecast", st.recon.commitments ? "commitments" : forecast_name(st.recon.method)}};
    if (a.kind != AgreementKind::aligned)
        facts.push_back({"cash", cash_source_name(st.recon.cash)});
    wb.sheets.push_back(facts_sheet("Summary", facts));
    wb.sheets.push_back(sheet_of("Schemes", recon_schemes_table(st, false)));
    switch (a.kind) {
    case AgreementKind::pooled:
        wb.sheets.push_back(sheet_of("Partners", recon_partners_table(st, false)));
        break;
    case AgreementKind::aligned:
        wb.sheets.push_back(sheet_of("Aligned", recon_aligned_table(st, false)));
        break;
    case AgreementKind::joint:
        wb.sheets.push_back(sheet_of("Partners", recon_partners_table(st, false)));
        wb.sheets.push_back(sheet_of("Invoices", recon_invoices_table(st, false)));
        break;
    }
    if (st.monthly) wb.sheets.push_back(sheet_of("Monthly", recon_monthly_table(st, false)));
    wb.sheets.push_back(sheet_of("Ledger", recon_ledger_table(st)));
    wb.sheets.push_back(inputs_sheet(st.run.inputs));
    return xlsx_bytes(wb, statement_time(a, m));
}

} // namespace poolkit
