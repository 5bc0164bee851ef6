#include "readers/agreement_draft.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace poolkit {

std::vector<std::pair<const toml::key*, const toml::node*>> in_file_order(const toml::table& t) {
    std::vector<std::pair<const toml::key*, const toml::node*>> out;
    for (auto&& [k, v] : t)
        out.push_back({&k, &v});
    std::stable_sort(out.begin(), out.end(), [](const auto& x, const auto& y) {
        const auto &a = x.first->source().begin, &b = y.first->source().begin;
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    return out;
}

std::optional<PartnerIndex> AgreementDraft::partner_ref(std::string_view id,
                                                        const SourceLocation& where,
                                                        std::string_view what) {
    if (auto i = a.partner_index(id)) return *i;
    if (!partners_complete) return std::nullopt;
    std::vector<std::string_view> ids;
    std::vector<std::string> names;
    for (const auto& p : a.partners) {
        ids.push_back(p.id);
        names.push_back(p.id);
    }
    std::string hint = did_you_mean(id, ids);
    if (hint.empty()) hint = fmt::format(" (partners: {})", comma_list(names));
    r.diags().error(where, fmt::format("{} names the unknown partner '{}'{}", what, id, hint));
    return std::nullopt;
}

std::optional<PartnerIndex> AgreementDraft::partner_ref(const toml::node& n,
                                                        std::string_view what) {
    auto s = r.string(n, what);
    if (!s) return std::nullopt;
    return partner_ref(*s, r.at(n), what);
}

const toml::node* AgreementDraft::required(std::string_view key, std::string_view missing) {
    const toml::node* n = root.get(key);
    if (!n) r.diags().error(r.at_start(), std::string(missing));
    return n;
}

const toml::table* AgreementDraft::table_of(const toml::node& n, std::string_view key) {
    const toml::table* t = n.as_table();
    if (!t) r.error(n, fmt::format("'{}' must be a table, not {}", key, toml_type_phrase(n)));
    return t;
}

bool AgreementDraft::first_use(const toml::table& t, const std::string& id, std::string_view what,
                               std::map<std::string, long>& seen) {
    const toml::node& id_node = *t.get("id");
    if (auto it = seen.find(id); it != seen.end()) {
        r.error(id_node, fmt::format("duplicate {0} id '{1}' (first used on line {2}): {0} ids "
                                     "must be unique",
                                     what, id, it->second));
        return false;
    }
    seen[id] = r.at(id_node).line;
    return true;
}

std::vector<const toml::table*> AgreementDraft::tables_of(const toml::node& n, std::string_view key,
                                                          std::string_view header) {
    std::vector<const toml::table*> out;
    const toml::array* arr = n.as_array();
    if (!arr) {
        r.error(n, fmt::format("'{}' must be an array of tables ([[{}]]), not {}", key, header,
                               toml_type_phrase(n)));
        return out;
    }
    for (const auto& e : *arr) {
        if (const toml::table* t = e.as_table())
            out.push_back(t);
        else
            r.error(e, fmt::format("each '{}' must be a table, not {}", key, toml_type_phrase(e)));
    }
    return out;
}

} // namespace poolkit
