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
                       format_count(c.lines_read), control_amount(c.total_read),
                       format_count(c.lines_accepted), control_amount(c.total_accepted),
                       income_text(c), format_count(c.lines_rejected),
                       control_amount(c.total_rejected), excluded_skipped_text(c));
}

} // namespace

Document actuals_document(const ActualsStatement& st) {
    Document d({st.agreement_id
                    ? fmt::format("{} ({})", st.agreement_title.value_or(""), *st.agreement_id)
                    : "Ledger actuals",
                "Ledger actuals", st.agreement_id.value_or(""), st.agreement_title.value_or(""),
                st.financial_year.value_or("")});
    if (st.agreement_id)
        d.title({fmt::format("{} ({})", st.agreement_title.value_or(""), *st.agreement_id),
                 fmt::format("Ledger actuals, financial year {}", st.financial_year.value_or(""))});
    else
        d.title({"Ledger actuals (no agreement: any partner and scheme codes, any month)"});
    d.table(actuals_table(st, true), "Actuals");
    d.paragraph(fmt::format("Ledgers: {} file{}, {}", st.files.size(),
                            st.files.size() == 1 ? "" : "s", totals_line(st.control)));
    if (st.files.size() > 1) {
        std::vector<std::string> files;
        for (const auto& f : st.files)
            files.push_back(fmt::format("{}: {}", visible(f.path), totals_line(f.control)));
        d.bullets(std::move(files));
    }
    const std::uint64_t rejected = st.control.lines_rejected;
    if (rejected > 0) {
        d.notes({fmt::format(
            "Rejected lines{}:",
            st.rejects_path.empty() ? "" : " (all of them in " + visible(st.rejects_path) + ")")});
        std::vector<std::string> lines;
        const std::size_t shown = std::min<std::size_t>(st.rejects.size(), 20);
        for (std::size_t i = 0; i < shown; ++i)
            lines.push_back(fmt::format("{}:{}: {}", visible(st.rejects[i].file),
                                        st.rejects[i].line, visible(st.rejects[i].reason)));
        if (shown < rejected)
            lines.push_back(
                fmt::format("... and {} more{}", format_count(rejected - shown),
                            st.rejects_path.empty() ? " (--rejects FILE lists them all)" : ""));
        d.bullets(std::move(lines));
    }
    d.footer({}, st.run, true);
    return d;
}

} // namespace poolkit
