#include "readers/agreement_loader.hpp"

#include "readers/agreement_rules.hpp"
#include "readers/agreement_sections.hpp"
#include "readers/input_source.hpp"
#include "readers/sha256.hpp"
#include "readers/toml_depth.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace poolkit {

AgreementLoad load_agreement_text(std::string_view text, std::string path) {
    AgreementLoad out;
    const std::string display = path == "-" ? "<stdin>" : path;
    toml::table root = parse_toml(text, display);
    // SPEC §3: no placeholder left (a starter not filled in is refused for that alone), then
    // every section read (each value's own rules), then the rules that join sections, in the
    // order agreement_rules() lists them, then the contributions and the phasing resolved.
    AgreementDraft d(display, root, out.diagnostics);
    placeholder_rule().check(d);
    if (!out.diagnostics.has_errors()) {
        d.r.check_keys(root,
                       {"agreement", "partner", "contributions", "scheme", "risk_share",
                        "monitoring", "forecast", "variation"},
                       "the agreement file");
        read_agreement(d);
        read_partners(d);
        read_host(d);
        read_pool_contributions(d);
        read_schemes(d);
        read_risk_share(d);
        read_monitoring(d);
        read_forecast(d);
        read_variations(d);
        for (const AgreementRule& rule : agreement_rules())
            rule.check(d);
        resolve_agreement(d);
        // The variations need the agreed schemes resolved; each rule needs the one before it.
        for (const AgreementRule& rule : variation_rules())
            if (!out.diagnostics.has_errors() && d.variations_ok) rule.check(d);
    }
    Agreement a = std::move(d.a);
    a.file = path;
    auto& items = out.diagnostics.items;
    std::stable_sort(items.begin(), items.end(), [](const Diagnostic& x, const Diagnostic& y) {
        return x.where.line != y.where.line ? x.where.line < y.where.line
                                            : x.where.column < y.where.column;
    });
    if (!out.diagnostics.has_errors()) out.agreement = std::move(a);
    out.input.role = "agreement";
    out.input.path = path;
    out.input.bytes = text.size();
    out.input.sha256 = sha256_hex(text);
    return out;
}

AgreementLoad load_agreement(const std::string& path) {
    InputText in = read_input(path, "agreement");
    AgreementLoad out = load_agreement_text(in.text, path);
    out.input = in.record;
    return out;
}

} // namespace poolkit
