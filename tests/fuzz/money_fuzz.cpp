// Fuzz target: the amount parser (SPEC §2), the ledger's hot path and every agreement amount.
// Properties: it never crashes; a parsed amount prints (format_plain) as text that parses back to
// the same pence; a plain amount is read the same with thousands separators allowed; a failure
// says why in words.
#include "fuzz_target.hpp"

#include "money/money.hpp"

#include <cstring>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // Only the bytes of the input, in a buffer of its own, so a read past its end is caught.
    std::string text(size ? reinterpret_cast<const char*>(data) : "", size);
    std::string_view s(text);
    poolkit::MoneyParse plain = poolkit::parse_money(s, false);
    poolkit::MoneyParse grouped = poolkit::parse_money(s, true);
    FUZZ_CHECK(std::strlen(poolkit::describe(plain.error)) > 0);
    FUZZ_CHECK(std::strlen(poolkit::describe(grouped.error)) > 0);
    if (plain) {
        // Separators only widen what is accepted: a plain amount means the same with them.
        FUZZ_CHECK(grouped && grouped.value == plain.value);
        FUZZ_CHECK(s.find(',') == std::string_view::npos);
    }
    for (const poolkit::MoneyParse* m : {&plain, &grouped}) {
        if (!*m) continue;
        std::string printed = poolkit::format_plain(m->value);
        poolkit::MoneyParse again = poolkit::parse_money(printed, false);
        FUZZ_CHECK(again && again.value == m->value);
        // The display form (grouped, negatives in brackets) has the same digits.
        std::string shown = poolkit::format_display(m->value);
        if (m->value.is_negative()) {
            FUZZ_CHECK(shown.front() == '(' && shown.back() == ')');
            shown = "-" + shown.substr(1, shown.size() - 2);
        }
        poolkit::MoneyParse back = poolkit::parse_money(shown, true);
        FUZZ_CHECK(back && back.value == m->value);
    }
    return 0;
}
