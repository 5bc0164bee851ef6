// What pool-recon and pool-settle say on stderr about the findings of the statement they wrote,
// and the exit status the findings make (SPEC §5: 0 done and clean, 1 done with findings). Text
// and Markdown statements say them themselves; the other formats get a warning each on stderr.
#pragma once

#include "writers/actuals_statement.hpp"
#include "writers/recon_statement.hpp"
#include "writers/settlement_statement.hpp"

#include <string>
#include <string_view>

namespace poolkit::cli {

// A ledger's [trailer] that disagrees with its lines, or that no row matched (SPEC §11): a
// finding each on stderr, naming the file, the stated total and the lines' sum. True when any.
bool report_trailers(std::string_view tool, const ControlTotals& control);

// Spending dated outside a scheme's life (SPEC §14): a finding each on stderr, whatever the
// format. True when any.
bool report_outside_term(std::string_view tool, const Agreement& a,
                         const std::vector<SpendOutsideTerm>& spend);

// Rejected ledger lines (a count on stderr for the formats that do not list them: CSV, JSON and
// JSON Lines); a trailer that disagrees (SPEC §4, §11).
int actuals_findings(const ActualsStatement& st, const std::string& format);

// Rejected ledger lines; spending outside a scheme's life; aligned spending where a partner's own
// budget is zero; joint charges above a partner's contribution plus its cap (SPEC §6).
int recon_findings(const ReconStatement& st, const std::string& format);

// Rejected ledger lines; a year whose ledgers stop short of March, unless --provisional or
// --complete says so; an unallocated overspend (SPEC §7).
int settlement_findings(const SettlementStatement& st, const std::string& format);

} // namespace poolkit::cli
