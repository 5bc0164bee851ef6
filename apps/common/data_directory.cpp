#include "data_directory.hpp"

#include "readers/workspace.hpp"
#include "support/child_process.hpp"
#include "support/error.hpp"
#include "support/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <string_view>
#include <vector>

namespace poolkit::cli {

namespace fs = std::filesystem;

std::string data_directory() {
    const std::string bin = program_directory();
    if (bin.empty()) return "";
    const fs::path dir = fs::path(bin).parent_path() / "share" / "poolkit";
    std::error_code ec;
    return fs::is_directory(dir, ec) ? dir.string() : "";
}

std::string profile_path(const std::string& name, const std::string& given) {
    const bool is_path = name == "default" || name == "-" || profile_is_path(name);
    if (is_path) return name;
    const std::string data = data_directory();
    const fs::path dir = fs::path(data) / "ledger-profiles";
    std::error_code ec;
    if (!data.empty() && fs::is_regular_file(dir / (name + ".toml"), ec))
        return (dir / (name + ".toml")).string();
    if (fs::exists(name, ec)) return name;
    std::vector<std::string> shipped;
    if (!data.empty())
        for (const auto& e : fs::directory_iterator(dir, ec))
            if (e.path().extension() == ".toml") shipped.push_back(e.path().stem().string());
    std::sort(shipped.begin(), shipped.end());
    std::vector<std::string_view> names(shipped.begin(), shipped.end());
    throw Error(ErrorKind::input,
                fmt::format("{}: no such ledger profile{}{}; give a shipped one by its "
                            "name, or a profile file by its path (with a '/' or ending in .toml)",
                            given.empty() ? "--profile " + name : given, did_you_mean(name, names),
                            shipped.empty() ? std::string(" (no shipped profiles were found)")
                                            : fmt::format(" (shipped, in {}: {})", dir.string(),
                                                          comma_list(shipped))));
}

std::string shipped_input_path(const InputFile& input) {
    if (input.role != "profile" || input.path == "default" || input.path == "-" ||
        profile_is_path(input.path))
        return "";
    const std::string data = data_directory();
    if (data.empty()) return "";
    const fs::path file = fs::path(data) / "ledger-profiles" / (input.path + ".toml");
    std::error_code ec;
    return fs::is_regular_file(file, ec) ? file.string() : "";
}

} // namespace poolkit::cli
