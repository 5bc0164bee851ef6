#include "readers/ledger_profile.hpp"

#include "readers/input_source.hpp"
#include "readers/ledger_date.hpp"
#include "readers/profile_layout.hpp"
#include "readers/toml_depth.hpp"
#include "support/error.hpp"
#include "support/text.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>

namespace poolkit {

namespace {

// The keywords of the fields a table may name, in table order.
std::vector<std::string_view> keywords(bool (*which)(const LedgerFieldEntry&)) {
    std::vector<std::string_view> out;
    for (const auto& e : ledger_fields)
        if (which(e)) out.push_back(e.keyword);
    return out;
}

std::string hint(std::string_view key, const std::vector<std::string_view>& known) {
    auto best = closest_match(key, known);
    std::string out;
    if (best) out = fmt::format(" (did you mean '{}'?)", *best);
    std::string list;
    for (auto k : known)
        list += (list.empty() ? "" : ", ") + std::string(k);
    return out + "; known keys: " + list;
}

class Loader {
  public:
    explicit Loader(const std::string& file) : file_(file) {}

    SourceLocation at(const toml::source_region& r) const {
        return {file_, static_cast<long>(r.begin.line), static_cast<long>(r.begin.column)};
    }
    [[noreturn]] void fail(const toml::source_region& r, const std::string& msg) const {
        throw Error(ErrorKind::input, at(r), msg);
    }

    std::string string_value(const toml::node& n, std::string_view key) const {
        if (auto s = n.value<std::string>(); s && n.is_string()) return *s;
        fail(n.source(), fmt::format("'{}' must be a string", key));
    }

    void check_keys(const toml::table& t, std::string_view where,
                    const std::vector<std::string_view>& known) const {
        for (auto&& [k, v] : t) {
            (void)v;
            if (std::find(known.begin(), known.end(), k.str()) == known.end())
                fail(k.source(), fmt::format("unknown key '{}' in [{}]{}", k.str(), where,
                                             hint(k.str(), known)));
        }
    }

    LedgerProfile load(std::string_view text) {
        toml::table root;
        try {
            check_toml_key_depth(text, file_);
            root = toml::parse(text, file_);
        } catch (const toml::parse_error& e) {
            fail(e.source(), std::string(e.description()));
        }
        check_keys(root, "top level", {"profile", "columns", "fixed"});
        LedgerProfile p;
        p.columns = {};
        p.file = file_;
        const toml::table* prof = root["profile"].as_table();
        if (!prof)
            throw Error(ErrorKind::input, {file_, 1, 1},
                        "a ledger profile needs a [profile] table (name, delimiter, date_format)");
        check_keys(
            *prof, "profile",
            {"name", "description", "delimiter", "date_format", "skip_lines", "duplicate_key"});
        ProfileLayout layout = read_profile_layout(*prof, file_);
        p.name = layout.name;
        p.description = layout.description;
        p.delimiter = layout.delimiter;
        p.date_format = layout.date_format;
        p.skip_lines = layout.skip_lines;
        const toml::node* dup_node = prof->get("duplicate_key");

        const toml::table* cols = root["columns"].as_table();
        if (!cols)
            throw Error(ErrorKind::input, {file_, 1, 1},
                        "a ledger profile needs a [columns] table mapping fields to column names");
        check_keys(*cols, "columns", keywords([](const LedgerFieldEntry&) { return true; }));
        for (auto&& [k, v] : *cols) {
            auto f = ledger_field_named(k.str());
            std::string name = string_value(v, k.str());
            if (name.empty()) fail(v.source(), fmt::format("'{}' names no column", k.str()));
            p.columns[static_cast<std::size_t>(*f)] = name;
        }
        if (const toml::table* fixed = root["fixed"].as_table()) {
            check_keys(*fixed, "fixed",
                       keywords([](const LedgerFieldEntry& e) { return e.fixable; }));
            for (auto&& [k, v] : *fixed) {
                auto f = ledger_field_named(k.str());
                std::string value = string_value(v, k.str());
                if (value.empty()) fail(v.source(), fmt::format("fixed '{}' is empty", k.str()));
                if (!p.column(*f).empty())
                    fail(v.source(), fmt::format("'{}' is both a column and a fixed value; keep "
                                                 "one",
                                                 k.str()));
                p.fixed[static_cast<std::size_t>(*f)] = value;
            }
        } else if (root.contains("fixed")) {
            fail(root["fixed"].node()->source(), "'fixed' must be a table");
        }

        auto has = [&](LedgerField f) {
            return !p.column(f).empty() || p.fixed_value(f).has_value();
        };
        for (const auto& e : ledger_fields)
            if (!e.needed.empty() && !has(e.field))
                throw Error(
                    ErrorKind::input, at(cols->source()),
                    fmt::format("the profile has no column for '{}' ({})", e.keyword, e.needed));
        bool single = !p.column(LedgerField::amount).empty();
        bool pair = !p.column(LedgerField::debit).empty() || !p.column(LedgerField::credit).empty();
        if (single == pair || (pair && (p.column(LedgerField::debit).empty() ||
                                        p.column(LedgerField::credit).empty())))
            throw Error(ErrorKind::input, at(cols->source()),
                        "the profile needs either an 'amount' column or both 'debit' and 'credit' "
                        "columns");

        if (dup_node) {
            const toml::array* arr = dup_node->as_array();
            p.duplicate_key.clear();
            if (arr) {
                for (const auto& e : *arr)
                    p.duplicate_key.push_back(string_value(e, "duplicate_key"));
            } else {
                p.duplicate_key.push_back(string_value(*dup_node, "duplicate_key"));
            }
            if (p.duplicate_key.empty())
                fail(dup_node->source(), "'duplicate_key' names no field (use [\"ref\"] for the "
                                         "default)");
            for (const auto& k : p.duplicate_key) {
                auto f = ledger_field_named(k);
                if (f && !has(*f))
                    fail(dup_node->source(),
                         fmt::format("duplicate_key names '{}', which has no column in this "
                                     "profile",
                                     k));
            }
        } else if (!has(LedgerField::ref)) {
            fail(prof->source(), "the profile has no 'ref' column, so it must say which columns "
                                 "identify a line: duplicate_key = [\"...\"]");
        }
        return p;
    }

  private:
    std::string file_;
};

} // namespace

LedgerProfile default_ledger_profile() {
    LedgerProfile p;
    p.name = "default";
    p.description = "poolkit's own layout: " + default_ledger_header();
    for (const auto& e : ledger_fields)
        if (e.default_column) p.columns[static_cast<std::size_t>(e.field)] = e.keyword;
    // A `case` column is read when a ledger in poolkit's own layout has one (SPEC §12); it is not
    // part of the layout's header, which needs none.
    p.columns[static_cast<std::size_t>(LedgerField::case_ref)] = "case";
    return p;
}

LedgerProfile parse_ledger_profile(std::string_view text, const std::string& file) {
    return Loader(file).load(text);
}

LoadedProfile load_ledger_profile(const std::string& path) {
    if (path == "default") {
        LoadedProfile out{default_ledger_profile(), {}};
        return out;
    }
    InputText in = read_input(path, "profile");
    LoadedProfile out{parse_ledger_profile(in.text, path), std::move(in.record)};
    return out;
}

} // namespace poolkit
