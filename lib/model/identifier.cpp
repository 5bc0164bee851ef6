#include "model/identifier.hpp"

#include "support/visible_text.hpp"

#include <fmt/format.h>

namespace poolkit {

const char* const id_rule = "an id is 1 to 32 characters of ASCII letters, digits, '_', '-' and "
                            "'.', starting with a letter or digit";

namespace {
bool alnum(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}
} // namespace

std::optional<std::string> id_problem(std::string_view id) {
    if (id.empty()) return std::string("it is empty");
    std::size_t position = 0;
    for (std::size_t i = 0; i < id.size();) {
        TextUnit u = text_unit(id, i);
        ++position;
        char c = id[i];
        if (!(u.length == 1 && (alnum(c) || c == '_' || c == '-' || c == '.'))) {
            std::string what = c == ' ' ? "a space"
                               : u.kind == TextUnit::Kind::plain
                                   ? "'" + std::string(id.substr(i, u.length)) + "'"
                                   : visible(id.substr(i, u.length));
            return fmt::format("it holds {} (character {})", what, position);
        }
        i += u.length;
    }
    if (id.size() > max_id_length) return fmt::format("it is {} characters long", id.size());
    if (!alnum(id.front())) return fmt::format("it starts with '{}'", id.front());
    return std::nullopt;
}

std::optional<std::string> free_text_problem(std::string_view text) {
    auto c = find_control(text);
    if (!c) return std::nullopt;
    return fmt::format("it holds the control character {} (character {})", c->shown, c->position);
}

} // namespace poolkit
