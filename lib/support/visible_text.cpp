#include "support/visible_text.hpp"

#include <cstdio>

namespace poolkit {

namespace {

// The length of the well-formed UTF-8 sequence at s[i], or 0 when the bytes there are not one.
std::size_t utf8_length(std::string_view s, std::size_t i) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = byte(i);
    std::size_t n = c < 0xC2 ? 0 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF5 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k)
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
    unsigned char d = byte(i + 1);
    if ((c == 0xE0 && d < 0xA0) || (c == 0xED && d > 0x9F) || (c == 0xF0 && d < 0x90) ||
        (c == 0xF4 && d > 0x8F))
        return 0;
    return n;
}

void escape_to(std::string& out, const TextUnit& u) {
    if (const char* e = short_escape(u.code)) {
        out += e;
        return;
    }
    char buf[12];
    if (u.kind == TextUnit::Kind::control && u.code < 0x80)
        std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(u.code));
    else if (u.kind == TextUnit::Kind::not_utf8)
        std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(u.code));
    else
        std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(u.code));
    out += buf;
}

} // namespace

const char* short_escape(char32_t code) {
    return code == '\n' ? "\\n" : code == '\r' ? "\\r" : code == '\t' ? "\\t" : nullptr;
}

TextUnit text_unit(std::string_view s, std::size_t i) {
    using Kind = TextUnit::Kind;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) return {c < 0x20 || c == 0x7F ? Kind::control : Kind::plain, 1, c};
    std::size_t n = utf8_length(s, i);
    if (n == 0) return {Kind::not_utf8, 1, c};
    char32_t code = c & (0xFF >> (n + 1));
    for (std::size_t k = 1; k < n; ++k)
        code = (code << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    Kind kind = code <= 0x9F                       ? Kind::control
                : code == 0x2028 || code == 0x2029 ? Kind::line_separator
                                                   : Kind::plain;
    return {kind, n, code};
}

std::string visible(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        TextUnit u = text_unit(text, i);
        if (u.kind == TextUnit::Kind::plain)
            out.append(text.substr(i, u.length));
        else
            escape_to(out, u);
        i += u.length;
    }
    return out;
}

std::string visible_lines(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t start = 0; start <= text.size();) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        out += visible(text.substr(start, end - start));
        if (end < text.size()) out += '\n';
        start = end + 1;
    }
    return out;
}

std::optional<ControlChar> find_control(std::string_view text) {
    std::size_t position = 0;
    for (std::size_t i = 0; i < text.size();) {
        TextUnit u = text_unit(text, i);
        ++position;
        if (u.kind == TextUnit::Kind::control) {
            ControlChar found{position, {}};
            escape_to(found.shown, u);
            return found;
        }
        i += u.length;
    }
    return std::nullopt;
}

} // namespace poolkit
