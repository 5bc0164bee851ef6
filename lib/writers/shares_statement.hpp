// What pool-shares reports (SPEC §5): an agreement's contribution shares and payment schedule, with
// the record of the input they came from. The writers in shares_{text,json,csv}.hpp render it.
//
// Percentages (a documented, precise format): exact fractions are kept; they are shown
//  - in text and Markdown as "40%", "33.33%": rounded half away from zero to 2 decimals, trailing
//    zeros dropped;
//  - in CSV and JSON as "40", "33.3333": a percentage without the sign, rounded half away from zero
//    to 4 decimals, trailing zeros dropped; JSON also gives the exact fraction as "share": "1/3"
//    ("0", "1" for whole numbers) so a script can check it without rounding.
// A share of a zero budget has no value: "-" in text and Markdown, empty in CSV, null in JSON.
#pragma once

#include "calc/schedule.hpp"
#include "calc/shares.hpp"
#include "model/agreement.hpp"
#include "model/input_file.hpp"

#include <optional>
#include <string>
#include <vector>

namespace poolkit {

struct SharesStatement {
    const Agreement& agreement;
    ContributionShares shares;
    ContributionSchedule schedule;
    RunRecord run; // the tool, its arguments and inputs
};

// The statement of `agreement`; the caller fills in the rest of `run` (tool and arguments).
SharesStatement make_shares_statement(const Agreement& agreement, std::vector<InputFile> inputs);

// "40%", "33.33%" (text, Markdown); "-" when there is no share.
std::string percent_display(const std::optional<Rational>& fraction);
// "40", "33.3333" (CSV, JSON); "" when there is no share.
std::string percent_data(const std::optional<Rational>& fraction);
// "2/5", "0", "1": the exact fraction in lowest terms.
std::string fraction_exact(const Rational& fraction);

} // namespace poolkit
