// A small streaming JSON writer for the statements (SPEC §5): deterministic output, two-space
// indentation (or all on one line, for JSON Lines), every amount as a string with two decimals
// ("-1234.56").
#pragma once

#include "money/money.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace poolkit {

class JsonWriter {
  public:
    enum class Layout { indented, one_line };
    explicit JsonWriter(Layout layout = Layout::indented) : one_line_(layout == Layout::one_line) {}

    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(std::string_view k);

    JsonWriter& value(std::string_view s);
    JsonWriter& value(const char* s) { return value(std::string_view(s)); }
    JsonWriter& value(const std::string& s) { return value(std::string_view(s)); }
    JsonWriter& value(bool b);
    JsonWriter& value(std::int64_t n);
    JsonWriter& value(std::uint64_t n);
    JsonWriter& value(int n) { return value(static_cast<std::int64_t>(n)); }
    JsonWriter& value(Money m); // as a string: "-1234.56"
    JsonWriter& null();

    // key + value in one call
    template <typename T> JsonWriter& field(std::string_view k, const T& v) {
        key(k);
        return value(v);
    }
    // key + the value, or null when there is none
    template <typename T> JsonWriter& field(std::string_view k, const std::optional<T>& v) {
        key(k);
        return v ? value(*v) : null();
    }

    // key: an array of one object per item, `fields(item)` writing the object's fields.
    template <typename Range, typename Fields>
    JsonWriter& objects(std::string_view k, const Range& items, Fields fields) {
        key(k).begin_array();
        for (const auto& item : items) {
            begin_object();
            fields(item);
            end_object();
        }
        return end_array();
    }

    // The document, with a final newline. Only valid once every object and array is closed.
    std::string str() const;

  private:
    void before_value();
    void newline();
    void close(char bracket);
    std::string out_;
    struct Level {
        bool is_object;
        bool empty;
    };
    std::vector<Level> stack_;
    bool after_key_ = false;
    bool one_line_ = false;
};

// A JSON string literal with its quotes, escaping per RFC 8259.
std::string json_quote(std::string_view s);

} // namespace poolkit
