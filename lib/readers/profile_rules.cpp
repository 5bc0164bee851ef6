#include "readers/profile_rules.hpp"

#include "readers/profile_layout.hpp"

#include "support/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace poolkit {

namespace {

std::string listed(const std::vector<std::string_view>& words) {
    return comma_list(std::vector<std::string>(words.begin(), words.end()));
}

class RuleReader {
  public:
    explicit RuleReader(const std::string& file) : file_(file) {}

    SourceLocation at(const toml::node& n) const {
        return {file_, static_cast<long>(n.source().begin.line),
                static_cast<long>(n.source().begin.column)};
    }
    [[noreturn]] void fail(const toml::node& n, const std::string& msg) const {
        throw Error(ErrorKind::input, at(n), msg);
    }
    [[noreturn]] void fail_key(const toml::key& k, const std::string& msg) const {
        throw Error(ErrorKind::input,
                    {file_, static_cast<long>(k.source().begin.line),
                     static_cast<long>(k.source().begin.column)},
                    msg);
    }

    std::string text(const toml::node& n, std::string_view key) const {
        if (auto s = n.value<std::string>(); s && n.is_string()) return *s;
        fail(n, fmt::format("'{}' must be a string, in quotes", key));
    }
    const toml::table& table(const toml::node& n, std::string_view key,
                             std::string_view example) const {
        if (const toml::table* t = n.as_table()) return *t;
        fail(n, fmt::format("'{}' must be a table, e.g. {}", key, example));
    }
    void known_keys(const toml::table& t, std::string_view where,
                    const std::vector<std::string_view>& known) const {
        check_profile_keys(t, file_, where, known, ledger_reader_keys);
    }

    // A field a rule's set or a map may supply, by its keyword.
    LedgerField field(const toml::key& k, std::string_view where) const {
        std::vector<std::string_view> ok;
        for (const auto& e : ledger_fields)
            if (settable(e.field)) ok.push_back(e.keyword);
        auto f = ledger_field_named(k.str());
        if (!f || !settable(*f))
            fail_key(k, fmt::format("{} cannot supply '{}'{}; it may supply {}", where, k.str(),
                                    did_you_mean(k.str(), ok), listed(ok)));
        return *f;
    }

    ColumnCondition condition(const toml::node& n, std::string_view where) const {
        const char* example = "{ column = \"Cost Centre\", equals = \"RB102\" }";
        const toml::table& t = table(n, "when", example);
        known_keys(t, where, {"column", "equals", "prefix", "matches"});
        ColumnCondition c;
        const toml::node* col = t.get("column");
        if (!col) fail(n, fmt::format("'when' needs the column it looks at, e.g. {}", example));
        c.column = text(*col, "column");
        if (c.column.empty()) fail(*col, "'column' names no column");
        int tests = 0;
        for (auto [key, test] : {std::pair{"equals", ColumnCondition::Test::equals},
                                 {"prefix", ColumnCondition::Test::prefix},
                                 {"matches", ColumnCondition::Test::matches}}) {
            const toml::node* v = t.get(key);
            if (!v) continue;
            ++tests;
            c.test = test;
            c.value = text(*v, key);
            if (test == ColumnCondition::Test::matches) {
                try {
                    c.regex = std::make_shared<const std::regex>(c.value, std::regex::ECMAScript);
                } catch (const std::regex_error& e) {
                    fail(*v, fmt::format("'matches' is not a regular expression (ECMAScript): {}",
                                         e.what()));
                }
            }
        }
        if (tests != 1)
            fail(n, fmt::format("'when' needs exactly one of equals, prefix or matches (it has "
                                "{}), e.g. {}",
                                tests, example));
        return c;
    }

    ProfileRule rule(const toml::table& t, std::size_t number) const {
        std::string where = fmt::format("[[rule]] {}", number);
        known_keys(t, where, {"when", "set", "kind", "reason"});
        ProfileRule r;
        r.where = at(t);
        const toml::node* when = t.get("when");
        if (!when)
            fail(t, fmt::format("{} has no 'when': say which lines it is for, e.g. when = "
                                "{{ column = \"Cost Centre\", equals = \"RB102\" }}",
                                where));
        r.when = condition(*when, where + " when");
        if (const toml::node* set = t.get("set")) {
            const toml::table& st = table(*set, "set", "{ scheme = \"RB01\" }");
            if (st.empty()) fail(*set, "'set' sets nothing; e.g. set = { scheme = \"RB01\" }");
            for (auto&& [k, v] : st) {
                LedgerField f = field(k, "a rule's set");
                std::string value = text(v, k.str());
                if (value.empty()) fail(v, fmt::format("set '{}' is empty", k.str()));
                r.set[static_cast<std::size_t>(f)] = value;
            }
        }
        if (const toml::node* kind = t.get("kind")) {
            std::string k = text(*kind, "kind");
            auto choices = line_kinds.keywords();
            auto parsed = line_kinds.parse(k);
            if (!parsed)
                fail(*kind, fmt::format("kind \"{}\" is not one of {}{}", k, listed(choices),
                                        did_you_mean(k, choices)));
            r.kind = *parsed;
        }
        if (const toml::node* reason = t.get("reason")) {
            r.reason = text(*reason, "reason");
            if (r.kind != LineKind::exclude && r.kind != LineKind::skip)
                fail(*reason, "'reason' goes with kind = \"exclude\" or \"skip\"");
        }
        if (r.kind == LineKind::exclude && r.reason.empty())
            fail(t, fmt::format("{} excludes lines, so it needs a reason, e.g. reason = "
                                "\"contributions received\"",
                                where));
        if (!t.get("set") && !t.get("kind"))
            fail(t, fmt::format("{} does nothing: give it set = {{ ... }} or kind = \"income\", "
                                "\"exclude\" or \"skip\"",
                                where));
        return r;
    }

