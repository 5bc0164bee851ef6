// pool-settle: the year-end risk share, settlement transfers and memorandum account (SPEC §7).
// Exit 0 clean; 1 with findings (rejected ledger lines, an unallocated overspend, a year whose
// ledgers stop short of March); 2 when it cannot run.
#include "findings_report.hpp"
#include "previous_year_args.hpp"
#include "settle_args.hpp"
#include "statement_output.hpp"

#include "calc/joint_memorandum.hpp"
#include "calc/memorandum.hpp"
#include "calc/settlement.hpp"
#include "model/varied_agreement.hpp"
#include "writers/settlement_statement.hpp"

using namespace poolkit;

int main(int argc, char** argv) {
    cli::ToolApp app{cli::Tool::settle};
    cli::SettleArgs args;
    cli::add_settle_options(app, args);

    return cli::run(app, argc, argv, [&]() -> int {
        cli::StartedRun started =
            cli::start_statement_run("pool-settle", argc, argv, args.run, nullptr);
        std::vector<InputFile>& inputs = started.record.inputs;
        Agreement a = as_varied(cli::load_valid_agreement(args.run.agreement_path, inputs),
                                Period::last()); // every variation (SPEC §14)
        const cli::SettleChoices chosen = cli::settle_choices(args, a);
        LedgerRun run = cli::read_statement_ledgers("pool-settle", a, args.run, inputs);
        const auto paid = cli::read_paid_args(a, args.paid_path, inputs);
        const auto cash = cli::read_cash_args("pool-settle", a, args.run.cash, inputs);
        auto prior = cli::read_previous_year_arg(a, args.previous_year, inputs);

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
                               .year_end = year_end(year, args.provisional, args.complete),
                               .short_partner_files = {},
                               .complete_asserted = args.complete,
                               .cash_register = cli::cash_summary(cash),
                               .previous_year = std::move(prior)};
        if (chosen.view.partner)
            st.partner =
                settlement_partner_pack(a, st.settlement, *run.actuals, *chosen.view.partner);
        st.thousands = chosen.view.thousands;
        st.rejects = std::move(run.rejects);
        st.rejects_path = args.run.ledgers.rejects_path;
        for (const ShortPartner& sp : st.year.short_partners)
            st.short_partner_files.push_back(ledger_files_of(run.files, sp.partner));
        // A joint budget has no pool: the host's recharge statement and the partners' notes
        // instead of a memorandum account (SPEC §7).
        if (chosen.memorandum && a.kind == AgreementKind::joint)
            st.joint_memorandum = joint_memorandum(a, st.settlement);
        else if (chosen.memorandum)
            st.memorandum = memorandum(a, *run.actuals, st.settlement);

        const auto& out = args.run.out;
        cli::write_output(
            out.output,
            cli::statement_output(out.format, [&] { return settlement_document(st); },
                                  {{"json", [&] { return settlement_json(st); }},
                                   {"csv", [&] { return settlement_csv(st, chosen.table); }}}));
        return cli::settlement_findings(st, out.format);
    });
}
