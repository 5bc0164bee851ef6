// Text helpers every layer uses in its messages and prose: "did you mean" hints and lists in words.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace poolkit {

// Levenshtein distance, for "did you mean" hints.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to `word` when it is near enough to be a plausible typo (a third of the
// longer word's letters, at least one and at most three, may differ), else nullopt.
std::optional<std::string_view> closest_match(std::string_view word,
                                              std::span<const std::string_view> candidates);

// "; did you mean 'x'?" or "".
std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates);

// "A", "A and B", "A, B and C".
std::string and_list(const std::vector<std::string>& items);
// "A", "A or B", "A, B or C".
std::string or_list(const std::vector<std::string>& items);
// "A, B, C": a list for a message.
std::string comma_list(const std::vector<std::string>& items);

} // namespace poolkit
