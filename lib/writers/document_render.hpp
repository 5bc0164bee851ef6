// The formats a Document is rendered to (SPEC §5 --format), one renderer each, and the one
// table from a format's keyword to its renderer: a new format is a renderer and a row here.
#pragma once

#include "support/keyword_table.hpp"
#include "writers/document.hpp"

#include <string>

namespace poolkit {

inline constexpr auto document_formats =
    keywords_in_order<DocumentFormat>({"text", "md", "html", "xlsx"});

std::string render_text(const Document& document);
std::string render_markdown(const Document& document);
// One self-contained HTML file: inline CSS with a print stylesheet, inline SVG charts, every text
// of the inputs escaped; no script and no reference outside the file.
std::string render_html(const Document& document);
// The bytes of an .xlsx workbook (writers/document_xlsx.cpp): a sheet a table, a Summary of the
// words and an Inputs sheet. Throws Error(input) when it cannot be made (no temporary directory,
// a full disk).
std::string render_xlsx(const Document& document);

std::string render(const Document& document, DocumentFormat format);

} // namespace poolkit
