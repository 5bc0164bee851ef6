#include "readers/agreement_toml.hpp"

#include "readers/amount_problem.hpp"
#include "readers/toml_keys.hpp"

#include "model/identifier.hpp"
#include "support/text.hpp"
#include "support/visible_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <utility>
#include <vector>

namespace poolkit {

std::string toml_type_phrase(const toml::node& node) {
    using T = toml::node_type;
    static constexpr std::pair<T, const char*> phrases[] = {
        {T::string, "a string"},       {T::integer, "an integer"}, {T::floating_point, "a float"},
        {T::boolean, "a boolean"},     {T::date, "a date"},        {T::time, "a time"},
        {T::date_time, "a date-time"}, {T::array, "an array"},     {T::table, "a table"}};
    for (const auto& [type, phrase] : phrases)
        if (node.type() == type) return phrase;
    return "nothing";
}

SourceLocation TomlReader::at(const toml::node& node) const {
    return at(node.source().begin);
}

SourceLocation TomlReader::at(const toml::key& key) const {
    return at(key.source().begin);
}

SourceLocation TomlReader::at(const toml::source_position& b) const {
    return {file_, static_cast<long>(b.line), static_cast<long>(b.column)};
}

bool TomlReader::check_keys(const toml::table& table, std::initializer_list<std::string_view> known,
                            std::string_view context) {
    bool ok = true;
    std::span<const std::string_view> cands(known.begin(), known.size());
    for (auto&& [k, v] : table) {
        if (std::find(known.begin(), known.end(), k.str()) != known.end()) continue;
        diags_.error(at(k), unknown_key_message(k.str(), context, cands));
        ok = false;
    }
    return ok;
}

void TomlReader::missing(const toml::table& table, std::string_view key, std::string_view context) {
    diags_.error(at(table), fmt::format("{} is missing the required key '{}'", context, key));
}

std::optional<std::string> TomlReader::string(const toml::table& table, std::string_view key,
                                              std::string_view context, bool required) {
    const toml::node* n = table.get(key);
    if (!n) {
        if (required) missing(table, key, context);
        return std::nullopt;
    }
    return string(*n, fmt::format("'{}' of {}", key, context));
}

std::optional<std::string> TomlReader::string(const toml::node& node, std::string_view what) {
    if (auto s = node.as_string()) {
        if (s->get().empty()) {
            error(node, fmt::format("{} is empty", what));
            return std::nullopt;
        }
        return s->get();
    }
    error(node, fmt::format("{} must be a string, not {}", what, toml_type_phrase(node)));
    return std::nullopt;
}

const toml::table* TomlReader::table(const toml::node& node, std::string_view what,
                                     std::string_view example) {
    if (const toml::table* t = node.as_table()) return t;
    error(node, fmt::format("{} must be a table{}{}, not {}", what,
                            example.empty() ? "" : " such as ", example, toml_type_phrase(node)));
    return nullptr;
}

namespace {
// A value quoted in a message, cut short after 40 characters (a 10 MB id still makes a message a
// person can read).
std::string quoted_value(std::string_view s) {
    std::size_t end = 0;
    for (int n = 0; end < s.size() && n < 40; ++n)
        end += text_unit(s, end).length;
    return "\"" + std::string(s.substr(0, end)) + (end < s.size() ? "...\"" : "\"");
}
} // namespace

std::optional<std::string> TomlReader::id(const toml::table& table, std::string_view key,
                                          std::string_view context) {
    auto s = string(table, key, context, true);
    if (s)
        if (auto why = id_problem(*s))
            error(*table.get(key), fmt::format("'{}' of {} is {}, which is not an id: {}; {}", key,
                                               context, quoted_value(*s), *why, id_rule));
    return s;
}

std::optional<std::string> TomlReader::text(const toml::table& table, std::string_view key,
                                            std::string_view context, bool required) {
    if (!table.get(key)) return string(table, key, context, required);
    return text(*table.get(key), fmt::format("'{}' of {}", key, context));
}

std::optional<std::string> TomlReader::text(const toml::node& node, std::string_view what) {
    auto s = string(node, what);
    if (s)
        if (auto why = free_text_problem(*s))
            error(node, fmt::format("{} is {}: {}; names and titles are free text without control "
                                    "characters",
                                    what, quoted_value(*s), *why));
    return s;
}

std::optional<std::string> TomlReader::choice(const toml::node& node, std::string_view what,
                                              std::span<const std::string_view> choices) {
    auto s = string(node, what);
    if (!s) return std::nullopt;
    if (std::find(choices.begin(), choices.end(), *s) != choices.end()) return s;
    std::string list;
    for (auto c : choices)
        list += (list.empty() ? "\"" : ", \"") + std::string(c) + "\"";
    error(node, fmt::format("{} is \"{}\"; it must be one of {}{}", what, *s, list,
                            did_you_mean(*s, choices)));
    return std::nullopt;
}

namespace {

// The shortest decimal form of a double that reads back as the same double ("12.5", "0.1").
std::optional<std::string> shortest_decimal(double d) {
    if (!std::isfinite(d)) return std::nullopt;
    char buf[400];
    auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed);
    if (r.ec != std::errc()) return std::nullopt;
    return std::string(buf, r.ptr);
}

// The shortest form of a double that reads back as the same double, an exponent allowed
// ("1e+20"), for a value too large to show in full.
std::string shortest_general(double d) {
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, d);
    return r.ec == std::errc() ? std::string(buf, r.ptr) : std::string("(not shown)");
}

} // namespace