    ProfileMap map(const toml::key& name, const toml::node& n) const {
        LedgerField f = field(name, "a [map] table");
        std::string where = fmt::format("[map.{}]", name.str());
        const toml::table& t = table(n, where, "column = \"Cost Centre\" and values = { ... }");
        known_keys(t, where, {"column", "values"});
        ProfileMap m;
        m.field = f;
        const toml::node* col = t.get("column");
        const toml::node* values = t.get("values");
        if (!col || !values)
            fail(n, fmt::format("{} needs column = \"...\" (the export's column it reads) and "
                                "values = {{ CODE = \"{}\", ... }}",
                                where, ledger_field_name(f)));
        m.column = text(*col, "column");
        if (m.column.empty()) fail(*col, "'column' names no column");
        const toml::table& vt = table(*values, "values", "{ RB102 = \"RB01\" }");
        for (auto&& [k, v] : vt) {
            std::string value = text(v, k.str());
            if (value.empty()) fail(v, fmt::format("{} maps '{}' to nothing", where, k.str()));
            m.values.emplace(std::string(k.str()), std::move(value));
        }
        return m;
    }

    ProfileTrailer trailer(const toml::node& n) const {
        const toml::table& t = table(n, "trailer", "when = { ... } and amount = \"Amount\"");
        known_keys(t, "[trailer]", {"when", "amount"});
        ProfileTrailer tr;
        const toml::node* when = t.get("when");
        if (!when)
            fail(n, "[trailer] needs 'when', the row that states the total, e.g. when = "
                    "{ column = \"Date\", equals = \"Total\" }");
        tr.when = condition(*when, "[trailer] when");
        if (const toml::node* a = t.get("amount")) {
            tr.amount_column = text(*a, "amount");
            if (tr.amount_column.empty()) fail(*a, "'amount' names no column");
        }
        return tr;
    }

  private:
    std::string file_;
};

} // namespace

bool ColumnCondition::holds(std::string_view v) const {
    switch (test) {
    case Test::equals:
        return v == value;
    case Test::prefix:
        return v.starts_with(value);
    case Test::matches:
        return std::regex_search(v.begin(), v.end(), *regex);
    }
    return false;
}

std::string ColumnCondition::described() const {
    const char* op = test == Test::equals   ? "equals"
                     : test == Test::prefix ? "starts with"
                                            : "matches";
    return fmt::format("{} {} \"{}\"", column, op, value);
}

std::string ProfileRule::reason_text() const {
    return reason.empty() ? when.described() : reason;
}

bool ProfileLineRules::supplies(LedgerField f) const {
    std::size_t i = static_cast<std::size_t>(f);
    return std::any_of(maps.begin(), maps.end(),
                       [&](const ProfileMap& m) { return m.field == f; }) ||
           std::any_of(rules.begin(), rules.end(),
                       [&](const ProfileRule& r) { return r.set[i].has_value(); });
}

ProfileLineRules read_profile_line_rules(const toml::table& root, const std::string& file) {
    RuleReader in(file);
    ProfileLineRules out;
    if (const toml::node* rules = root.get("rule")) {
        const toml::array* arr = rules->as_array();
        if (!arr || !arr->is_array_of_tables())
            in.fail(*rules, "'rule' must be written [[rule]], one table a rule");
        std::size_t number = 0;
        for (const auto& r : *arr)
            out.rules.push_back(in.rule(*r.as_table(), ++number));
    }
    if (const toml::node* maps = root.get("map")) {
        const toml::table& t = in.table(*maps, "map", "[map.scheme]");
        for (auto&& [k, v] : t)
            out.maps.push_back(in.map(k, v));
    }
    if (const toml::node* trailer = root.get("trailer")) out.trailer = in.trailer(*trailer);
    return out;
}

} // namespace poolkit
