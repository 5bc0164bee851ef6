#include "readers/register_profile.hpp"

#include "readers/input_source.hpp"
#include "readers/profile_layout.hpp"
#include "readers/toml_depth.hpp"
#include "readers/toml_keys.hpp"
#include "support/error.hpp"
#include "support/text.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>

namespace poolkit {

RegisterProfile parse_register_profile(std::string_view text, const std::string& file,
                                       const RegisterLayout& layout) {
    toml::table root = parse_toml(text, file);
    constexpr std::string_view top[] = {"profile", "columns"};
    refuse_misplaced_reader_keys(root, file, "top level", register_reader_keys);
    only_keys(root, file, "top level", top);
    RegisterProfile p;
    p.file = file;
    p.headers.assign(layout.names.size(), "");
    const toml::table* prof = root["profile"].as_table();
    if (!prof)
        throw Error(ErrorKind::input, {file, 1, 1},
                    fmt::format("a profile for {} needs a [profile] table (name, delimiter, "
                                "date_format, skip_lines)",
                                layout.what));
    constexpr std::string_view layout_keys[] = {"name", "description", "delimiter", "date_format",
                                                "skip_lines"};
    only_keys(*prof, file, "profile", layout_keys);
    p.layout = read_profile_layout(*prof, file);
    const toml::table* cols = root["columns"].as_table();
    if (!cols)
        throw Error(ErrorKind::input, {file, 1, 1},
                    fmt::format("a profile for {} needs a [columns] table naming the export's "
                                "column for each of its columns ({})",
                                layout.what, layout.example));
    refuse_misplaced_reader_keys(*cols, file, "columns", register_reader_keys);
    only_keys(*cols, file, "columns", layout.names);
    for (auto&& [k, v] : *cols) {
        auto c =
            std::find(layout.names.begin(), layout.names.end(), k.str()) - layout.names.begin();
        auto name = v.value<std::string>();
        if (!name || !v.is_string() || name->empty())
            throw Error(ErrorKind::input, toml_location(file, v.source()),
                        fmt::format("'{}' must name a column of the export", k.str()));
        p.headers[static_cast<std::size_t>(c)] = *name;
    }
    return p;
}

RegisterProfile load_register_profile(const std::string& path, const RegisterLayout& layout,
                                      InputFile& record) {
    InputText in = read_input(path, "profile");
    record = in.record;
    record.role = "profile";
    return parse_register_profile(in.text, path, layout);
}

} // namespace poolkit
