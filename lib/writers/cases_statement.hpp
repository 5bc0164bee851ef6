// What pool-cases reports (SPEC §12): the panel's cases with their committed cost after the
// period, by referring partner and placement type, and the record of its inputs. Rendered as text,
// Markdown, CSV (one row a case) and JSON (schema poolkit.cases/1).
#pragma once

#include "calc/panel_cases.hpp"
#include "model/agreement.hpp"
#include "model/input_file.hpp"

#include <string>

namespace poolkit {

struct CasesStatement {
    const Agreement& agreement;
    PanelCases cases;
    RunRecord run;             // the tool, its arguments and inputs: agreement, register, ledgers
    bool ledgers_read = false; // whether spend per case was looked for (LEDGER... given)
};

std::string cases_text(const CasesStatement& st);
std::string cases_markdown(const CasesStatement& st);
std::string cases_csv(const CasesStatement& st);
std::string cases_json(const CasesStatement& st);

} // namespace poolkit
