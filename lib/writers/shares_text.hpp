// pool-shares as a statement for people (SPEC §5, §9): one Document for text, Markdown and HTML,
// amounts in the display style 1,234.56 / (1,234.56), periods as "P01 April 2025".
#pragma once

#include "writers/document.hpp"
#include "writers/shares_statement.hpp"

#include <string>

namespace poolkit {

Document shares_document(const SharesStatement& statement);

} // namespace poolkit
