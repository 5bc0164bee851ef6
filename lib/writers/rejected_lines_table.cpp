#include "writers/rejected_lines_table.hpp"

#include "support/visible_text.hpp"
#include "writers/statement_parts.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace poolkit {

Table rejected_lines_table(const std::vector<RejectedLine>& rejects, std::uint64_t shown) {
    Table t({{"File", false}, {"Line", true}, {"Reason", false}, {"Amount", true}});
    const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(rejects.size(), shown));
    for (std::size_t i = 0; i < n; ++i) {
        const RejectedLine& r = rejects[i];
        t.add_row({text_cell(r.file), count_cell(r.line), text_cell(r.reason),
                   r.amount ? money_cell(*r.amount, true) : num_cell("")});
    }
    return t;
}

void add_rejected_lines(Document& d, const std::vector<RejectedLine>& rejects,
                        const ControlTotals& control, const std::string& rejects_path,
                        std::uint64_t shown) {
    if (control.lines_rejected == 0) return;
    const std::uint64_t rows =
        std::min<std::uint64_t>({rejects.size(), shown, control.lines_rejected});
    const std::string where = rejects_path.empty()
                                  ? "--rejects FILE lists them all"
                                  : fmt::format("all of them are in {}", visible(rejects_path));
    d.only_in({DocumentFormat::html, DocumentFormat::xlsx});
    d.heading("Rejected ledger lines (not in the figures above)");
    d.table(rejected_lines_table(rejects, rows), "Rejected lines");
    if (rows < control.lines_rejected)
        d.notes({fmt::format("The first {} of {} rejected lines; {} more not shown: {}.",
                             format_count(rows), format_count(control.lines_rejected),
                             format_count(control.lines_rejected - rows), where)});
    else if (!rejects_path.empty())
        d.notes({fmt::format("All of them are in {} too.", visible(rejects_path))});
    d.in_every_format();
}

} // namespace poolkit
