#include "commitments_args.hpp"

#include "support/visible_text.hpp"

#include <fmt/format.h>

#include <iostream>

namespace poolkit::cli {

CommitmentsRead read_commitments_arg(std::string_view tool, const Agreement& agreement,
                                     const std::string& path, std::vector<InputFile>& inputs) {
    CommitmentsRead read = read_commitments(agreement, path);
    for (const Diagnostic& d : read.warnings.items)
        std::cerr << d.formatted() << '\n';
    for (const RegisterReject& r : read.rejects)
        std::cerr << fmt::format("{}: rejected: {}\n", visible(r.where().str()), visible(r.reason));
    if (!read.rejects.empty())
        std::cerr << fmt::format("{}: {} row{} of the commitments register rejected and left out; "
                                 "correct them and run again\n",
                                 tool, read.rejects.size(), read.rejects.size() == 1 ? "" : "s");
    inputs.push_back(read.input);
    return read;
}

void check_commitments_forecast(const Agreement& agreement) {
    if (agreement.kind == AgreementKind::aligned)
        throw Error(ErrorKind::usage, "--commitments forecasts a pooled or joint budget; an "
                                      "aligned budget's partners forecast their own budgets");
}

std::optional<CommitmentsForecast> commitments_for(const Agreement& agreement,
                                                   const std::optional<CommitmentsRead>& read,
                                                   Period period) {
    if (!read) return std::nullopt;
    check_commitments_forecast(agreement);
    return commitments_forecast(agreement, read->register_, period.number());
}

} // namespace poolkit::cli
