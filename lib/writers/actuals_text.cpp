#include "support/visible_text.hpp"
#include "writers/actuals_statement.hpp"
#include "writers/actuals_table.hpp"
#include "writers/inputs.hpp"
#include "writers/statement_parts.hpp"
#include "writers/table.hpp"

#include <fmt/format.h>

namespace poolkit {

namespace {

std::string totals_line(const ControlTotals& c) {
    return fmt::format("{} lines read ({}); {} accepted ({}{}); {} rejected ({}){}",
                       format_count(c.lines_read), format_display(c.total_read),
                       format_count(c.lines_accepted), format_display(c.total_accepted),
                       income_text(c), format_count(c.lines_rejected),
                       format_display(c.total_rejected), excluded_skipped_text(c));
}

// The statement for a person: aligned text, or Markdown (headings, a table, lists).
std::string render(const ActualsStatement& st, bool md) {
    std::string out;
    const char* h1 = md ? "# " : "";
    const char* item = md ? "- " : "  ";
    if (st.agreement_id)
        out += fmt::format("{}{} ({})\n{}Ledger actuals, financial year {}\n\n", h1,
                           st.agreement_title.value_or(""), *st.agreement_id, md ? "\n" : "",
                           st.financial_year.value_or(""));
    else
        out += fmt::format("{}Ledger actuals (no agreement: any partner and scheme codes, any "
                           "month)\n\n",
                           h1);
    const Table t = actuals_table(st, true);
    out += md ? t.markdown() : t.text();
    out += "\n";
    out += fmt::format("Ledgers: {} file{}, {}\n", st.files.size(), st.files.size() == 1 ? "" : "s",
                       totals_line(st.control));
    const std::uint64_t rejected = st.control.lines_rejected;
    if (md && (st.files.size() > 1 || rejected > 0)) out += "\n";
    if (st.files.size() > 1)
        for (const auto& f : st.files)
            out += fmt::format("{}{}: {}\n", item, visible(f.path), totals_line(f.control));
    if (rejected > 0) {
        out += fmt::format(
            "{}Rejected lines{}:\n{}", md && st.files.size() > 1 ? "\n" : "",
            st.rejects_path.empty() ? "" : " (all of them in " + visible(st.rejects_path) + ")",
            md ? "\n" : "");
        std::size_t shown = std::min<std::size_t>(st.rejects.size(), 20);
        for (std::size_t i = 0; i < shown; ++i)
            out += fmt::format("{}{}:{}: {}\n", item, visible(st.rejects[i].file),
                               st.rejects[i].line, visible(st.rejects[i].reason));
        if (shown < rejected)
            out += fmt::format("{}... and {} more{}\n", item, format_count(rejected - shown),
                               st.rejects_path.empty() ? " (--rejects FILE lists them all)" : "");
    }
    out += (md ? "\n" : "") + run_footer(st.run, md);
    return out;
}
} // namespace

// SPEC §8: no control character of the inputs reaches the reader (support/visible_text.hpp).
std::string actuals_text(const ActualsStatement& st) {
    return visible_lines(render(st, false));
}
std::string actuals_markdown(const ActualsStatement& st) {
    return visible_lines(render(st, true));
}

} // namespace poolkit
