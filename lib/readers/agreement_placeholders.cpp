// The rule "placeholders_filled" (agreement_rules.hpp): a starter or a template copied without
// filling it in is refused (SPEC §3), each placeholder reported where it stands.
#include "readers/agreement_rules.hpp"

#include "model/placeholder.hpp"

#include <fmt/format.h>

namespace poolkit {

namespace {

constexpr const char* fill_in = "put your own value in its place (poolkit init and the templates "
                                "mark each value to fill in so)";

void check_node(AgreementDraft& d, const toml::node& n, std::string_view key) {
    if (const toml::table* t = n.as_table()) {
        for (auto [k, v] : in_file_order(*t)) {
            if (auto p = find_placeholder(k->str()))
                d.r.diags().error(d.r.at(*k), fmt::format("the key \"{}\" is still the placeholder "
                                                          "{}: {}",
                                                          k->str(), *p, fill_in));
            check_node(d, *v, k->str());
        }
    } else if (const toml::array* a = n.as_array()) {
        for (const toml::node& e : *a)
            check_node(d, e, key);
    } else if (const auto* s = n.as_string()) {
        if (auto p = find_placeholder(s->get()))
            d.r.error(n, fmt::format("'{}' is still the placeholder {}: {}", key, *p, fill_in));
    }
}

void placeholders_filled(AgreementDraft& d) {
    check_node(d, d.root, "");
}

const AgreementRule rule{"placeholders_filled", placeholders_filled};

} // namespace

const AgreementRule& placeholder_rule() {
    return rule;
}

} // namespace poolkit
