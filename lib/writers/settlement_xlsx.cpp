// pool-settle's statement as a workbook (SPEC §5 `--format xlsx`, §7): its heading facts, then a
// sheet a CSV table (--table) the statement has, so each sheet's figures are the JSON statement's.
#include "writers/settlement_statement.hpp"
#include "writers/workbook_parts.hpp"
#include "writers/xlsx.hpp"

#include <utility>

namespace poolkit {

std::string settlement_xlsx(const SettlementStatement& st) {
    const Agreement& a = st.agreement;
    const bool complete = year_end_is_complete(st.year_end);
    Workbook wb = statement_workbook(a, std::string(complete ? "" : "Provisional ") +
                                            "Year-end settlement " + a.year.label());
    wb.sheets.push_back(
        facts_sheet("Summary", {{"agreement", a.id},
                                {"title", a.title},
                                {"kind", kind_name(a.kind)},
                                {"legal_basis", a.legal_basis},
                                {"financial_year", a.year.label()},
                                {"complete", complete ? "true" : "false"},
                                {"last_period", a.year.period_ym(st.year.last_period)}}));
    std::vector<std::pair<const char*, SettlementTable>> tables{
        {"Schemes", SettlementTable::schemes},
        {"Partners", SettlementTable::partners},
        {"Transfers", SettlementTable::transfers},
        {"Risk share steps", SettlementTable::steps}};
    if (a.kind != AgreementKind::aligned) tables.push_back({"Balances", SettlementTable::balances});
    if (st.memorandum || st.joint_memorandum) {
        tables.push_back({"Memorandum", SettlementTable::memorandum});
        tables.push_back({"Notes", SettlementTable::notes});
    }
    for (const auto& [name, table] : tables) {
        Sheet sheet = sheet_of_csv(name, settlement_csv(st, table));
        if (!sheet.rows.empty() || table == SettlementTable::schemes) wb.sheets.push_back(sheet);
    }
    wb.sheets.push_back(inputs_sheet(st.run.inputs));
    return xlsx_bytes(wb, statement_time(a, Period::last()));
}

} // namespace poolkit
