#include "writers/inputs.hpp"

#include <fmt/format.h>

namespace poolkit {

void write_inputs_json(JsonWriter& json, const std::vector<InputFile>& inputs) {
    json.key("inputs").begin_array();
    for (const auto& in : inputs) {
        json.begin_object();
        json.field("role", in.role);
        json.field("path", in.path);
        json.field("sha256", in.sha256);
        json.field("bytes", in.bytes);
        json.end_object();
    }
    json.end_array();
}

std::string inputs_footer(const std::vector<InputFile>& inputs) {
    std::string out = "Inputs:";
    for (std::size_t i = 0; i < inputs.size(); ++i)
        out += fmt::format("{} {} (sha256 {}, {} bytes)", i ? "," : "", inputs[i].path,
                           inputs[i].sha256.substr(0, 12), inputs[i].bytes);
    out += fmt::format(". poolkit {}\n", POOLKIT_VERSION);
    return out;
}

} // namespace poolkit
