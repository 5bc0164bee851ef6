// The options of pool-recon and pool-settle that choose what their statement shows (SPEC §5, §6,
// §7), checked against the tool and the agreement: --table (CSV output is one table of many) and
// --memorandum. What the tool or the agreement's kind does not have is a usage error: a mistake in
// the script, not an empty file.
#pragma once

#include "model/agreement.hpp"
#include "writers/recon_statement.hpp"
#include "writers/settlement_statement.hpp"

#include <string>

namespace poolkit::cli {

// pool-settle --table: schemes, partners, transfers, steps, memorandum or notes.
SettlementTable settlement_table(const std::string& name);

// --period TEXT as a period of the agreement's year (P06 or 2025-09); Error(usage) naming the
// year's range otherwise.
Period period_arg(const Agreement& agreement, const std::string& text);

// pool-recon --table (a name CLI11 has checked): partners for pooled funds and joint budgets,
// aligned for aligned budgets, invoices for joint budgets (SPEC §6); `path` is the agreement's.
ReconTable recon_table(const std::string& name, const Agreement& agreement,
                       const std::string& path);

// pool-settle --memorandum, which --table memorandum or notes implies for CSV: refused for an
// aligned budget, which has no pool and no recharges, so no memorandum account (SPEC §7).
bool settlement_memorandum(bool asked, SettlementTable table, const std::string& format,
                           const Agreement& agreement);

} // namespace poolkit::cli
