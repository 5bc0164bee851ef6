#include "settle_args.hpp"

#include "cash_args.hpp"
#include "previous_year_args.hpp"
#include "statement_options.hpp"
#include "statement_output.hpp"

#include "support/error.hpp"
#include "support/text.hpp"

#include <fmt/format.h>

namespace poolkit::cli {

void add_settle_options(CLI::App& app, SettleArgs& args) {
    app.add_flag("--memorandum", args.memorandum,
                 "add the memorandum account and each partner's accounts note (a joint budget: "
                 "the host's recharge statement and each partner's note of expenditure "
                 "recharged)");
    app.add_flag("--provisional", args.provisional,
                 "a provisional statement is intended: marked PROVISIONAL, exit 0 even if a "
                 "partner's ledgers stop short of March");
    app.add_flag("--complete", args.complete,
                 "assert that the year is complete although a partner has no March lines "
                 "(recorded in the statement)")
        ->excludes(app.get_option("--provisional"));
    app.add_option("--table", args.table,
                   "with --format csv: " + or_list(choices(settlement_tables)))
        ->check(CLI::IsMember(choices(settlement_tables)))
        ->default_str("partners");
    add_statement_run_options(app, args.run, statement_formats({"csv", "json"}));
    add_paid_and_cash_options(app, args.paid_path, args.run.cash);
    add_workspace_options(app, args.run.workspace, false);
    add_previous_year_option(app, args.previous_year);
    add_partner_options(app, args.who,
                        "its contribution, risk share, balance, transfers and schemes");
}

SettleChoices settle_choices(const SettleArgs& args, const Agreement& a) {
    SettleChoices c;
    c.table = settlement_table(args.table);
    const std::string& format = args.run.out.format;
    c.view = partner_view(a, args.who, args.run.agreement_path, format);
    const bool previous = !args.previous_year.empty();
    if (c.view.partner && (args.memorandum || previous))
        throw Error(ErrorKind::usage,
                    fmt::format("--partner gives one partner's statement; the memorandum "
                                "account{} is the whole fund's: give {} without --partner",
                                previous ? " and last year's comparatives" : "",
                                previous ? "--previous-year" : "--memorandum"));
    c.memorandum = settlement_memorandum(args.memorandum || previous, c.table, format, a);
    return c;
}

} // namespace poolkit::cli
