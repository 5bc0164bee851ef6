// Reading typed values out of a parsed TOML agreement with diagnostics located at the value
// (SPEC §3: every failure names file:line:column): strings, amounts of money (SPEC §2),
// percentages, weights, key sets with a "did you mean" hint. Used by the agreement loader only.
#pragma once

#include "model/diagnostic.hpp"
#include "money/money.hpp"
#include "money/rational.hpp"
#include "support/keyword_table.hpp"
#include "support/text.hpp"

#include <toml++/toml.h>

#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace poolkit {

// "a string", "an integer", "a table", ... for messages about a value of the wrong type.
std::string toml_type_phrase(const toml::node& node);

class TomlReader {
  public:
    TomlReader(std::string file, Diagnostics& diags) : file_(std::move(file)), diags_(diags) {}

    const std::string& file() const { return file_; }
    Diagnostics& diags() { return diags_; }

    SourceLocation at(const toml::node& node) const;
    SourceLocation at(const toml::key& key) const;
    SourceLocation at_start() const { return {file_, 1, 1}; }

    void error(const toml::node& node, std::string message) { diags_.error(at(node), message); }
    void warning(const toml::node& node, std::string message) { diags_.warning(at(node), message); }

    // Reports every key of `table` not in `known`, with a hint; `context` names the table
    // ("[agreement]", "a [[scheme]]"). Returns false when there was one.
    bool check_keys(const toml::table& table, std::initializer_list<std::string_view> known,
                    std::string_view context);

    // Reports a missing required key at the table (its header or brace).
    void missing(const toml::table& table, std::string_view key, std::string_view context);

    // The value of `key` as a string; nullopt (reported) when it is missing and `required`, or
    // not a string. `what` names it in messages ("'title' of [agreement]").
    std::optional<std::string> string(const toml::table& table, std::string_view key,
                                      std::string_view context, bool required);
    std::optional<std::string> string(const toml::node& node, std::string_view what);

    // `node` as a table; nullptr (reported: "`what` must be a table such as `example`, not …")
    // when it is not one. `example` may be empty.
    const toml::table* table(const toml::node& node, std::string_view what,
                             std::string_view example = {});

    // The required `key` of `table` as an id; one that breaks the rule for ids (SPEC §3) is
    // reported but still returned, so that what refers to it is not reported as well.
    std::optional<std::string> id(const toml::table& table, std::string_view key,
                                  std::string_view context);

    // Free text (a name, a title): a string; one with a control character (SPEC §3) is reported
    // but still returned.
    std::optional<std::string> text(const toml::table& table, std::string_view key,
                                    std::string_view context, bool required);
    std::optional<std::string> text(const toml::node& node, std::string_view what);

    // One of `choices`, with a hint for a near miss.
    std::optional<std::string> choice(const toml::node& node, std::string_view what,
                                      std::span<const std::string_view> choices);

    // One of the string keywords of an enum's table (model/agreement.hpp), in the table's order in
    // the message, with a hint for a near miss.
    template <class E, std::size_t N>
    std::optional<E> choice(const toml::node& node, std::string_view what,
                            const KeywordTable<E, N>& table) {
        const auto keywords = table.keywords();
        if (auto s = choice(node, what, std::span<const std::string_view>(keywords)))
            return table.parse(*s);
        return std::nullopt;
    }

    // An amount (SPEC §2): a string "1200000.00", an integer (whole pounds), or a float whose
    // shortest decimal form has at most two decimals (never kept as a double).
    std::optional<Money> money(const toml::node& node, std::string_view what);

    // A percentage string "40%", as the fraction it stands for.
    std::optional<Rational> percent(const toml::node& node, std::string_view what);

    // A profile weight: an integer, a float (by its shortest decimal form) or a decimal string.
    std::optional<Rational> weight(const toml::node& node, std::string_view what);

  private:
    SourceLocation at(const toml::source_position& begin) const;
    std::string file_;
    Diagnostics& diags_;
};

} // namespace poolkit
