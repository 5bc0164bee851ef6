// A profile (SPEC §11) for a register beside the ledgers (the cash register, §10): the export's
// layout ([profile]: delimiter, date_format, skip_lines) and, in [columns], the export's header
// name for any of the register's own columns.
#pragma once

#include "model/input_file.hpp"
#include "readers/csv_register.hpp"

#include <string>
#include <string_view>

namespace poolkit {

// Reads the profile at `path` for the file of `layout`, with located errors for a bad key or value
// (an unknown column with a "did you mean"); `record` receives its input record (role "profile").
RegisterProfile load_register_profile(const std::string& path, const RegisterLayout& layout,
                                      InputFile& record);
RegisterProfile parse_register_profile(std::string_view text, const std::string& file,
                                       const RegisterLayout& layout);

} // namespace poolkit
