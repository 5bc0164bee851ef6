// Typed positions in an agreement's lists (SPEC §2): a partner's index in [[partner]] order and a
// scheme's in [[scheme]] order, so that one cannot be passed where the other is meant.
#pragma once

#include <cstddef>

namespace poolkit {

enum class PartnerIndex : std::size_t {};
enum class SchemeIndex : std::size_t {};

// The position as a number, to index a vector laid out in the same order.
constexpr std::size_t to_size(PartnerIndex i) {
    return static_cast<std::size_t>(i);
}
constexpr std::size_t to_size(SchemeIndex i) {
    return static_cast<std::size_t>(i);
}

} // namespace poolkit
