// The charts of the month-end statement (SPEC §6, §9), from its figures: cumulative budget,
// actual and forecast by month for the pool and each scheme; the forecast variance by scheme
// coloured by RAG; each partner's position with the host.
#pragma once

#include "writers/document.hpp"
#include "writers/recon_statement.hpp"

namespace poolkit {

// Adds the charts to `document` (each a ChartBlock: drawn in HTML only). Needs the statement's
// actuals for the monthly lines; without them only the bars.
void recon_charts(Document& document, const ReconStatement& st);

// The months of a range or --monthly (SPEC §5): the pool's budget and actual in each month, a line
// a series with each month's point marked; requires st.monthly.
Chart recon_monthly_chart(const ReconStatement& st);

} // namespace poolkit
