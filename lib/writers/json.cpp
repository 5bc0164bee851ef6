#include "writers/json.hpp"

#include "support/error.hpp"
#include "support/visible_text.hpp"

#include <cstdio>

namespace poolkit {

std::string json_quote(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    out += '"';
    for (std::size_t i = 0; i < s.size();) {
        TextUnit u = text_unit(s, i);
        if (u.kind == TextUnit::Kind::not_utf8) {
            // JSON is UTF-8 (RFC 8259): a byte that is not part of a UTF-8 character (a ledger
            // exported as Latin-1, a corrupt file) becomes U+FFFD, the replacement character.
            out += "\xEF\xBF\xBD";
        } else if (u.kind != TextUnit::Kind::plain) {
            // Every control character (C0, DEL, C1) and the line separators as escapes: the
            // document itself holds none, so showing it cannot send a terminal escape (SPEC §8).
            // JSON's own short escapes add \b and \f (RFC 8259 §7).
            if (const char* e = short_escape(u.code)) {
                out += e;
            } else if (u.code == '\b' || u.code == '\f') {
                out += u.code == '\b' ? "\\b" : "\\f";
            } else {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(u.code));
                out += buf;
            }
        } else if (u.code == '"') {
            out += "\\\"";
        } else if (u.code == '\\') {
            out += "\\\\";
        } else {
            out.append(s.substr(i, u.length));
        }
        i += u.length;
    }
    out += '"';
    return out;
}

void JsonWriter::newline() {
    if (one_line_) return;
    out_ += '\n';
    out_.append(stack_.size() * 2, ' ');
}

void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (!stack_.empty()) {
        if (stack_.back().is_object)
            throw Error(ErrorKind::invariant, "JSON: a value in an object needs a key");
        if (!stack_.back().empty) out_ += ',';
        stack_.back().empty = false;
        newline();
    }
}

JsonWriter& JsonWriter::begin_object() {
    before_value();
    out_ += '{';
    stack_.push_back({true, true});
    return *this;
}

void JsonWriter::close(char bracket) {
    bool empty = stack_.back().empty;
    stack_.pop_back();
    if (!empty) newline();
    out_ += bracket;
}

JsonWriter& JsonWriter::end_object() {
    close('}');
    return *this;
}

JsonWriter& JsonWriter::begin_array() {
    before_value();
    out_ += '[';
    stack_.push_back({false, true});
    return *this;
}

JsonWriter& JsonWriter::end_array() {
    close(']');
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view k) {
    if (stack_.empty() || !stack_.back().is_object)
        throw Error(ErrorKind::invariant, "JSON: a key outside an object");
    if (!stack_.back().empty) out_ += ',';
    stack_.back().empty = false;
    newline();
    out_ += json_quote(k);
    out_ += one_line_ ? ":" : ": ";
    after_key_ = true;
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
    before_value();
    out_ += json_quote(s);
    return *this;
}

JsonWriter& JsonWriter::value(bool b) {
    before_value();
    out_ += b ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::value(std::int64_t n) {
    before_value();
    out_ += std::to_string(n);
    return *this;
}

JsonWriter& JsonWriter::value(std::uint64_t n) {
    before_value();
    out_ += std::to_string(n);
    return *this;
}

JsonWriter& JsonWriter::value(Money m) {
    return value(std::string_view(format_plain(m)));
}

JsonWriter& JsonWriter::null() {
    before_value();
    out_ += "null";
    return *this;
}

std::string JsonWriter::str() const {
    if (!stack_.empty()) throw Error(ErrorKind::invariant, "JSON: unclosed object or array");
    return out_ + "\n";
}

} // namespace poolkit
