// The one place a tool picks the writer for --format (SPEC §5): a document format (text, md,
// html, xlsx) renders the statement's Document (writers/document_render.hpp); a data format (json,
// csv) calls the statement's own writer, since those are data contracts.
#pragma once

#include "writers/document.hpp"

#include <functional>
#include <string>
#include <vector>

namespace poolkit::cli {

struct DataFormat {
    std::string format; // "json", "csv"
    std::function<std::string()> write;
};

// The --format choices of a statement tool: text, then its data formats, then the other
// document formats (md, html, xlsx).
std::vector<std::string> statement_formats(const std::vector<std::string>& data_formats);

// Whether `format` is one a Document renders to (text, md, html, xlsx).
bool is_document_format(const std::string& format);

// The statement in `format`: rendered from document() or written by the data format's writer.
std::string statement_output(const std::string& format, const std::function<Document()>& document,
                             const std::vector<DataFormat>& data = {});

} // namespace poolkit::cli
