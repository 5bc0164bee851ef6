#include "writers/actuals_table.hpp"

#include "writers/statement_parts.hpp"

namespace poolkit {

Table actuals_table(const ActualsStatement& st, bool display) {
    const Grouping& by = st.by;
    const auto grouped = [&](bool shown, const char* display_header, const char* data_header) {
        return FormTable::Column{shown ? display_header : nullptr, shown ? data_header : nullptr};
    };
    FormTable t(display, {grouped(by.partner, "Partner", "partner"),
                          grouped(by.scheme, "Scheme", "scheme"),
                          grouped(by.period, "Period", "period"),
                          grouped(by.cost_centre, "Cost centre", "cost_centre"),
                          {"Lines", "lines", true},
                          {"Amount", "amount", true},
                          {nullptr, "income", true}});
    // SPEC §5 `income`: the income received (§4, made by a profile's rule, §11), positive.
    auto count = [&](std::uint64_t n) {
        return num_cell(display ? format_count(n) : std::to_string(n));
    };
    for (const ActualsRow& r : st.rows)
        t.add_row({text_cell(r.partner), text_cell(r.scheme), text_cell(r.period),
                   text_cell(r.cost_centre), count(r.lines), t.money(r.amount), t.money(r.income)});
    if (!display) return t.table();
    t.add_rule();
    // "Total" in the first column shown, the others of the grouping empty.
    std::vector<Cell> total(4);
    const bool shown[] = {by.partner, by.scheme, by.period, by.cost_centre};
    for (std::size_t c = 0; c < 4; ++c)
        if (shown[c]) {
            total[c] = text_cell("Total");
            break;
        }
    total.push_back(count(st.control.lines_accepted));
    total.push_back(t.money(st.control.total_accepted));
    total.push_back(t.money(st.control.total_income));
    t.add_row(total);
    return t.table();
}

std::string actuals_csv(const ActualsStatement& st) {
    return actuals_table(st, false).csv();
}

} // namespace poolkit
