// Reading each section of an agreement file (SPEC §3) into an AgreementDraft: the values, their
// types and the rules of one value or one table (a budget is zero or more, ids are unique, a split
// sums to 100%), each failure reported at the value. The rules that join sections are
// agreement_rules.hpp's. Internal to the agreement loader, which calls them in this order.
#pragma once

#include "readers/agreement_draft.hpp"

#include <optional>
#include <string>

namespace poolkit {

void read_agreement(AgreementDraft& d);          // [agreement]
void read_partners(AgreementDraft& d);           // [[partner]]
void read_host(AgreementDraft& d);               // 'host' of [agreement], once partners are read
void read_pool_contributions(AgreementDraft& d); // [contributions]
void read_schemes(AgreementDraft& d);            // [[scheme]]
void read_risk_share(AgreementDraft& d);         // [risk_share] (agreement_risk_share_reader.cpp)
void read_monitoring(AgreementDraft& d);         // [monitoring]
void read_forecast(AgreementDraft& d);           // [forecast], once schemes are read
void read_variations(AgreementDraft& d); // [[variation]] (agreement_variations.cpp), SPEC §14

// A `profile` value, and the terms of a contributions table (`ok` turns false when any could not
// be read), as a [[scheme]] has them: for a scheme a variation adds (SPEC §14).
std::optional<Profile> read_profile(AgreementDraft& d, const toml::node& n, const std::string& ctx);
std::vector<ContributionTerm> read_terms(AgreementDraft& d, const toml::table& t,
                                         std::string_view owner, bool& ok);

// An overspend or underspend rule: a keyword of its side's table, or { split = { ... } }.
std::optional<ShareRule> read_share_rule(AgreementDraft& d, const toml::node& n, bool underspend,
                                         const std::string& what);

} // namespace poolkit
