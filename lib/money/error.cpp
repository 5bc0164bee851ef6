#include "money/error.hpp"

#include <fmt/format.h>

namespace poolkit {

std::string SourceLocation::str() const {
    if (file.empty()) return {};
    if (line <= 0) return file;
    if (column <= 0) return fmt::format("{}:{}", file, line);
    return fmt::format("{}:{}:{}", file, line, column);
}

std::string Error::formatted() const {
    std::string place = where_.str();
    if (place.empty()) return fmt::format("error: {}", what());
    return fmt::format("{}: error: {}", place, what());
}

} // namespace poolkit
