// An agreement while the loader builds it (SPEC §3): the Agreement read so far, the TOML nodes
// its rules report at, and what could not be read (so that a rule does not report what follows
// from an error already reported). The section readers (agreement_sections.hpp) fill it; the
// named rules (agreement_rules.hpp) check it. Internal to the agreement loader.
#pragma once

#include "model/agreement.hpp"
#include "readers/agreement_toml.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace poolkit {

struct AgreementDraft {
    AgreementDraft(std::string display, const toml::table& root_table, Diagnostics& diags)
        : r(std::move(display), diags), root(root_table), a(Agreement::Key{}) {}

    // What the loader knows of each [[scheme]] beyond the Scheme itself.
    struct SchemeState {
        bool ok = true;         // budget and own contribution terms read
        bool budget_ok = true;  // budget read
        bool profile_ok = true; // profile read
        const toml::node* function = nullptr;
        const toml::node* risk = nullptr;
        const toml::node* recharge = nullptr;
    };

    TomlReader r;
    const toml::table& root;
    Agreement a;
    const toml::table* agreement_table = nullptr;
    const toml::node* legal_node = nullptr;
    const toml::node* host_node = nullptr;
    const toml::node* opening_node = nullptr;
    const toml::table* risk_table = nullptr;
    const toml::node* overspend_node = nullptr;
    const toml::table* first_tier = nullptr;
    bool kind_ok = false;
    bool host_given = false;
    bool partners_complete = true;
    bool pool_ok = true;
    std::int64_t budget_total = 0;    // pence, of the budgets read so far
    std::vector<SchemeState> schemes; // one per a.schemes entry
    // The schemes [[variation]] entries add (SPEC §14), appended to a.schemes once the agreed
    // ones are resolved; an add_scheme change's `scheme` indexes this until then.
    std::vector<Scheme> added_schemes;
    bool variations_ok = true; // every [[variation]] read

    bool is(AgreementKind k) const { return kind_ok && a.kind == k; }

    // A reference to a partner by id; reported, with a hint, when it names none (unless the
    // partner list is itself broken, when the reference may well be right).
    std::optional<PartnerIndex> partner_ref(std::string_view id, const SourceLocation& where,
                                            std::string_view what);
    std::optional<PartnerIndex> partner_ref(const toml::node& n, std::string_view what);

    // The root's `key`, or `missing` reported at the start of the file.
    const toml::node* required(std::string_view key, std::string_view missing);
    // The table `key`, or a report that it is not one.
    const toml::table* table_of(const toml::node& n, std::string_view key);
    // Each entry of an array of tables, or a report that `key` is not one.
    std::vector<const toml::table*> tables_of(const toml::node& n, std::string_view key,
                                              std::string_view header);

    // Whether `id`, the `id` of [[partner]] or [[scheme]] table `t` (`what`), is its first use;
    // a second is reported with the line of the first. `seen`: each id's line of first use.
    bool first_use(const toml::table& t, const std::string& id, std::string_view what,
                   std::map<std::string, long>& seen);
};

// The entries of a table in the order they are written (toml++ keeps them sorted by key), so that
// "the second rest" or "the first partner" mean what the reader sees.
std::vector<std::pair<const toml::key*, const toml::node*>> in_file_order(const toml::table& t);

} // namespace poolkit
