// What pool-check prints (SPEC §5): the one-screen summary of a valid agreement's terms (who is
// in it and what each puts in, the schemes, the effective risk share with its tiers and caps, the
// monitoring thresholds, the payment schedule) as a Document for every format people read, and
// the line on stderr that counts its diagnostics.
#pragma once

#include "model/agreement.hpp"
#include "model/diagnostic.hpp"
#include "model/input_file.hpp"
#include "writers/document.hpp"

#include <string>

namespace poolkit {

// The summary (text, Markdown, HTML, a workbook: writers/document_render.hpp); the renderers
// show any control character of the agreement visibly (SPEC §8). Markdown, HTML and a workbook
// end with `run`'s inputs and command; the text summary has neither.
Document check_document(const Agreement& agreement, const RunRecord& run);

// "pool-check: a.toml: 1 error, 2 warnings; the agreement is not valid\n" ("<stdin>" for "-").
std::string check_count_line(const std::string& path, const Diagnostics& diagnostics);

} // namespace poolkit
