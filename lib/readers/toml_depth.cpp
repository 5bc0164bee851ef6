#include "readers/toml_depth.hpp"

#include "readers/toml_keys.hpp"

#include <fmt/format.h>

#include <vector>

namespace poolkit {

void check_toml_key_depth(std::string_view s, const std::string& file) {
    long line = 1;
    std::size_t line_start = 0;
    // Where a key may be: at the start of a line outside any bracket, inside a table header,
    // and after '{' or ',' in an inline table. `context` holds '{' and '[' (value brackets).
    std::vector<char> context;
    bool in_key = true, in_header = false;
    int parts = 1;
    auto fail = [&](std::size_t at) {
        throw Error(ErrorKind::input, {file, line, static_cast<long>(at - line_start + 1)},
                    fmt::format("a key with more than {} dotted parts: not an agreement or a "
                                "profile (their keys are a few parts deep)",
                                max_toml_key_depth));
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '\n') {
            ++line;
            line_start = i + 1;
            if (context.empty()) in_key = true, in_header = false, parts = 1;
            continue;
        }
        if (c == '#') { // a comment runs to the end of the line
            while (i + 1 < s.size() && s[i + 1] != '\n')
                ++i;
            continue;
        }
        if (c == '"' || c == '\'') { // a string: skip it (basic, literal, multi-line)
            bool multi = s.substr(i, 3) == std::string_view(c == '"' ? "\"\"\"" : "'''");
            std::size_t j = i + (multi ? 3 : 1);
            for (; j < s.size(); ++j) {
                if (s[j] == '\n') {
                    ++line;
                    line_start = j + 1;
                    if (!multi) break; // an unterminated string: the parser says so
                }
                if (c == '"' && s[j] == '\\') {
                    ++j;
                    if (j < s.size() && s[j] == '\n') ++line, line_start = j + 1;
                    continue;
                }
                if (s[j] == c && (!multi || s.substr(j, 3) == s.substr(i, 3))) {
                    if (multi) j += 2;
                    break;
                }
            }
            i = j;
            continue;
        }
        if (in_key) {
            if (c == '.') {
                if (++parts > max_toml_key_depth) fail(i);
            } else if (c == '=' && !in_header) {
                in_key = false;
            } else if (c == '[' && context.empty() && !in_header && parts == 1) {
                in_header = true; // [table] or [[array of tables]]
            } else if (c == ']' && in_header) {
                in_key = false;
            }
            continue;
        }
        if (c == '{' || c == '[') {
            context.push_back(c);
            if (c == '{') in_key = true, parts = 1;
        } else if ((c == '}' || c == ']') && !context.empty()) {
            context.pop_back();
        } else if (c == ',' && !context.empty() && context.back() == '{') {
            in_key = true;
            parts = 1;
        }
    }
}

toml::table parse_toml(std::string_view text, const std::string& file) {
    check_toml_key_depth(text, file);
    try {
        return toml::parse(text, std::string_view(file));
    } catch (const toml::parse_error& e) {
        throw Error(ErrorKind::input, toml_location(file, e.source()),
                    fmt::format("not valid TOML: {}", e.description()));
    }
}

} // namespace poolkit
