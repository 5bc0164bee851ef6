// The tables of a month-end reconciliation (SPEC §6), each in its form for people (recon_text:
// text, Markdown) and for data (recon_csv), and the partner figures as JSON (recon_json).
#pragma once

#include "writers/json.hpp"
#include "writers/recon_statement.hpp"
#include "writers/table.hpp"

namespace poolkit {

// Budget, actual and forecast by scheme with the RAG status, then the total.
Table recon_schemes_table(const ReconStatement& st, bool display);

// Pooled: each partner's contributions, direct spend, position with the host and forecast risk
// share; joint: its contribution, charge, own spend, invoices and forecast charge.
Table recon_partners_table(const ReconStatement& st, bool display);

// Joint: this period's invoice to each partner but the host.
Table recon_invoices_table(const ReconStatement& st, bool display);

// Aligned: each partner's own figures by scheme, then its subtotal.
Table recon_aligned_table(const ReconStatement& st, bool display);

// The ledger control totals (read, accepted, rejected, accepted after the period): CSV only.
Table recon_ledger_table(const ReconStatement& st);

// `"partners": [{id, ...}]`: the pooled or joint partner figures.
void write_recon_partners_json(JsonWriter& json, const ReconStatement& st);

} // namespace poolkit
