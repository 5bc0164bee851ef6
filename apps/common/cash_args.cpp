#include "cash_args.hpp"

#include "readers/paid_reader.hpp"
#include "readers/register_profile.hpp"
#include "support/error.hpp"
#include "support/visible_text.hpp"

#include <fmt/format.h>

#include <iostream>

namespace poolkit::cli {

CLI::Option* add_cash_option(CLI::App& app, CashArgs& args) {
    CLI::Option* cash =
        app.add_option("--cash", args.path,
                       "the cash register (CSV date,ref,partner,kind,amount[,period,note]): "
                       "contributions received, reimbursements, invoices, payments and settlements "
                       "as they really moved (default: cash assumed as due)")
            ->type_name("FILE");
    app.add_option("--cash-profile", args.profile,
                   "the layout of another export of the register: a profile naming its "
                   "delimiter, date_format, skip_lines and, in [columns], its column for each of "
                   "the register's (docs/formats.md)")
        ->type_name("FILE")
        ->needs(cash);
    return cash;
}

void add_paid_and_cash_options(CLI::App& app, std::string& paid_path, CashArgs& cash) {
    CLI::Option* paid =
        app.add_option("--paid", paid_path,
                       "contributions actually paid, CSV `partner,amount` with a line for every "
                       "partner (default: each paid what was due; pooled funds only)")
            ->type_name("FILE");
    add_cash_option(app, cash)->excludes(paid);
}

std::optional<std::vector<Money>> read_paid_args(const Agreement& a, const std::string& path,
                                                 std::vector<InputFile>& inputs) {
    if (path.empty()) return std::nullopt;
    InputFile record;
    std::vector<Money> paid = read_paid(a, path, record);
    inputs.push_back(record);
    return paid;
}

std::optional<CashRegisterRead> read_cash_args(std::string_view tool, const Agreement& a,
                                               const CashArgs& args,
                                               std::vector<InputFile>& inputs) {
    const std::string& path = args.path;
    if (path.empty()) return std::nullopt;
    if (a.kind == AgreementKind::aligned)
        throw Error(ErrorKind::usage,
                    fmt::format("--cash: agreement {} is an aligned budget: no money moves "
                                "between its partners (SPEC §1), so it has no cash register "
                                "(leave out --cash)",
                                a.id));
    // Standard input can be read once (SPEC §5: `-` reads stdin).
    for (const InputFile& in : inputs)
        if (path == "-" && in.path == "-")
            throw Error(ErrorKind::usage,
                        fmt::format("--cash -: standard input is already the {} of this run; give "
                                    "the cash register as a file",
                                    in.role));
    std::optional<RegisterProfile> profile;
    if (!args.profile.empty()) {
        InputFile record;
        profile = load_register_profile(args.profile, cash_register_layout(), record);
        record.role = "cash profile";
        inputs.push_back(record);
    }
    CashRegisterRead read = read_cash_register(a, path, profile ? &*profile : nullptr);
    const std::size_t shown = 10;
    for (std::size_t i = 0; i < read.rejects.size() && i < shown; ++i) {
        const CashReject& x = read.rejects[i];
        std::cerr << fmt::format("{}:{}{}: rejected: {}\n", visible(x.file), x.line,
                                 x.column > 0 ? fmt::format(":{}", x.column) : "",
                                 visible(x.reason));
    }
    if (read.rejects.size() > shown)
        std::cerr << fmt::format("{}: ... and {} more rejected cash register rows\n", tool,
                                 read.rejects.size() - shown);
    inputs.push_back(read.input);
    return read;
}

std::optional<CashRegisterSummary> cash_summary(const std::optional<CashRegisterRead>& read) {
    if (!read) return std::nullopt;
    return CashRegisterSummary{read->input.path, read->totals};
}

} // namespace poolkit::cli
