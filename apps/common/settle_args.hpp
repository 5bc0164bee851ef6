// What pool-settle takes beyond every statement tool's options (SPEC §7, §10, §14): the CSV
// table, the memorandum account, whether the year is provisional or asserted complete, --paid,
// last year's statement and one partner's view; and what they choose, checked against the
// agreement and the format.
#pragma once

#include "partner_args.hpp"
#include "statement_run_args.hpp"

#include "model/agreement.hpp"
#include "writers/settlement_statement.hpp"

#include <CLI/CLI.hpp>

#include <string>

namespace poolkit::cli {

struct SettleArgs {
    StatementRunArgs run;
    std::string paid_path, table = "partners", previous_year;
    bool memorandum = false, provisional = false, complete = false;
    PartnerArgs who;
};

// Every option of pool-settle, in --help's order.
void add_settle_options(CLI::App& app, SettleArgs& args);

struct SettleChoices {
    SettlementTable table = SettlementTable::partners;
    bool memorandum = false; // asked, implied by --table or --previous-year
    PartnerView view;
};

// What the options choose for `a`; Error(usage) for a table or memorandum the agreement's kind
// does not have, and for --partner with what is the whole fund's (the memorandum account, last
// year's comparatives).
SettleChoices settle_choices(const SettleArgs& args, const Agreement& a);

} // namespace poolkit::cli
