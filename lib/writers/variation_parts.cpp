#include "writers/variation_parts.hpp"

#include "model/varied_agreement.hpp"
#include "support/text.hpp"
#include "support/visible_text.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace poolkit {

namespace {

std::string term_text(const Agreement& a, const ContributionTerm& t) {
    const std::string& id = a.partner(t.partner).id;
    switch (t.form) {
    case ContributionTerm::Form::percent:
        return fmt::format("{} {}", id, format_percent_exact(t.percent));
    case ContributionTerm::Form::amount:
        return fmt::format("{} {}", id, format_display(t.amount));
    case ContributionTerm::Form::rest:
        return fmt::format("{} the rest", id);
    }
    return id;
}

std::string terms_text(const Agreement& a, const std::vector<ContributionTerm>& terms) {
    std::vector<std::string> parts;
    for (const auto& t : terms)
        parts.push_back(term_text(a, t));
    return comma_list(parts);
}

// JSON's form of a term: "50%", "600000.00" or "rest", as an agreement writes it.
std::string term_json(const ContributionTerm& t) {
    switch (t.form) {
    case ContributionTerm::Form::percent:
        return format_percent_exact(t.percent);
    case ContributionTerm::Form::amount:
        return format_plain(t.amount);
    case ContributionTerm::Form::rest:
        return "rest";
    }
    return {};
}

// The ids of the variations applied that change scheme `s`.
std::vector<std::string> changed_by(const Agreement& a, std::size_t s) {
    std::vector<std::string> out;
    for (const Variation& v : variations_applied(a))
        for (const VariationChange& c : v.changes)
            if (c.scheme == s || (c.kind == ChangeKind::virement && c.to == s)) {
                out.push_back(v.id);
                break;
            }
    return out;
}

} // namespace

std::string change_words(const Agreement& a, const VariationChange& c) {
    const std::string id = visible(a.schemes[c.scheme].id);
    switch (c.kind) {
    case ChangeKind::budget:
        return fmt::format("{}'s annual budget becomes {}", id, format_display(c.amount));
    case ChangeKind::contributions:
        return fmt::format("{}'s contributions become {}", id, visible(terms_text(a, c.terms)));
    case ChangeKind::virement:
        return fmt::format("{} moved from {} to {}", format_display(c.amount), id,
                           visible(a.schemes[c.to].id));
    case ChangeKind::add_scheme:
        return fmt::format("scheme {} ({}) added with an annual budget of {}{}", id,
                           visible(a.schemes[c.scheme].name), format_display(c.amount),
                           c.terms.empty() ? std::string(", shared by the pool-level split")
                                           : ", shared " + visible(terms_text(a, c.terms)));
    case ChangeKind::close_scheme:
        return fmt::format("{} closed: its budget is its budget to date", id);
    }
    return {};
}

std::string variation_sentence(const Agreement& a, const Variation& v) {
    std::vector<std::string> changes;
    for (const VariationChange& c : v.changes)
        changes.push_back(change_words(a, c));
    return fmt::format("{} (from {}): {}. {}.", visible(v.id), a.year.period_long(v.effective),
                       visible(v.reason), fmt::join(changes, "; "));
}

void write_variations_json(JsonWriter& json, const Agreement& a) {
    if (!has_variations(a)) return;
    json.key("variations").begin_object();
    json.objects("budgets", a.schemes, [&](const Scheme& s) {
        const std::size_t i = static_cast<std::size_t>(&s - a.schemes.data());
        json.field("scheme", s.id);
        json.field("original_budget", s.original_budget);
        json.key("variations").begin_array();
        for (const auto& id : changed_by(a, i))
            json.value(id);
        json.end_array();
        json.field("latest_budget", s.budget);
    });
    json.objects("applied", variations_applied(a), [&](const Variation& v) {
        json.field("id", v.id);
        json.field("effective", a.year.period_ym(v.effective));
        json.field("reason", v.reason);
        json.objects("changes", v.changes, [&](const VariationChange& c) {
            json.field("change", change_kinds.keyword(c.kind));
            json.field(c.kind == ChangeKind::virement ? "from" : "scheme", a.schemes[c.scheme].id);
            switch (c.kind) {
            case ChangeKind::budget:
            case ChangeKind::add_scheme:
                json.field("budget", c.amount);
                break;
            case ChangeKind::virement:
                json.field("to", a.schemes[c.to].id);
                json.field("amount", c.amount);
                break;
            case ChangeKind::contributions:
                json.key("contributions").begin_object();
                for (const auto& t : c.terms)
                    json.field(a.partner(t.partner).id, term_json(t));
                json.end_object();
                break;
            case ChangeKind::close_scheme:
                break;
            }
        });
    });
    json.field("not_yet_effective",
               static_cast<std::uint64_t>(a.variations.size() - a.variations_applied));
    json.end_object();
}

