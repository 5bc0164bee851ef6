#include "commitments_args.hpp"

#include "readers/previous_statement_reader.hpp"
#include "support/visible_text.hpp"

#include <fmt/format.h>

#include <iostream>

namespace poolkit::cli {

namespace {

// Each rejected row of a register on stderr at its place, then how many ("rows of the commitments
// register", "forecast adjustments"), as a ledger's rejected lines are told.
void tell_rejects(std::string_view tool, const std::vector<RegisterReject>& rejects,
                  std::string_view one, std::string_view many) {
    for (const RegisterReject& r : rejects)
        std::cerr << fmt::format("{}: rejected: {}\n", visible(r.where().str()), visible(r.reason));
    if (!rejects.empty())
        std::cerr << fmt::format("{}: {} {} rejected and left out; correct them and run again\n",
                                 tool, rejects.size(), rejects.size() == 1 ? one : many);
}

} // namespace

CommitmentsRead read_commitments_arg(std::string_view tool, const Agreement& agreement,
                                     const std::string& path, std::vector<InputFile>& inputs) {
    CommitmentsRead read = read_commitments(agreement, path);
    for (const Diagnostic& d : read.warnings.items)
        std::cerr << d.formatted() << '\n';
    tell_rejects(tool, read.rejects, "row of the commitments register",
                 "rows of the commitments register");
    inputs.push_back(read.input);
    return read;
}

std::optional<CommitmentsForecast> commitments_for(const Agreement& agreement,
                                                   const std::optional<CommitmentsRead>& read,
                                                   Period period) {
    if (!read) return std::nullopt;
    return commitments_forecast(agreement, read->register_, period.number());
}

CaseSpend read_case_spend(std::string_view tool, const Agreement& agreement, const LedgerArgs& args,
                          const std::string& format, std::vector<InputFile>& inputs) {
    if (args.ledgers.empty()) return {};
    LedgerOptions options = ledger_options(format);
    options.by_cost_centre = true;
    options.group_by = LedgerField::case_ref;
    LedgerRun run = read_ledger_args(tool, &agreement, args, options, inputs);
    return {std::move(run.rows), run.control.lines_rejected};
}

void add_forecast_options(CLI::App& app, ForecastArgs& args) {
    app.add_option("--previous", args.previous,
                   "last month's statement (pool-recon --format json) to measure the forecast's "
                   "movement against; with --commitments split into new cases, ended cases, "
                   "changed rates and the rest (SPEC §12)")
        ->type_name("STATEMENT.json");
    app.add_option("--adjust", args.adjust,
                   "a budget holder's forecast adjustments, CSV scheme,amount,reason: added to "
                   "the schemes' forecasts and shown with their reasons (SPEC §12)")
        ->type_name("FILE");
}

void check_forecast_options(const ForecastArgs& args, bool commitments, ReconTable table) {
    const std::pair<ReconTable, std::string_view> needs[] = {
        {ReconTable::cases, commitments ? "" : "--commitments"},
        {ReconTable::adjustments, args.adjust.empty() ? "--adjust" : ""},
        {ReconTable::movement, args.previous.empty() ? "--previous" : ""}};
    for (auto [t, option] : needs)
        if (t == table && !option.empty())
            throw Error(ErrorKind::usage,
                        fmt::format("--table {} goes with {}", recon_tables.keyword(t), option));
}

std::optional<AdjustmentsRead> read_adjust_arg(std::string_view tool, const Agreement& agreement,
                                               const std::string& path,
                                               std::vector<InputFile>& inputs) {
    if (path.empty()) return std::nullopt;
    AdjustmentsRead read = read_adjustments(agreement, path);
    tell_rejects(tool, read.rejects, "forecast adjustment", "forecast adjustments");
    inputs.push_back(read.input);
    return read;
}

std::vector<Money> adjustments_of(const Agreement& agreement,
                                  const std::optional<AdjustmentsRead>& read) {
    if (!read) return {};
    return read->adjustments.by_scheme(agreement.schemes.size());
}

std::optional<PreviousStatement> read_previous_arg(const Agreement& agreement, Period period,
                                                   const std::string& path,
                                                   std::vector<InputFile>& inputs) {
    if (path.empty()) return std::nullopt;
    PreviousStatement prev = read_previous_statement(agreement, period, path);
    inputs.push_back(prev.input);
    return prev;
}

ForecastInputs read_forecast_args(std::string_view tool, const Agreement& agreement, Period period,
                                  const ForecastArgs& args, std::vector<InputFile>& inputs) {
    ForecastInputs in;
    in.adjust = read_adjust_arg(tool, agreement, args.adjust, inputs);
    in.previous = read_previous_arg(agreement, period, args.previous, inputs);
    return in;
}

void add_forecast_inputs(ReconStatement& st, const ForecastInputs& in,
                         const std::optional<CommitmentsRead>& reg) {
    if (in.adjust) st.adjustments = in.adjust->adjustments;
    if (in.previous)
        st.recon.movement =
            measure_against(st.recon, st.agreement, reg ? &reg->register_ : nullptr, *in.previous);
}

int rejected_rows(const std::optional<CommitmentsRead>& reg, const ForecastInputs& in) {
    return (reg && !reg->rejects.empty()) || (in.adjust && !in.adjust->rejects.empty()) ? 1 : 0;
}

} // namespace poolkit::cli
