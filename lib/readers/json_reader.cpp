#include "readers/json_reader.hpp"

#include "support/error.hpp"

#include <fmt/format.h>

namespace poolkit {

JsonValue::JsonValue() = default;
JsonValue::JsonValue(const JsonValue&) = default;
JsonValue::JsonValue(JsonValue&&) noexcept = default;
JsonValue& JsonValue::operator=(const JsonValue&) = default;
JsonValue& JsonValue::operator=(JsonValue&&) noexcept = default;
JsonValue::~JsonValue() = default;

const JsonValue* JsonValue::find(std::string_view key) const {
    for (const auto& [k, v] : members)
        if (k == key) return &v;
    return nullptr;
}

std::string JsonValue::scalar() const {
    switch (type) {
    case Type::null:
        return "null";
    case Type::boolean:
        return boolean ? "true" : "false";
    case Type::number:
    case Type::string:
        return text;
    default:
        return {};
    }
}

namespace {

class Parser {
  public:
    Parser(std::string_view s, const std::string& file) : s_(s), file_(file) {}

    JsonValue document() {
        JsonValue v = value(0);
        skip_ws();
        if (pos_ != s_.size()) fail("unexpected text after the JSON document");
        return v;
    }

  private:
    [[noreturn]] void fail(const std::string& what) {
        long line = 1, col = 1;
        for (std::size_t i = 0; i < pos_ && i < s_.size(); ++i) {
            if (s_[i] == '\n') {
                ++line;
                col = 1;
            } else {
                ++col;
            }
        }
        throw Error(ErrorKind::input, {file_, line, col}, fmt::format("malformed JSON: {}", what));
    }

    void skip_ws() {
        while (pos_ < s_.size() &&
               (s_[pos_] == ' ' || s_[pos_] == '\n' || s_[pos_] == '\r' || s_[pos_] == '\t'))
            ++pos_;
    }

    bool consume(std::string_view word) {
        if (s_.substr(pos_, word.size()) == word) {
            pos_ += word.size();
            return true;
        }
        return false;
    }

    bool next_is(char c) const { return pos_ < s_.size() && s_[pos_] == c; }
    bool eat(char c) {
        if (!next_is(c)) return false;
        ++pos_;
        return true;
    }
    // After a member or an item: false at a ',' (another follows), true at `close`.
    bool closed(char close) {
        skip_ws();
        if (eat(',')) return false;
        if (eat(close)) return true;
        fail(fmt::format("expected ',' or '{}'", close));
    }

    JsonValue value(int depth) {
        if (depth > 256) fail("nested too deeply");
        skip_ws();
        if (pos_ >= s_.size()) fail("unexpected end of the document");
        JsonValue v;
        char c = s_[pos_];
        if (c == '{') {
            v.type = JsonValue::Type::object;
            ++pos_;
            skip_ws();
            if (eat('}')) return v;
            do {
                skip_ws();
                if (!next_is('"')) fail("expected a key in quotes");
                std::string key = string();
                skip_ws();
                if (!eat(':')) fail("expected ':' after a key");
                v.members.emplace_back(std::move(key), value(depth + 1));
            } while (!closed('}'));
            return v;
        }
        if (c == '[') {
            v.type = JsonValue::Type::array;
            ++pos_;
            skip_ws();
            if (eat(']')) return v;
            do
                v.items.push_back(value(depth + 1));
            while (!closed(']'));
            return v;
        }
        if (c == '"') {
            v.type = JsonValue::Type::string;
            v.text = string();
            return v;
        }
        if (consume("true")) {
            v.type = JsonValue::Type::boolean;
            v.boolean = true;
            return v;
        }
        if (consume("false")) {
            v.type = JsonValue::Type::boolean;
            return v;
        }
        if (consume("null")) return v;
        if (c == '-' || (c >= '0' && c <= '9')) {
            std::size_t start = pos_;
            ++pos_;
            while (pos_ < s_.size() &&
                   (std::isdigit(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '.' ||
                    s_[pos_] == 'e' || s_[pos_] == 'E' || s_[pos_] == '+' || s_[pos_] == '-'))
                ++pos_;
            v.type = JsonValue::Type::number;
            v.text = std::string(s_.substr(start, pos_ - start));
            return v;
        }
        fail(fmt::format("unexpected character '{}'", c));
    }

    static void put_utf8(std::string& out, unsigned cp) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }

    unsigned hex4() {
        if (pos_ + 4 > s_.size()) fail("a short \\u escape");
        unsigned cp = 0;
        for (int i = 0; i < 4; ++i) {
            char h = s_[pos_++];
            cp <<= 4;
            if (h >= '0' && h <= '9')
                cp |= static_cast<unsigned>(h - '0');
            else if (h >= 'a' && h <= 'f')
                cp |= static_cast<unsigned>(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F')
                cp |= static_cast<unsigned>(h - 'A' + 10);
            else
                fail("a bad \\u escape");
        }
        return cp;
    }

    std::string string() {
        ++pos_; // opening quote
        std::string out;
        while (pos_ < s_.size()) {
            char c = s_[pos_++];
            if (c == '"') return out;
            if (static_cast<unsigned char>(c) < 0x20) fail("a control character in a string");
            if (c != '\\') {
                out += c;
                continue;
            }
            if (pos_ >= s_.size()) break;
            char e = s_[pos_++];
            switch (e) {
            case '"':
                out += '"';
                break;
            case '\\':
                out += '\\';
                break;
            case '/':
                out += '/';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'u': {
                unsigned cp = hex4();
                if (cp >= 0xD800 && cp < 0xDC00 && consume("\\u")) {
                    unsigned lo = hex4();
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                }
                put_utf8(out, cp);
                break;
            }
            default:
                fail("a bad escape in a string");
            }
        }
        fail("an unterminated string");
    }

    std::string_view s_;
    const std::string& file_;
    std::size_t pos_ = 0;
};

void flatten(const JsonValue& v, const std::string& path,
             std::vector<std::pair<std::string, std::string>>& out) {
    switch (v.type) {
    case JsonValue::Type::object:
        for (const auto& [k, m] : v.members)
            flatten(m, path.empty() ? k : path + "." + k, out);
        break;
    case JsonValue::Type::array:
        for (std::size_t i = 0; i < v.items.size(); ++i)
            flatten(v.items[i], fmt::format("{}[{}]", path, i), out);
        break;
    default:
        out.emplace_back(path, v.scalar());
    }
}

} // namespace

JsonValue parse_json(std::string_view text, const std::string& file) {
    return Parser(text, file).document();
}

std::vector<std::pair<std::string, std::string>> flatten_json(const JsonValue& v) {
    std::vector<std::pair<std::string, std::string>> out;
    flatten(v, "", out);
    return out;
}

} // namespace poolkit