Table variation_budgets_table(const Agreement& a) {
    Table t({{"Scheme"}, {"Original budget", true}, {"Variations"}, {"Latest budget", true}});
    for (std::size_t s = 0; s < a.schemes.size(); ++s) {
        const Scheme& sc = a.schemes[s];
        const auto by = changed_by(a, s);
        t.add_row(
            {text_cell(sc.id + " " + sc.name), money_cell(sc.original_budget, true),
             text_cell(by.empty() ? std::string("-") : fmt::format("{}", fmt::join(by, ", "))),
             money_cell(sc.budget, true)});
    }
    Money original;
    for (const Scheme& sc : a.schemes)
        original += sc.original_budget;
    t.add_rule();
    t.add_row({text_cell("Total"), money_cell(original, true), text_cell(""),
               money_cell(a.total_budget(), true)});
    return t;
}

void add_variations(Document& d, const Agreement& a) {
    if (!has_variations(a)) return;
    d.heading(variations_heading);
    d.table(variation_budgets_table(a), "Variations");
    d.bullets(variation_lines(a));
}

std::vector<std::string> variation_lines(const Agreement& a) {
    std::vector<std::string> out;
    const auto applied = variations_applied(a);
    for (const Variation& v : applied)
        out.push_back(variation_sentence(a, v));
    if (applied.empty()) out.push_back("No variation is in effect by this period.");
    if (const std::size_t later = a.variations.size() - applied.size())
        out.push_back(fmt::format("{} later variation{} not yet in effect: {}.", later,
                                  later == 1 ? "" : "s",
                                  later == 1 ? "its figures are not in this statement"
                                             : "their figures are not in this statement"));
    return out;
}

std::vector<std::string> outside_term_lines(const Agreement& a,
                                            const std::vector<SpendOutsideTerm>& spend) {
    std::vector<std::string> out;
    for (const SpendOutsideTerm& t : spend) {
        const Scheme& scheme = a.scheme(t.scheme);
        const std::string dated = t.from == t.to
                                      ? fmt::format("dated {}", t.from.label())
                                      : fmt::format("dated {} to {}", t.from.label(), t.to.label());
        const std::string when = t.after_close
                                     ? fmt::format("after the scheme closed from {}",
                                                   a.year.period_long(*scheme.closed_from))
                                     : fmt::format("before the scheme was added from {}",
                                                   a.year.period_long(*scheme.added_from));
        out.push_back(fmt::format("{} {}: {} in {} line{} {}, {}", scheme.id, scheme.name,
                                  format_display(t.amount), t.lines, t.lines == 1 ? "" : "s", dated,
                                  when));
    }
    return out;
}

void add_outside_term(Document& d, const Agreement& a, const std::vector<SpendOutsideTerm>& spend) {
    if (spend.empty()) return;
    d.heading(outside_term_heading);
    d.bullets(outside_term_lines(a, spend));
}

void write_outside_term_json(JsonWriter& json, const Agreement& a,
                             const std::vector<SpendOutsideTerm>& spend) {
    if (spend.empty()) return;
    json.objects("outside_term", spend, [&](const SpendOutsideTerm& t) {
        json.field("scheme", a.scheme(t.scheme).id);
        json.field("after_close", t.after_close);
        json.field("from", a.year.period_ym(t.from));
        json.field("to", a.year.period_ym(t.to));
        json.field("lines", t.lines);
        json.field("amount", t.amount);
    });
}

} // namespace poolkit
