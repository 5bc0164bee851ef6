#include "model/reject_reason.hpp"

#include <cstddef>

namespace poolkit {

namespace {
constexpr bool in_enum_order() {
    for (std::size_t i = 0; i < std::size(reject_reasons); ++i)
        if (static_cast<std::size_t>(reject_reasons[i].reason) != i) return false;
    return true;
}
static_assert(in_enum_order(), "reject_reasons is indexed by the enum");
static_assert(std::size(reject_reasons) == static_cast<std::size_t>(RejectReason::duplicate) + 1,
              "every reason has an entry");
} // namespace

std::string_view reject_code(RejectReason r) {
    return reject_reasons[static_cast<std::size_t>(r)].code;
}

std::string_view reject_words(RejectReason r) {
    return reject_reasons[static_cast<std::size_t>(r)].words;
}

std::optional<RejectReason> reject_reason_of_code(std::string_view code) {
    for (const auto& e : reject_reasons)
        if (e.code == code) return e.reason;
    return std::nullopt;
}

} // namespace poolkit
