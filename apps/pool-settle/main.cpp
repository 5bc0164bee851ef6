// pool-settle: the year-end risk share, settlement transfers and memorandum account (SPEC §7).
// Exit 0 clean; 1 with findings (rejected ledger lines, an unallocated overspend, a year whose
// ledgers stop short of March); 2 when it cannot run.
#include "cli.hpp"
#include "inputs_args.hpp"

#include "calc/joint_memorandum.hpp"
#include "calc/memorandum.hpp"
#include "calc/settlement.hpp"
#include "readers/paid_reader.hpp"
#include "support/error.hpp"
#include "writers/settlement_statement.hpp"

#include <fmt/format.h>

#include <iostream>

using namespace poolkit;

int main(int argc, char** argv) {
    CLI::App app{"Settle the year of a pooled fund: outturn, risk share, final shares, the "
                 "transfers with the host, and the memorandum account (SPEC §7).",
                 "pool-settle"};
    cli::describe_tool(app, "pool-settle");
    std::string agreement_path, paid_path, table = "partners";
    cli::LedgerArgs ledger_args;
    bool with_memorandum = false, provisional = false, complete = false;
    cli::OutputOptions out;
    app.add_option("--paid", paid_path,
                   "contributions actually paid, CSV `partner,amount` with a line for every "
                   "partner (default: each paid what was due; pooled funds only)")
        ->type_name("FILE");
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
                   "with --format csv: schemes, partners, transfers, steps, memorandum or notes")
        ->default_str("partners");
    cli::add_output_options(app, out, {"text", "csv", "json", "md"});
    app.add_option("agreement", agreement_path, "the agreement (TOML)")
        ->required()
        ->type_name("AGREEMENT");
    cli::add_ledger_options(app, ledger_args);

    return cli::run(app, argc, argv, [&]() -> int {
        std::optional<SettlementTable> csv_table;
        for (auto t :
             {SettlementTable::schemes, SettlementTable::partners, SettlementTable::transfers,
              SettlementTable::steps, SettlementTable::memorandum, SettlementTable::notes})
            if (table == settlement_table_name(t)) csv_table = t;
        if (!csv_table)
            throw Error(ErrorKind::usage, "--table: one of schemes, partners, transfers, steps, "
                                          "memorandum, notes");
        if ((*csv_table == SettlementTable::memorandum || *csv_table == SettlementTable::notes) &&
            out.format == "csv")
            with_memorandum = true;

        RunRecord record = cli::run_record("pool-settle", argc, argv);
        std::vector<InputFile>& inputs = record.inputs;
        Agreement a = cli::load_valid_agreement(agreement_path, inputs);
        // SPEC §7: an aligned budget has no pool and no recharges, so no memorandum account.
        if (with_memorandum && a.kind == AgreementKind::aligned)
            throw Error(ErrorKind::usage,
                        "--memorandum: agreement " + a.id +
                            " is an aligned budget: no money is pooled or recharged, so there is "
                            "no memorandum account; each partner accounts for its own budget in "
                            "its own accounts (leave out --memorandum)");
        LedgerOptions opts;
        opts.hash_inputs = out.format != "csv"; // CSV tables record no inputs
        LedgerRun run = cli::read_ledger_args("pool-settle", &a, ledger_args, opts, inputs);

        std::optional<std::vector<Money>> paid;
        if (!paid_path.empty()) {
            InputFile record;
            paid = read_paid(a, paid_path, record);
            inputs.push_back(record);
        }

        SettlementStatement st{a,
                               settle(a, *run.actuals, paid ? &*paid : nullptr),
                               std::nullopt,
                               paid.has_value(),
                               run.control,
                               ledger_args.ledgers.size(),
                               std::move(record),
                               year_completeness(*run.actuals),
                               YearEnd::complete,
                               {}};
        st.year_end = year_end(st.year, provisional, complete);
        st.complete_asserted = complete;
        for (const ShortPartner& sp : st.year.short_partners)
            st.short_partner_files.push_back(ledger_files_of(run.files, sp.partner));
        // A joint budget has no pool: the host's recharge statement and the partners' notes
        // instead of a memorandum account (SPEC §7).
        if (with_memorandum && a.kind == AgreementKind::joint)
            st.joint_memorandum = joint_memorandum(a, st.settlement);
        else if (with_memorandum)
            st.memorandum = memorandum(a, *run.actuals, st.settlement);

        std::string doc = out.format == "json"  ? settlement_json(st)
                          : out.format == "csv" ? settlement_csv(st, *csv_table)
                          : out.format == "md"  ? settlement_markdown(st)
                                                : settlement_text(st);
        cli::write_output(out.output, doc);
        const bool incomplete = st.year_end == YearEnd::incomplete;
        if (st.year_end != YearEnd::complete)
            for (const std::string& line : short_partner_lines(st))
                std::cerr << fmt::format("pool-settle: {}: {}\n", incomplete ? "finding" : "note",
                                         line);
        if (incomplete)
            std::cerr << "pool-settle: the statement is PROVISIONAL; read every partner's March "
                         "ledger, or give --provisional (intended) or --complete (the year is "
                         "complete)\n";
        bool findings =
            run.control.lines_rejected > 0 || st.settlement.unallocated.is_positive() || incomplete;
        if (st.settlement.unallocated.is_positive() && out.format != "text" && out.format != "md")
            std::cerr << fmt::format("pool-settle: warning: £{} of {} is unallocated: the "
                                     "partners must agree how to meet it\n",
                                     format_display(st.settlement.unallocated),
                                     a.kind == AgreementKind::joint
                                         ? "the charges (above a partner's contribution plus its "
                                           "cap)"
                                         : "overspend");
        return findings ? cli::exit_findings : cli::exit_clean;
    });
}
