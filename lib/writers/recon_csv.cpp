// pool-recon's CSV tables (SPEC §5 `--format csv`), one a file: `--table` chooses.
#include "writers/recon_monthly.hpp"
#include "writers/recon_movement.hpp"
#include "writers/recon_statement.hpp"
#include "writers/recon_tables.hpp"

#include <array>
#include <cstddef>

namespace poolkit {

namespace {

// The ledger control totals have a data form only.
Table ledger_table(const ReconStatement& st, bool) {
    return recon_ledger_table(st);
}

// Each table's builder, in ReconTable's order; `false`: the data form of its figures. The cases,
// adjustments and movement tables need --commitments, --adjust, --previous (SPEC §12; the tool
// checks).
using TableBuilder = Table (*)(const ReconStatement&, bool);
constexpr std::array<TableBuilder, 9> builders{
    recon_schemes_table,     recon_partners_table, recon_invoices_table,
    recon_aligned_table,     ledger_table,         recon_cases_table,
    recon_adjustments_table, recon_movement_table, recon_monthly_table};
static_assert(builders.size() == recon_tables.entries.size());

} // namespace

std::string recon_csv(const ReconStatement& st, ReconTable table) {
    return builders.at(static_cast<std::size_t>(table))(st, false).csv();
}

} // namespace poolkit
