// What the agreement's ids and free text may hold (SPEC §3). An id is a plain code: it appears in
// CSV cells, file names and terminal output, so it is 1 to 32 characters of ASCII letters,
// digits, '_', '-' and '.', starting with a letter or digit. Names and titles are free text but
// hold no control characters.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace poolkit {

inline constexpr std::size_t max_id_length = 32;

// The rule, as the end of a message: "an id is 1 to 32 characters of ...".
extern const char* const id_rule;

// Why `id` is not an id, as a phrase ("it holds a space", "it is 40 characters long", "it starts
// with '-'"); nullopt when it is one.
std::optional<std::string> id_problem(std::string_view id);

// Why `text` cannot be a name or a title ("it holds the control character \n at character 5");
// nullopt when it can.
std::optional<std::string> free_text_problem(std::string_view text);

} // namespace poolkit
