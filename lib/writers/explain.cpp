#include "writers/explain.hpp"

#include "support/visible_text.hpp"
#include "writers/explain_parts.hpp"
#include "writers/inputs.hpp"
#include "writers/statement_parts.hpp"

#include <fmt/format.h>

#include <set>

namespace poolkit {

namespace {

using namespace explain_parts;

// A finding or a message quotes the file: shown visibly, a newline in it cannot start a line.
std::string finding_item(const Finding& f) {
    std::string place = visible(f.where.str());
    return fmt::format("{}{}\nWhy it matters: {}\nConsider: {}", place.empty() ? "" : place + ": ",
                       visible(f.what), visible(f.why), visible(f.consider));
}

void findings(Document& d, const Explanation& e) {
    d.heading("Findings");
    std::vector<std::string> errors, warnings;
    for (const auto& dg : shown_diagnostics(e)) {
        std::string place = visible(dg.where.str());
        (dg.severity == Severity::error ? errors : warnings)
            .push_back(place.empty() ? visible(dg.message) : place + ": " + visible(dg.message));
    }
    for (const auto& f : e.findings)
        warnings.push_back(finding_item(f));
    if (errors.empty())
        d.paragraph("No errors: the agreement meets every rule poolkit checks (SPEC section 3).");
    else {
        d.paragraph(fmt::format("{} error{}: the agreement is not valid until {} fixed.",
                                errors.size(), errors.size() == 1 ? "" : "s",
                                errors.size() == 1 ? "it is" : "they are"));
        d.numbered(std::move(errors));
    }
    if (warnings.empty()) {
        d.paragraph("No warnings: no term poolkit knows to be risky.");
        return;
    }
    d.paragraph(fmt::format("{} warning{}: term{} that {} lawful but carr{} a risk the partners "
                            "should take on knowingly.",
                            warnings.size(), warnings.size() == 1 ? "" : "s",
                            warnings.size() == 1 ? "" : "s", warnings.size() == 1 ? "is" : "are",
                            warnings.size() == 1 ? "ies" : "y"));
    d.numbered(std::move(warnings));
}

} // namespace

Document explain_document(const Explanation& e) {
    if (!e.agreement) {
        const std::string name = e.path == "-" ? std::string("<stdin>") : visible(e.path);
        Document d({name + ": not a valid agreement", "Agreement explained", "", "", ""},
                   DocumentLayout::prose);
        d.title({name + ": not a valid agreement"});
        d.paragraph("Its terms are not explained until its errors are fixed: an account of terms "
                    "that break the rules of SPEC section 3 could mislead.");
        findings(d, e);
        d.footer({}, e.run);
        return d;
    }
    const Agreement& a = *e.agreement;
    const std::string title = fmt::format("{} ({})", visible(a.title), visible(a.id));
    Document d({title, "Agreement explained", a.id, a.title, a.year.label()},
               DocumentLayout::prose);
    d.set_created(statement_time(a, Period::last()));
    d.title({title});
    d.paragraph(fmt::format("The terms of the agreement in plain English: {}, {}.",
                            kind_phrase(a.kind), a.legal_basis));
    what_it_is(d, a);
    legal_basis(d, a);
    partners(d, a);
    hosting(d, a);
    contributions(d, a);
    schemes(d, a);
    variations(d, a);
    risk_share(d, a);
    schedule(d, a);
    monitoring(d, a);
    findings(d, e);
    d.footer({}, e.run);
    return d;
}

Explanation make_explanation(const Agreement* agreement, std::string path, Diagnostics diagnostics,
                             RunRecord run) {
    Explanation e;
    e.agreement = agreement;
    e.path = std::move(path);
    e.diagnostics = std::move(diagnostics);
    e.run = std::move(run);
    if (agreement) e.findings = agreement_findings(*agreement);
    return e;
}

std::vector<Diagnostic> shown_diagnostics(const Explanation& e) {
    std::set<std::string> restated;
    for (const auto& f : e.findings)
        if (f.restates_loader_warning) restated.insert(f.where.str());
    std::vector<Diagnostic> out;
    for (const auto& d : e.diagnostics.items)
        if (d.severity == Severity::error || !restated.count(d.where.str())) out.push_back(d);
    return out;
}

Diagnostics checked_diagnostics(const Explanation& e) {
    Diagnostics all = e.diagnostics;
    for (const auto& f : e.findings)
        if (!f.restates_loader_warning) all.warning(f.where, f.what);
    return all;
}

void write_findings_json(JsonWriter& j, const std::vector<Finding>& findings) {
    j.objects("findings", findings, [&](const auto& f) {
        j.field("code", f.code);
        j.field("file", f.where.file);
        j.field("line", static_cast<std::int64_t>(f.where.line));
        j.field("column", static_cast<std::int64_t>(f.where.column));
        j.field("severity", "warning");
        j.field("message", f.what);
        j.field("why", f.why);
        j.field("consider", f.consider);
    });
}

} // namespace poolkit