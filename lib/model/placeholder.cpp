#include "model/placeholder.hpp"

namespace poolkit {

namespace {
bool placeholder_char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}
bool alnum(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}
} // namespace

std::string placeholder(std::string_view name) {
    std::string out = "<";
    for (char c : name) {
        if (alnum(c))
            out += (c >= 'a' && c <= 'z') ? char(c - 'a' + 'A') : c;
        else if (out.back() != '-' && out.size() > 1)
            out += '-';
    }
    if (out.back() == '-') out.pop_back();
    return out + ">";
}

std::optional<std::string_view> find_placeholder(std::string_view text) {
    for (std::size_t open = text.find('<'); open != std::string_view::npos;
         open = text.find('<', open + 1)) {
        std::size_t end = open + 1;
        while (end < text.size() && placeholder_char(text[end]))
            ++end;
        if (end > open + 1 && end < text.size() && text[end] == '>')
            return text.substr(open, end - open + 1);
    }
    return std::nullopt;
}

} // namespace poolkit
