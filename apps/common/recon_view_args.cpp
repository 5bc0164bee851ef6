#include "recon_view_args.hpp"

#include "cli.hpp"
#include "statement_options.hpp"

#include "calc/monthly.hpp"
#include "calc/partner_pack.hpp"
#include "support/error.hpp"
#include "support/text.hpp"

#include <fmt/format.h>

namespace poolkit::cli {

namespace {

void period_range(ReconView& view, const Agreement& agreement, const ReconViewArgs& args) {
    const auto dots = args.period.find("..");
    if (dots == std::string::npos) {
        view.to = period_arg(agreement, args.period);
        view.months = args.monthly;
        return;
    }
    if (args.monthly)
        throw Error(ErrorKind::usage,
                    fmt::format("--monthly goes with one --period (P01 to it), not the range {}",
                                args.period));
    view.from = period_arg(agreement, args.period.substr(0, dots));
    view.to = period_arg(agreement, args.period.substr(dots + 2));
    view.months = true;
    if (view.to < view.from)
        throw Error(ErrorKind::usage,
                    fmt::format("--period {}: the range ends before it starts (try {}..{})",
                                args.period, view.to.label(), view.from.label()));
}

} // namespace

void add_recon_view_options(CLI::App& app, ReconViewArgs& args) {
    app.add_option("--period", args.period,
                   "the month end: P01..P12 or YYYY-MM; a range P01..P06 adds those months")
        ->required()
        ->type_name("PERIOD");
    app.add_flag("--monthly", args.monthly, "add the months P01 to --period, month by month");
    add_partner_options(app, args.who,
                        "its position, invoice, share of the forecast variance and schemes");
}

void add_forecast_method_option(CLI::App& app, std::string& method) {
    app.add_option("--forecast", method,
                   "forecast outturn method: profile (actual + remaining budget) or run-rate "
                   "(actual × 12 / m)")
        ->check(CLI::IsMember(cli::choices(forecast_methods)))
        ->default_str("profile");
}

ReconView recon_view(const Agreement& agreement, const ReconViewArgs& args, const std::string& path,
                     bool commitments, ReconTable table, const std::string& format) {
    ReconView view;
    period_range(view, agreement, args);
    if (view.months && commitments)
        throw Error(ErrorKind::usage,
                    "--commitments forecasts at one month end: give --period P without a range "
                    "or --monthly");
    if (table == ReconTable::monthly && !view.months)
        throw Error(ErrorKind::usage,
                    "--table monthly needs months: --period P01..P06 or --monthly");
    const PartnerView who = partner_view(agreement, args.who, path, format);
    // An aligned partner's pack shows its own budgets (SPEC §1), which the months (each
    // scheme's, all partners) do not split: refused rather than shown without them.
    if (who.partner && view.months && agreement.kind == AgreementKind::aligned)
        throw Error(ErrorKind::usage,
                    fmt::format("--partner {} of an aligned budget gives one month end's "
                                "statement (its own budgets are not split by month): give "
                                "--period {} without a range or --monthly",
                                args.who.partner, view.to.label()));
    view.partner = who.partner;
    view.thousands = who.thousands;
    return view;
}

void add_view(ReconStatement& st, const ReconView& view, const Agreement& loaded,
              const Actuals& actuals, const CashRegister* cash) {
    if (view.months)
        st.monthly =
            monthly_reconciliation(loaded, actuals, view.from, view.to, st.recon.method, cash);
    if (view.partner) st.partner = partner_pack(st.agreement, st.recon, *view.partner);
    st.thousands = view.thousands;
}

} // namespace poolkit::cli
