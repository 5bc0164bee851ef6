// Text from the inputs made safe to show (SPEC §3, §8): a name, a ledger field, a file path or a
// message quoting them reaches a terminal or a document with its control characters written out
// ("\n", "\t", "\x1b"), so no input can forge a line or send a terminal escape. Every writer of
// text, Markdown and messages shows input text through visible(); JSON escapes the same
// characters its own way (writers/json.cpp), by the same classification (text_unit).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace poolkit {

// What the bytes at s[i] are: a character to show as it is, a control character (C0, DEL, C1),
// a Unicode line or paragraph separator (U+2028, U+2029: a line break to some viewers), or a
// byte that does not begin a well-formed UTF-8 character (RFC 3629: no overlongs, no
// surrogates, nothing past U+10FFFF).
struct TextUnit {
    enum class Kind { plain, control, line_separator, not_utf8 };
    Kind kind = Kind::plain;
    std::size_t length = 1; // bytes
    char32_t code = 0;      // the code point (the byte itself when not_utf8)
};
TextUnit text_unit(std::string_view s, std::size_t i);

// The escape that visible() and JSON both write for a line feed, carriage return or tab ("\n",
// "\r", "\t"); nullptr for any other character.
const char* short_escape(char32_t code);

// `text` with every character that is not plain written as an escape: \n, \r and \t; \xNN for
// the other C0 controls, DEL and bytes that are not UTF-8; \uNNNN for C1 controls and the line
// separators. A backslash is kept as it is, so plain text (and already visible text) is shown
// unchanged.
std::string visible(std::string_view text);

// visible() of each line of `text`, the '\n' between them kept: for text made of lines that
// are meant to be lines (a document's paragraphs, another tool's messages).
std::string visible_lines(std::string_view text);

// The first control character (C0, DEL or C1) in `text`: its position counted in characters
// from 1, and the escape visible() shows for it; nullopt when there is none. For the rule that
// names and titles hold no control characters (SPEC §3).
struct ControlChar {
    std::size_t position = 0;
    std::string shown;
};
std::optional<ControlChar> find_control(std::string_view text);

} // namespace poolkit
