#include "model/diagnostic.hpp"

#include "support/visible_text.hpp"

#include <fmt/format.h>

namespace poolkit {

const char* severity_name(Severity s) {
    return severities.keyword(s).data();
}

std::string Diagnostic::formatted() const {
    // Messages quote the inputs: shown visibly, they cannot forge a line or send an escape.
    std::string place = visible(where.str());
    if (place.empty()) return fmt::format("{}: {}", severity_name(severity), visible(message));
    return fmt::format("{}: {}: {}", place, severity_name(severity), visible(message));
}

bool Diagnostics::has_errors() const {
    return error_count() > 0;
}

std::size_t Diagnostics::error_count() const {
    std::size_t n = 0;
    for (const auto& d : items)
        n += d.severity == Severity::error;
    return n;
}

} // namespace poolkit
