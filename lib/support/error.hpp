// One exception type for the whole library, carrying where the problem is (SPEC §5: messages name
// the file, the line and the column) and how a tool should exit because of it.
#pragma once

#include <stdexcept>
#include <string>

namespace poolkit {

struct SourceLocation {
    std::string file; // as the user gave it; empty when there is no file
    long line = 0;    // 1-based; 0 when unknown
    long column = 0;  // 1-based; 0 when unknown

    // "FILE:LINE:COL", "FILE:LINE" or "FILE", as far as it is known.
    std::string str() const;
};

// What the failure means for the exit status (SPEC §5): findings exit 1, "could not run" exits 2.
enum class ErrorKind {
    usage,      // bad arguments
    input,      // unreadable or malformed input (exit 2)
    findings,   // the run completed with findings (exit 1)
    invariant,  // a calculation identity failed: a bug, never a statement (exit 2)
    arithmetic, // overflow of int64 pence
};

class Error : public std::runtime_error {
  public:
    Error(ErrorKind kind, SourceLocation where, const std::string& message)
        : std::runtime_error(message), kind_(kind), where_(std::move(where)) {}
    Error(ErrorKind kind, const std::string& message) : Error(kind, {}, message) {}

    ErrorKind kind() const { return kind_; }
    const SourceLocation& where() const { return where_; }
    // "FILE:LINE:COL: error: MESSAGE" (or just "error: MESSAGE" without a place), with control
    // characters shown visibly (visible_text.hpp).
    std::string formatted() const;

  private:
    ErrorKind kind_;
    SourceLocation where_;
};

} // namespace poolkit
