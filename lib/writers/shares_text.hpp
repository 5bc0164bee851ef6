// pool-shares as a statement for people (SPEC §5, §9): text and Markdown, amounts in the display
// style 1,234.56 / (1,234.56), periods as "P01 April 2025".
#pragma once

#include "writers/shares_statement.hpp"

#include <string>

namespace poolkit {

std::string shares_text(const SharesStatement& statement);
std::string shares_markdown(const SharesStatement& statement);

} // namespace poolkit