std::optional<Money> TomlReader::money(const toml::node& node, std::string_view what) {
    if (auto s = node.as_string()) {
        auto p = parse_money(s->get());
        if (p) return p.value;
        error(node, fmt::format("{} is not a valid amount (\"{}\"): {}", what, s->get(),
                                amount_problem(s->get(), p.error, false)));
        return std::nullopt;
    }
    if (auto i = node.as_integer()) {
        // Whole pounds (SPEC §2 accepts "12").
        std::int64_t pounds = i->get(), pence = 0;
        if (__builtin_mul_overflow(pounds, std::int64_t{100}, &pence)) {
            error(node, fmt::format("{} is {}: {}", what, pounds,
                                    describe(MoneyParseError::out_of_range)));
            return std::nullopt;
        }
        return Money::from_pence(pence);
    }
    if (auto f = node.as_floating_point()) {
        // SPEC §3: a float only when its shortest decimal form has at most two decimals; it is
        // read from that text, so no binary fraction ever reaches the amount.
        auto text = shortest_decimal(f->get());
        MoneyParse p;
        if (text) p = parse_money(*text);
        if (text && p) return p.value;
        if (text && p.error == MoneyParseError::out_of_range) {
            error(node, fmt::format("{} is the float {}: {}", what, shortest_general(f->get()),
                                    describe(p.error)));
            return std::nullopt;
        }
        error(node, fmt::format("{} is the float {}, which is not an amount with at most two "
                                "decimals; write the amount as a string, e.g. \"1200000.00\"",
                                what, text ? *text : std::string("(not finite)")));
        return std::nullopt;
    }
    error(node, fmt::format("{} must be an amount such as \"1200000.00\", not {}", what,
                            toml_type_phrase(node)));
    return std::nullopt;
}

std::optional<Rational> TomlReader::percent(const toml::node& node, std::string_view what) {
    if (auto s = node.as_string()) {
        if (auto r = parse_percent(s->get())) return r;
        error(node,
              fmt::format("{} is \"{}\"; it must be a percentage such as \"40%\"", what, s->get()));
        return std::nullopt;
    }
    error(node, fmt::format("{} must be a percentage string such as \"40%\", not {}", what,
                            toml_type_phrase(node)));
    return std::nullopt;
}

std::optional<Rational> TomlReader::weight(const toml::node& node, std::string_view what) {
    if (auto i = node.as_integer()) return Rational(i->get());
    std::optional<std::string> text;
    if (auto f = node.as_floating_point())
        text = shortest_decimal(f->get());
    else if (auto s = node.as_string())
        text = s->get();
    else {
        error(node, fmt::format("{} must be a number, not {}", what, toml_type_phrase(node)));
        return std::nullopt;
    }
    if (text)
        if (auto r = parse_decimal(*text)) return r;
    error(node, fmt::format("{} is not a number", what));
    return std::nullopt;
}

} // namespace poolkit
