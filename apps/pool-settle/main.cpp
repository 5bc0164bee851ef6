// pool-settle: the year-end risk share, settlement transfers and memorandum account (SPEC §7).
// Exit 0 clean; 1 with findings (rejected ledger lines, an unallocated overspend); 2 when it
// cannot run.
#include "cli.hpp"

#include "calc/memorandum.hpp"
#include "calc/settlement.hpp"
#include "money/error.hpp"
#include "readers/agreement_loader.hpp"
#include "readers/input_source.hpp"
#include "readers/ledger_reader.hpp"
#include "writers/settlement_statement.hpp"

#include <fmt/format.h>

#include <iostream>

using namespace poolkit;

namespace {

std::string trim(std::string s) {
    while (!s.empty() && (s.back() == '\r' || s.back() == ' ' || s.back() == '\t'))
        s.pop_back();
    std::size_t b = 0;
    while (b < s.size() && (s[b] == ' ' || s[b] == '\t'))
        ++b;
    s.erase(0, b);
    if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
    return s;
}

// The --paid file: CSV `partner,amount` with that header, one line for every partner.
std::vector<Money> read_paid(const Agreement& a, const std::string& path, InputFile& record) {
    InputText in = read_input(path, "paid");
    record = in.record;
    std::string text = in.text;
    if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
    std::vector<std::optional<Money>> paid(a.partners.size());
    long line_no = 0;
    std::size_t pos = 0;
    bool header = true;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(pos, end - pos);
        pos = end + 1;
        ++line_no;
        if (trim(line).empty()) continue;
        SourceLocation at{path, line_no, 0};
        std::size_t comma = line.find(',');
        // A quoted amount may hold thousands separators: split at the first comma only.
        std::string partner = trim(line.substr(0, comma));
        std::string amount = comma == std::string::npos ? "" : trim(line.substr(comma + 1));
        if (header) {
            if (partner != "partner" || amount != "amount")
                throw Error(ErrorKind::input, at,
                            "the paid file needs the header `partner,amount`");
            header = false;
            continue;
        }
        auto p = a.partner_index(partner);
        if (!p)
            throw Error(ErrorKind::input, at,
                        fmt::format("unknown partner `{}`: the agreement's partners are its "
                                    "[[partner]] ids",
                                    partner));
        if (paid[*p])
            throw Error(ErrorKind::input, at,
                        fmt::format("partner {} is listed twice: give one total", partner));
        MoneyParse m = parse_money(amount, true);
        if (!m)
            throw Error(ErrorKind::input, at,
                        fmt::format("bad amount `{}`: {}", amount, describe(m.error)));
        paid[*p] = m.value;
    }
    std::vector<Money> out;
    for (std::size_t p = 0; p < paid.size(); ++p) {
        if (!paid[p])
            throw Error(ErrorKind::input, {path, 0, 0},
                        fmt::format("no amount paid for partner {}: add a line `{},AMOUNT` (0 "
                                    "if it paid nothing)",
                                    a.partners[p].id, a.partners[p].id));
        out.push_back(*paid[p]);
    }
    return out;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"Settle the year of a pooled fund: outturn, risk share, final shares, the "
                 "transfers with the host, and the memorandum account (SPEC §7).",
                 "pool-settle"};
    cli::describe_tool(app, "pool-settle");
    std::string agreement_path, paid_path, table = "partners";
    std::vector<std::string> ledgers;
    bool with_memorandum = false;
    cli::OutputOptions out;
    app.add_option("--paid", paid_path,
                   "contributions actually paid, CSV `partner,amount` with a line for every "
                   "partner (default: each paid what was due)")
        ->type_name("FILE");
    app.add_flag("--memorandum", with_memorandum,
                 "add the memorandum account and each partner's accounts note");
    app.add_option("--table", table,
                   "with --format csv: schemes, partners, transfers, steps, memorandum or notes")
        ->default_str("partners");
    cli::add_output_options(app, out, {"text", "csv", "json", "md"});
    app.add_option("agreement", agreement_path, "the agreement (TOML)")
        ->required()
        ->type_name("AGREEMENT");
    app.add_option("ledgers", ledgers, "ledger CSV files (- is standard input)")
        ->required()
        ->type_name("LEDGER");

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

        AgreementLoad load = load_agreement(agreement_path);
        for (const auto& d : load.diagnostics.items)
            std::cerr << d.formatted() << '\n';
        if (!load.agreement)
            throw Error(ErrorKind::input, {agreement_path, 0, 0},
                        "the agreement has errors (above); run pool-check on it");
        const Agreement& a = *load.agreement;
        std::vector<InputFile> inputs{load.input};

        std::vector<LedgerSpec> specs;
        for (const auto& l : ledgers)
            specs.push_back(LedgerSpec{l, default_ledger_profile(), {}});
        LedgerRun run = read_ledgers(&a, specs);
        for (const auto& r : run.rejects)
            std::cerr << fmt::format("{}:{}: rejected: {}\n", r.file, r.line, r.reason);
        for (auto& in : run.inputs)
            inputs.push_back(std::move(in));

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
                               ledgers.size(),
                               std::move(inputs)};
        if (with_memorandum) st.memorandum = memorandum(a, *run.actuals, st.settlement);

        std::string doc = out.format == "json"  ? settlement_json(st)
                          : out.format == "csv" ? settlement_csv(st, *csv_table)
                          : out.format == "md"  ? settlement_markdown(st)
                                                : settlement_text(st);
        cli::write_output(out.output, doc);
        bool findings = run.control.lines_rejected > 0 || st.settlement.unallocated.is_positive();
        if (st.settlement.unallocated.is_positive() && out.format != "text" && out.format != "md")
            std::cerr << fmt::format("pool-settle: warning: £{} of overspend is unallocated: the "
                                     "partners must agree how to meet it\n",
                                     format_display(st.settlement.unallocated));
        return findings ? cli::exit_findings : cli::exit_clean;
    });
}
