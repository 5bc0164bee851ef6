#include "readers/profile_layout.hpp"

#include "readers/ledger_date.hpp"
#include "readers/toml_keys.hpp"
#include "support/error.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace poolkit {

namespace {
[[noreturn]] void fail(const std::string& file, const toml::node& n, const std::string& msg) {
    throw Error(ErrorKind::input,
                {file, static_cast<long>(n.source().begin.line),
                 static_cast<long>(n.source().begin.column)},
                msg);
}
std::string text(const std::string& file, const toml::node& n, std::string_view key) {
    if (auto s = n.value<std::string>(); s && n.is_string()) return *s;
    fail(file, n, fmt::format("'{}' must be a string", key));
}
} // namespace

ProfileLayout read_profile_layout(const toml::table& prof, const std::string& file) {
    ProfileLayout p;
    if (auto n = prof.get("name")) p.name = text(file, *n, "name");
    if (auto n = prof.get("description")) p.description = text(file, *n, "description");
    if (auto n = prof.get("delimiter")) {
        std::string d = text(file, *n, "delimiter");
        if (d == "tab" || d == "\t")
            p.delimiter = '\t';
        else if (d.size() == 1 && d[0] != '"' && d[0] != '\n' && d[0] != '\r')
            p.delimiter = d[0];
        else
            fail(file, *n, "'delimiter' must be one character (e.g. \",\" or \";\") or \"tab\"");
    }
    if (auto n = prof.get("date_format")) {
        p.date_format = text(file, *n, "date_format");
        std::string why;
        if (!DateFormat::compile(p.date_format, &why))
            fail(file, *n, fmt::format("bad date_format \"{}\": {}", p.date_format, why));
    }
    if (auto n = prof.get("skip_lines")) {
        auto v = n->as_integer();
        if (!v || v->get() < 0 || v->get() > 1000)
            fail(file, *n, "'skip_lines' must be a whole number from 0 to 1000");
        p.skip_lines = static_cast<int>(v->get());
    }
    return p;
}

std::optional<std::string> misplaced_reader_key(std::string_view key, std::string_view where,
                                                std::span<const std::string_view> reader_keys) {
    if (where == "profile" ||
        std::find(reader_keys.begin(), reader_keys.end(), key) == reader_keys.end())
        return std::nullopt;
    if (where == "top level")
        return fmt::format("'{}' belongs under [profile]: move it to the lines after the "
                           "[profile] line",
                           key);
    const std::string table =
        where.starts_with("[") ? std::string(where) : fmt::format("[{}]", where);
    return fmt::format("'{}' belongs under [profile], not {}: move it to the lines after the "
                       "[profile] line (in TOML a key belongs to the last [table] above it)",
                       key, table);
}

void refuse_misplaced_reader_keys(const toml::table& t, const std::string& file,
                                  std::string_view where,
                                  std::span<const std::string_view> reader_keys) {
    for (auto&& [k, v] : t) {
        (void)v;
        if (auto msg = misplaced_reader_key(k.str(), where, reader_keys))
            throw Error(ErrorKind::input, toml_location(file, k.source()), *msg);
    }
}

void check_profile_keys(const toml::table& t, const std::string& file, std::string_view where,
                        std::span<const std::string_view> known,
                        std::span<const std::string_view> reader_keys) {
    for (auto&& [k, v] : t) {
        (void)v;
        if (std::find(known.begin(), known.end(), k.str()) != known.end()) continue;
        const SourceLocation at = toml_location(file, k.source());
        if (auto msg = misplaced_reader_key(k.str(), where, reader_keys))
            throw Error(ErrorKind::input, at, *msg);
        const std::string table = where.find('[') != std::string_view::npos
                                      ? std::string(where)
                                      : fmt::format("[{}]", where);
        throw Error(ErrorKind::input, at, unknown_key_message(k.str(), table, known));
    }
}

} // namespace poolkit
