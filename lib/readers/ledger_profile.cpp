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
        check_profile_keys(t, file_, where, known, ledger_reader_keys);
    }

    LedgerProfile load(std::string_view text) {
        toml::table root = parse_toml(text, file_);
        check_keys(root, "top level",
                   {"profile", "columns", "fixed", "amounts", "rule", "map", "trailer"});
        LedgerProfile p = default_ledger_profile();
        p.file = file_;
        const toml::table* prof = root["profile"].as_table();
        if (!prof)
            throw Error(ErrorKind::input, {file_, 1, 1},
                        "a ledger profile needs a [profile] table (name, delimiter, date_format)");
        check_keys(*prof, "profile",
                   {"name", "description", "delimiter", "date_format", "skip_lines",
                    "duplicate_key", "encoding"});
        ProfileLayout layout = read_profile_layout(*prof, file_);
        p.name = layout.name;
        p.description = layout.description;
        p.delimiter = layout.delimiter;
        p.date_format = layout.date_format;
        p.skip_lines = layout.skip_lines;
        if (const toml::node* enc = prof->get("encoding")) {
            std::string e = string_value(*enc, "encoding");
            if (e == "windows-1252")
                p.windows_1252 = true;
            else if (e != "utf-8")
                fail(enc->source(), fmt::format("encoding \"{}\" is not one this poolkit reads: "
                                                "\"utf-8\" (the default) or \"windows-1252\"",
                                                e));
        }
        const toml::node* dup_node = prof->get("duplicate_key");

        // SPEC §11: a field the profile does not name keeps its default column name.
        const toml::table* cols = root["columns"].as_table();
        if (!cols && root.contains("columns"))
            fail(root["columns"].node()->source(), "'columns' must be a table");
        const toml::source_region cols_at = cols ? cols->source() : prof->source();
        if (cols) {
            check_keys(*cols, "columns", keywords([](const LedgerFieldEntry&) { return true; }));
            for (auto&& [k, v] : *cols) {
                auto f = ledger_field_named(k.str());
                std::vector<std::string> names;
                if (const toml::array* arr = v.as_array(); arr && *f == LedgerField::amount) {
                    for (const auto& e : *arr)
                        names.push_back(string_value(e, "amount"));
                    if (names.empty())
                        fail(v.source(), "'amount' lists no column; name one, or several to sum");
                } else {
                    names.push_back(string_value(v, k.str()));
                }
                for (const auto& name : names)
                    if (name.empty())
                        fail(v.source(), fmt::format("'{}' names no column", k.str()));
                p.columns[static_cast<std::size_t>(*f)] = names[0];
                if (*f == LedgerField::amount)
                    p.more_amount_columns.assign(names.begin() + 1, names.end());
            }
            // Debit and credit in place of the default amount column.
            if (!cols->contains("amount") && (cols->contains("debit") || cols->contains("credit")))
                p.columns[static_cast<std::size_t>(LedgerField::amount)].clear();
        }
        if (const toml::table* fixed = root["fixed"].as_table()) {
            check_keys(*fixed, "fixed",
                       keywords([](const LedgerFieldEntry& e) { return e.fixable; }));
            for (auto&& [k, v] : *fixed) {
                auto f = ledger_field_named(k.str());
                std::string value = string_value(v, k.str());
                if (value.empty()) fail(v.source(), fmt::format("fixed '{}' is empty", k.str()));
                if (cols && cols->contains(k.str()))
                    fail(v.source(), fmt::format("'{}' is both a column and a fixed value; keep "
                                                 "one",
                                                 k.str()));
                // SPEC §11: a fixed value wins over the field's column.
                p.columns[static_cast<std::size_t>(*f)].clear();
                p.fixed[static_cast<std::size_t>(*f)] = value;
            }
        } else if (root.contains("fixed")) {
            fail(root["fixed"].node()->source(), "'fixed' must be a table");
        }
        if (const toml::node* amounts = root.get("amounts")) p.amounts = read_amounts(*amounts);
        p.line_rules = read_profile_line_rules(root, file_);

        auto has = [&](LedgerField f) {
            return !p.column(f).empty() || p.fixed_value(f).has_value() || p.line_rules.supplies(f);
        };
        for (const auto& e : ledger_fields)
            if (!e.needed.empty() && !has(e.field))
                throw Error(
                    ErrorKind::input, at(cols_at),
                    fmt::format("the profile has no column for '{}' ({})", e.keyword, e.needed));
        bool single = !p.column(LedgerField::amount).empty();
        bool pair = !p.column(LedgerField::debit).empty() || !p.column(LedgerField::credit).empty();
        if (single == pair || (pair && (p.column(LedgerField::debit).empty() ||
                                        p.column(LedgerField::credit).empty())))
            throw Error(ErrorKind::input, at(cols_at),
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

    AmountStyle read_amounts(const toml::node& n) const {
        const toml::table* t = n.as_table();
        if (!t)
            fail(n.source(), "'amounts' must be a table, e.g. [amounts] negative = \"brackets\"");
        check_keys(*t, "amounts", {"negative", "decimal_mark", "thousands"});
        AmountStyle a;
        a.given = true;
        if (const toml::node* v = t->get("negative")) {
            std::string k = string_value(*v, "negative");
            auto parsed = negative_styles.parse(k);
            if (!parsed) {
                auto choices = negative_styles.keywords();
                fail(v->source(), fmt::format("negative = \"{}\" is not one of {}{}", k,
                                              comma_list(std::vector<std::string>(choices.begin(),
                                                                                  choices.end())),
                                              did_you_mean(k, choices)));
            }
            a.negative = *parsed;
        }
        if (const toml::node* v = t->get("decimal_mark")) {
            std::string d = string_value(*v, "decimal_mark");
            if (d != "." && d != ",") fail(v->source(), "'decimal_mark' must be \".\" or \",\"");
            a.decimal_mark = d[0];
        }
        a.thousands = a.decimal_mark == ',' ? '.' : ',';
        if (const toml::node* v = t->get("thousands")) {
            std::string d = string_value(*v, "thousands");
            if (d != "," && d != "." && d != " " && !d.empty())
                fail(v->source(), "'thousands' must be \",\", \".\", \" \" or \"\" (none)");
            a.thousands = d.empty() ? 0 : d[0];
        }
        if (a.thousands == a.decimal_mark)
            fail(n.source(), fmt::format("the thousands mark and the decimal mark are both \"{}\"; "
                                         "with decimal_mark = \",\" write thousands = \".\", \" \" "
                                         "or \"\"",
                                         a.decimal_mark));
        return a;
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
