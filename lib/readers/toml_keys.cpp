#include "readers/toml_keys.hpp"

#include "support/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace poolkit {

SourceLocation toml_location(const std::string& file, const toml::source_region& r) {
    return {file, static_cast<long>(r.begin.line), static_cast<long>(r.begin.column)};
}

void only_keys(const toml::table& t, const std::string& file, std::string_view where,
               std::span<const std::string_view> known) {
    for (auto&& [k, v] : t) {
        (void)v;
        if (std::find(known.begin(), known.end(), k.str()) == known.end()) {
            std::vector<std::string> names(known.begin(), known.end());
            throw Error(ErrorKind::input, toml_location(file, k.source()),
                        fmt::format("unknown key '{}' in [{}]{}; its keys are {}", k.str(), where,
                                    did_you_mean(k.str(), known), and_list(names)));
        }
    }
}

} // namespace poolkit
