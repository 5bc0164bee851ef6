// A small JSON reader for statements (pool-verify reads back what the tools wrote). Numbers are
// kept as their text, never converted to binary floating point; amounts are strings anyway.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace poolkit {

struct JsonValue {
    enum class Type { null, boolean, number, string, array, object };
    Type type = Type::null;
    bool boolean = false;
    std::string text;                                       // a string's value, or a number's text
    std::vector<JsonValue> items;                           // array
    std::vector<std::pair<std::string, JsonValue>> members; // object, in document order

    // Defined in the .cpp, where JsonValue is complete: clang with libstdc++ refuses to
    // instantiate the destructor of pair<string, JsonValue> inside the class.
    JsonValue();
    JsonValue(const JsonValue&);
    JsonValue(JsonValue&&) noexcept;
    JsonValue& operator=(const JsonValue&);
    JsonValue& operator=(JsonValue&&) noexcept;
    ~JsonValue();

    const JsonValue* find(std::string_view key) const; // object member or nullptr
    std::string scalar() const; // a scalar as text: strings bare, numbers, true/false, null
};

// Parses a whole document; throws Error(input) at FILE:LINE:COL on malformed JSON.
JsonValue parse_json(std::string_view text, const std::string& file);

// Every scalar of a document by its path ("schemes[0].budget" -> "1200000.00"), in document order.
std::vector<std::pair<std::string, std::string>> flatten_json(const JsonValue& v);

} // namespace poolkit
