// pool-settle: the year-end risk share, settlement transfers and memorandum account (SPEC §7).
// Exit 0 clean; 1 with findings (rejected ledger lines, an unallocated overspend, a year whose
// ledgers stop short of March); 2 when it cannot run.
#include "findings_report.hpp"
#include "partner_args.hpp"
#include "previous_year_args.hpp"
#include "statement_options.hpp"
#include "statement_output.hpp"
#include "statement_run_args.hpp"

#include "calc/joint_memorandum.hpp"
#include "calc/memorandum.hpp"
#include "calc/settlement.hpp"
#include "model/varied_agreement.hpp"
#include "support/error.hpp"
#include "support/text.hpp"
#include "writers/settlement_statement.hpp"

#include <fmt/format.h>

using namespace poolkit;

int main(int argc, char** argv) {
    cli::ToolApp app{"pool-settle",
                     "Settle the year of a pooled fund: outturn, risk share, final shares, the "
                     "transfers with the host, and the memorandum account (docs/formulas.md)."};
    std::string paid_path, table = "partners", previous_year;
    cli::StatementRunArgs args;
    bool with_memorandum = false, provisional = false, complete = false;
    app.add_flag("--memorandum", with_memorandum,
                 "add the memorandum account and each partner's accounts note (a joint budget: "
                 "the host's recharge statement and each partner's note of expenditure "
                 "recharged)");
    app.add_flag("--provisional", provisional,
                 "a provisional statement is intended: marked PROVISIONAL, exit 0 even if a "
                 "partner's ledgers stop short of March");
    app.add_flag("--complete", complete,
                 "assert that the year is complete although a partner has no March lines "
                 "(recorded in the statement)")
        ->excludes(app.get_option("--provisional"));
    app.add_option("--table", table,
                   "with --format csv: " + or_list(cli::choices(settlement_tables)))
        ->check(CLI::IsMember(cli::choices(settlement_tables)))
        ->default_str("partners");
    cli::add_statement_run_options(app, args, cli::statement_formats({"csv", "json"}));
    cli::add_paid_and_cash_options(app, paid_path, args.cash);
    cli::add_workspace_options(app, args.workspace, false);
    cli::add_previous_year_option(app, previous_year);
    cli::PartnerArgs who;
    cli::add_partner_options(app, who,
                             "its contribution, risk share, balance, transfers and schemes");

    return cli::run(app, argc, argv, [&]() -> int {
        const SettlementTable csv_table = cli::settlement_table(table);
        cli::StartedRun started =
            cli::start_statement_run("pool-settle", argc, argv, args, nullptr);
        std::vector<InputFile>& inputs = started.record.inputs;
        Agreement a = as_varied(cli::load_valid_agreement(args.agreement_path, inputs),
                                Period::last()); // every variation (SPEC §14)
        const cli::PartnerView view =
            cli::partner_view(a, who, args.agreement_path, args.out.format);
        if (view.partner && (with_memorandum || !previous_year.empty()))
            throw Error(ErrorKind::usage,
                        fmt::format("--partner gives one partner's statement; the memorandum "
                                    "account{} is the whole fund's: give {} without --partner",
                                    previous_year.empty() ? "" : " and last year's comparatives",
                                    previous_year.empty() ? "--memorandum" : "--previous-year"));
        with_memorandum = cli::settlement_memorandum(with_memorandum || !previous_year.empty(),
                                                     csv_table, args.out.format, a);
        LedgerRun run = cli::read_statement_ledgers("pool-settle", a, args, inputs);
        const auto paid = cli::read_paid_args(a, paid_path, inputs);
        const auto cash = cli::read_cash_args("pool-settle", a, args.cash, inputs);
        auto prior = cli::read_previous_year_arg(a, previous_year, inputs);

        const YearCompleteness year = year_completeness(*run.actuals);
        SettlementStatement st{.agreement = a,
                               .settlement = paid ? settle(a, *run.actuals, &*paid)
                                                  : settle(a, *run.actuals, cli::cash_of(cash)),
                               .memorandum = std::nullopt,
                               .paid_given = paid.has_value(),
                               .control = run.control,
                               .ledger_files = run.files.size(),
                               .run = std::move(started.record),
                               .year = year,
                               .year_end = year_end(year, provisional, complete),
                               .short_partner_files = {},
                               .complete_asserted = complete,
                               .cash_register = cli::cash_summary(cash),
                               .previous_year = std::move(prior)};
        if (view.partner)
            st.partner = settlement_partner_pack(a, st.settlement, *run.actuals, *view.partner);
        st.thousands = view.thousands;
        st.rejects = std::move(run.rejects);
        st.rejects_path = args.ledgers.rejects_path;
        for (const ShortPartner& sp : st.year.short_partners)
            st.short_partner_files.push_back(ledger_files_of(run.files, sp.partner));
        // A joint budget has no pool: the host's recharge statement and the partners' notes
        // instead of a memorandum account (SPEC §7).
        if (with_memorandum && a.kind == AgreementKind::joint)
            st.joint_memorandum = joint_memorandum(a, st.settlement);
        else if (with_memorandum)
            st.memorandum = memorandum(a, *run.actuals, st.settlement);

        cli::write_output(
            args.out.output,
            cli::statement_output(args.out.format, [&] { return settlement_document(st); },
                                  {{"json", [&] { return settlement_json(st); }},
                                   {"csv", [&] { return settlement_csv(st, csv_table); }}}));
        return cli::settlement_findings(st, args.out.format);
    });
}
