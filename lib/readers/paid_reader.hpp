// The --paid file of pool-settle (SPEC §7): contributions actually paid, CSV `partner,amount` with
// that header and one line for every partner of the agreement.
#pragma once

#include "model/agreement.hpp"
#include "model/input_file.hpp"

#include <string>
#include <vector>

namespace poolkit {

// Reads the file, recording it in `record`. Every problem is Error(input) at its line.
std::vector<Money> read_paid(const Agreement& agreement, const std::string& path,
                             InputFile& record);

} // namespace poolkit
