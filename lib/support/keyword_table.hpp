// A table of an enum's values with the keyword each is written as (in an agreement file and in
// JSON) and its wording in prose, so that the reader, the *_name functions, the writers and the
// hints of an error ("it must be one of ...", "did you mean ...") all read the same entries. The
// table's order is the order messages list the keywords in.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace poolkit {

template <class E> struct Keyword {
    E value;
    std::string_view keyword; // as written: "quarterly-in-advance"
    std::string_view words{}; // in full prose (--explain); empty when no writer needs it
    std::string_view brief{}; // in a terse summary or a trace; empty when none needs it
    // In a one-line summary of the terms (pool-check's), where that differs from `brief`.
    std::string_view summary{};
    // False when the value is not written as this string but by the shape of its value (a rule
    // `{ split = {...} }`, a profile of 12 weights): it is named, but not offered as a choice.
    bool is_string = true;
};

template <class E, std::size_t N> struct KeywordTable {
    std::array<Keyword<E>, N> entries;

    constexpr const Keyword<E>* find(E value) const {
        for (const auto& e : entries)
            if (e.value == value) return &e;
        return nullptr;
    }
    constexpr bool has(E value) const { return find(value) != nullptr; }
    // The keyword of `value`, "?" for a value the table lacks. A literal: .data() ends in NUL.
    constexpr std::string_view keyword(E value) const {
        const auto* e = find(value);
        return e ? e->keyword : std::string_view("?");
    }
    constexpr std::string_view words(E value) const {
        const auto* e = find(value);
        return e ? e->words : std::string_view("?");
    }
    constexpr std::string_view brief(E value) const {
        const auto* e = find(value);
        return e ? e->brief : std::string_view("?");
    }
    // The value written as `text`, when it is one of the string keywords.
    constexpr std::optional<E> parse(std::string_view text) const {
        for (const auto& e : entries)
            if (e.is_string && e.keyword == text) return e.value;
        return std::nullopt;
    }
    // The string keywords in table order: the choices of "it must be one of ...".
    std::vector<std::string_view> keywords() const {
        std::vector<std::string_view> out;
        for (const auto& e : entries)
            if (e.is_string) out.push_back(e.keyword);
        return out;
    }
};

template <class E, std::size_t N> KeywordTable(std::array<Keyword<E>, N>) -> KeywordTable<E, N>;

// The table of an enum whose values are only named (no words), written as its keywords in the
// enum's order: value i is written keywords[i].
template <class E, std::size_t N>
constexpr KeywordTable<E, N> keywords_in_order(const std::string_view (&keywords)[N]) {
    KeywordTable<E, N> table{};
    for (std::size_t i = 0; i < N; ++i)
        table.entries[i] = {.value = static_cast<E>(i), .keyword = keywords[i]};
    return table;
}

} // namespace poolkit
