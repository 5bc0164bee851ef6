#include "writers/shares_json.hpp"
#include "writers/variation_parts.hpp"

#include "model/schemas.hpp"
#include "writers/inputs.hpp"
#include "writers/json.hpp"
#include "writers/statement_parts.hpp"

namespace poolkit {

namespace {

// "40", "33.3333", or null when there is no share.
std::optional<std::string> percent_json(const std::optional<Rational>& fraction) {
    if (!fraction) return std::nullopt;
    return percent_data(fraction);
}

void percent_fields(JsonWriter& json, const std::optional<Rational>& fraction) {
    json.field("percent", percent_json(fraction));
    json.field("share", fraction ? std::optional(fraction_exact(*fraction)) : std::nullopt);
}

} // namespace

std::string shares_json(const SharesStatement& st) {
    const Agreement& a = st.agreement;
    JsonWriter json = begin_statement_json(schema::shares, st.run);

    json.key("agreement").begin_object();
    write_agreement_fields(json, a);
    json.field("payment_schedule",
               st.schedule.has_instalments() ? schedule_name(st.schedule.frequency) : "none");
    json.end_object();

    json.field("total_budget", st.shares.total);

    json.key("partners").begin_array();
    for (std::size_t p = 0; p < a.partners.size(); ++p) {
        json.begin_object();
        json.field("id", a.partners[p].id);
        json.field("name", a.partners[p].name);
        json.field("sector", sector_name(a.partners[p].sector));
        json.field("contribution", st.shares.partner_totals[p]);
        percent_fields(json, st.shares.partner_fractions[p]);
        json.end_object();
    }
    json.end_array();

    json.key("schemes").begin_array();
    for (const auto& row : st.shares.schemes) {
        const Scheme& s = a.scheme(row.scheme);
        json.begin_object();
        json.field("id", s.id);
        json.field("name", s.name);
        json.field("budget", s.budget);
        json.field("lead", partner_id(a, s.lead));
        write_partner_amounts(json, "contributions", a, row.contributions);
        json.key("percent").begin_object();
        for (std::size_t p = 0; p < a.partners.size(); ++p)
            json.field(a.partners[p].id, percent_json(row.fractions[p]));
        json.end_object();
        json.end_object();
    }
    json.end_array();
    write_variations_json(json, a); // SPEC §14

    if (!st.schedule.has_instalments()) json.field("schedule_note", schedule_note(a, st.schedule));
    json.key("schedule").begin_array();
    for (Period period : st.schedule.periods)
        for (std::size_t p = 0; p < a.partners.size(); ++p) {
            json.begin_object();
            json.field("period", a.year.period_ym(period));
            json.field("partner", a.partners[p].id);
            json.field("amount", st.schedule.due[p][period]);
            json.field("due_to_date", st.schedule.due_to(p, period.number()));
            json.end_object();
        }
    json.end_array();

    json.end_object();
    return json.str();
}

} // namespace poolkit
