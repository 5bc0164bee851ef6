// pool-check --format csv (SPEC §5): the diagnostics and findings of a check, one row each, under
// a fixed header for scripts and spreadsheets:
//   severity,code,file,line,column,message,why,consider
// severity is error or warning; code is a finding's stable code (empty for a loader diagnostic);
// line and column are empty for the agreement as a whole; why and consider are a finding's.
// The rows are what --explain lists: the loader's diagnostics in file order (less the warnings a
// finding restates with its reasons), then the findings; as many warnings as the JSON counts.
#pragma once

#include "writers/explain.hpp"

#include <string>

namespace poolkit {

std::string check_csv(const Explanation& explanation);

} // namespace poolkit
