// A finding about an input, located in its file: "FILE:LINE:COL: error: MESSAGE" (SPEC §3).
#pragma once

#include "support/error.hpp"
#include "support/keyword_table.hpp"

#include <string>
#include <vector>

namespace poolkit {

enum class Severity { error, warning, note };
inline constexpr auto severities = keywords_in_order<Severity>({"error", "warning", "note"});

struct Diagnostic {
    SourceLocation where;
    Severity severity = Severity::error;
    std::string message;

    // "FILE:LINE:COL: error: MESSAGE", with control characters shown visibly (visible_text.hpp).
    std::string formatted() const;
};

const char* severity_name(Severity s); // "error", "warning", "note"

struct Diagnostics {
    std::vector<Diagnostic> items;

    void error(SourceLocation where, std::string message) {
        items.push_back({std::move(where), Severity::error, std::move(message)});
    }
    void warning(SourceLocation where, std::string message) {
        items.push_back({std::move(where), Severity::warning, std::move(message)});
    }
    bool has_errors() const;
    std::size_t error_count() const;
};

} // namespace poolkit
