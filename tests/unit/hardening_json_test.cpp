// JSON output is UTF-8 (RFC 8259) whatever the input held: a ledger exported as Latin-1 or a
// corrupt file puts bytes that are not UTF-8 into rejected lines, and they must not make the JSON
// document unreadable. Each such byte becomes U+FFFD; well-formed UTF-8 passes unchanged.
#include "writers/json.hpp"

#include <doctest/doctest.h>

using namespace poolkit;

TEST_CASE("hardening: JSON strings are always UTF-8") {
    const std::string fffd = "\xEF\xBF\xBD";                                 // U+FFFD
    CHECK(json_quote("caf\xC3\xA9 \xC2\xA3") == "\"caf\xC3\xA9 \xC2\xA3\""); // é £
    CHECK(json_quote("\xF0\x9F\x92\xB7") == "\"\xF0\x9F\x92\xB7\"");         // 4 bytes
    CHECK(json_quote("caf\xE9") == "\"caf" + fffd + "\"");                   // Latin-1 é
    CHECK(json_quote("\xFF\xFE") == "\"" + fffd + fffd + "\"");              // never UTF-8
    CHECK(json_quote("\xC3") == "\"" + fffd + "\"");                         // cut short
    CHECK(json_quote("\xC0\xAF") == "\"" + fffd + fffd + "\"");              // overlong '/'
    CHECK(json_quote("\xED\xA0\x80") == "\"" + fffd + fffd + fffd + "\"");   // surrogate
    CHECK(json_quote("\xF4\x90\x80\x80") == "\"" + fffd + fffd + fffd + fffd + "\""); // > U+10FFFF
    CHECK(json_quote(std::string("a\0b", 3)) == "\"a\\u0000b\"");                     // NUL
}
