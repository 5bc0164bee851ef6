// The record of a statement's inputs (SPEC §5): the JSON `inputs` array and the text footer.
#pragma once

#include "model/input_file.hpp"
#include "writers/json.hpp"

#include <string>
#include <vector>

namespace poolkit {

// "inputs": [{role, path, sha256, bytes}, ...]
void write_inputs_json(JsonWriter& json, const std::vector<InputFile>& inputs);

// "Inputs: agreement.toml (sha256 3f2a9c1d…, 2,345 bytes), icb.csv (…)  poolkit 0.1.0\n"
std::string inputs_footer(const std::vector<InputFile>& inputs);

} // namespace poolkit
