#include "statement_options.hpp"

#include "cli.hpp"
#include "support/error.hpp"
#include "support/text.hpp"

#include <fmt/format.h>

namespace poolkit::cli {

SettlementTable settlement_table(const std::string& name) {
    if (auto t = settlement_tables.parse(name)) return *t;
    throw Error(ErrorKind::usage, "--table: one of " + comma_list(choices(settlement_tables)));
}

Period period_arg(const Agreement& a, const std::string& text) {
    if (auto period = a.year.parse_period(text)) return *period;
    throw Error(ErrorKind::usage,
                fmt::format("--period {}: give P01..P12 or a month of {} as YYYY-MM ({} to {})",
                            text, a.year.label(), a.year.period_ym(Period::first()),
                            a.year.period_ym(Period::last())));
}

ReconTable recon_table(const std::string& name, const Agreement& agreement,
                       const std::string& path) {
    // --table has been checked against the choices (cli::choices(recon_tables)).
    const ReconTable table = recon_tables.parse(name).value_or(ReconTable::schemes);
    if (table == ReconTable::partners && agreement.kind == AgreementKind::aligned)
        throw Error(ErrorKind::usage,
                    fmt::format("--table partners is for pooled and joint agreements; {} is "
                                "aligned (use --table aligned)",
                                path));
    for (auto [t, kind] : {std::pair{ReconTable::aligned, AgreementKind::aligned},
                           std::pair{ReconTable::invoices, AgreementKind::joint}})
        if (table == t && agreement.kind != kind)
            throw Error(ErrorKind::usage,
                        fmt::format("--table {} is for {} agreements; {} is {}", name,
                                    kind_name(kind), path, kind_name(agreement.kind)));
    return table;
}

bool settlement_memorandum(bool asked, SettlementTable table, const std::string& format,
                           const Agreement& agreement) {
    const bool wanted =
        asked || ((table == SettlementTable::memorandum || table == SettlementTable::notes) &&
                  format == "csv");
    if (wanted && agreement.kind == AgreementKind::aligned)
        throw Error(ErrorKind::usage,
                    "--memorandum: agreement " + agreement.id +
                        " is an aligned budget: no money is pooled or recharged, so there is no "
                        "memorandum account; each partner accounts for its own budget in its own "
                        "accounts (leave out --memorandum)");
    return wanted;
}

} // namespace poolkit::cli
