// pool-recon's CSV tables (SPEC §5 `--format csv`), one a file: `--table` chooses.
#include "writers/recon_monthly.hpp"
#include "writers/recon_movement.hpp"
#include "writers/recon_statement.hpp"
#include "writers/recon_tables.hpp"

namespace poolkit {

std::string recon_csv(const ReconStatement& st, ReconTable table) {
    switch (table) {
    case ReconTable::schemes:
        return recon_schemes_table(st, false).csv();
    case ReconTable::partners:
        return recon_partners_table(st, false).csv();
    case ReconTable::invoices:
        return recon_invoices_table(st, false).csv();
    case ReconTable::aligned:
        return recon_aligned_table(st, false).csv();
    case ReconTable::ledger:
        return recon_ledger_table(st).csv();
    case ReconTable::cases: // SPEC §12: with --commitments, --adjust, --previous (cli checks)
        return recon_cases_table(st, false).csv();
    case ReconTable::adjustments:
        return recon_adjustments_table(st, false).csv();
    case ReconTable::movement:
        return recon_movement_table(st, false).csv();
    case ReconTable::monthly:
        return recon_monthly_table(st, false).csv();
    }
    return {};
}

} // namespace poolkit
