#include "support/error.hpp"

#include "support/visible_text.hpp"

#include <fmt/format.h>

namespace poolkit {

std::string SourceLocation::str() const {
    if (file.empty()) return {};
    if (line <= 0) return file;
    if (column <= 0) return fmt::format("{}:{}", file, line);
    return fmt::format("{}:{}:{}", file, line, column);
}

std::string Error::formatted() const {
    // Messages quote the inputs: shown visibly, they cannot forge a line or send an escape.
    std::string place = visible(where_.str());
    if (place.empty()) return fmt::format("error: {}", visible(what()));
    return fmt::format("{}: error: {}", place, visible(what()));
}

} // namespace poolkit
