// What pool-cases reports (SPEC §12): the panel's cases with their committed cost after the
// period, by referring partner and placement type, and the record of its inputs. Built as a
// Document (text, Markdown, HTML), written as CSV (one row a case) and JSON (schema
// poolkit.cases/1).
#pragma once

#include "calc/panel_cases.hpp"
#include "model/agreement.hpp"
#include "model/input_file.hpp"
#include "writers/document.hpp"

#include <string>

namespace poolkit {

struct CasesStatement {
    const Agreement& agreement;
    PanelCases cases;
    RunRecord run; // the tool, its arguments and inputs: agreement, register
};

// The statement for people (text, Markdown, HTML: writers/document_render.hpp).
Document cases_document(const CasesStatement& st);
std::string cases_csv(const CasesStatement& st);
std::string cases_json(const CasesStatement& st);

} // namespace poolkit
