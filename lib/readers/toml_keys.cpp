#include "readers/toml_keys.hpp"

#include "support/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace poolkit {

SourceLocation toml_location(const std::string& file, const toml::source_region& r) {
    return {file, static_cast<long>(r.begin.line), static_cast<long>(r.begin.column)};
}

std::string unknown_key_message(std::string_view key, std::string_view where,
                                std::span<const std::string_view> known) {
    return fmt::format("unknown key '{}' in {}{} (known keys: {})", key, where,
                       did_you_mean(key, known),
                       comma_list(std::vector<std::string>(known.begin(), known.end())));
}

void only_keys(const toml::table& t, const std::string& file, std::string_view where,
               std::span<const std::string_view> known) {
    for (auto&& [k, v] : t) {
        (void)v;
        if (std::find(known.begin(), known.end(), k.str()) == known.end())
            throw Error(ErrorKind::input, toml_location(file, k.source()),
                        unknown_key_message(k.str(), fmt::format("[{}]", where), known));
    }
}

} // namespace poolkit
