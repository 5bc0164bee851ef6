#include "model/cash_register.hpp"

#include <fmt/format.h>

namespace poolkit {

// SPEC §10's table: the sign column says which kinds may be negative; a pooled fund has
// contributions and reimbursements, a joint budget invoices and payments (§6, §7), both settle.
const std::array<CashKindInfo, cash_kind_count> cash_kinds = {{
    {CashKind::contribution, "contribution", "contribution paid to the host", true, false, true,
     true},
    {CashKind::reimbursement, "reimbursement", "reimbursement of direct spending by the host", true,
     false, false, false},
    {CashKind::invoice, "invoice", "invoice raised by the host", false, true, false, true},
    {CashKind::payment, "payment", "payment of an invoice", false, true, false, false},
    {CashKind::settlement, "settlement", "year-end settlement", true, true, false, true},
}};

std::optional<CashKind> parse_cash_kind(std::string_view keyword) {
    for (const auto& k : cash_kinds)
        if (keyword == k.keyword) return k.kind;
    return std::nullopt;
}

std::vector<std::string_view> cash_kind_keywords() {
    std::vector<std::string_view> out;
    for (const auto& k : cash_kinds)
        out.push_back(k.keyword);
    return out;
}

std::optional<Period> cash_row_period(const FinancialYear& fy, int year, int month,
                                      std::optional<Period> stated) {
    if (stated) return stated;
    if (auto p = fy.period_of(year, month)) return p;
    if (year * 12 + month > (fy.start_year() + 1) * 12 + 3) return Period::last(); // after 31 March
    return std::nullopt;
}

void CashRegister::add(CashRow row) {
    if (row.partner >= cumulative_.size())
        throw Error(ErrorKind::invariant, row.where,
                    fmt::format("cash register row for partner {} in period {} of a register of "
                                "{} partners",
                                row.partner, row.period.label(), cumulative_.size()));
    auto k = static_cast<std::size_t>(row.kind);
    // Work on a copy, so that an overflow leaves the register as it was.
    PeriodArray<Money> to = cumulative_[row.partner].to[k];
    try {
        for (Period m : Period::from(row.period))
            to[m] += row.amount;
    } catch (const Error&) {
        throw Error(ErrorKind::arithmetic, row.where,
                    fmt::format("this row's amount ({}) takes the register's total of {} rows of "
                                "the partner beyond ±92,233,720,368,547,758.07, the most poolkit "
                                "adds up exactly; is an amount wrong?",
                                format_plain(row.amount), cash_kind_keyword(row.kind)));
    }
    cumulative_[row.partner].to[k] = to;
    ++cumulative_[row.partner].rows[k];
    rows_.push_back(std::move(row));
}

Money CashRegister::to_period(CashKind kind, std::size_t partner, int m) const {
    if (partner >= cumulative_.size() || m < 0 || m > Period::count)
        throw Error(ErrorKind::invariant,
                    fmt::format("cash register query for partner {} to period {} of a register "
                                "of {} partners",
                                partner, m, cumulative_.size()));
    auto through = Period::of(m);
    if (!through) return Money(); // m == 0: before the year
    return cumulative_[partner].to[static_cast<std::size_t>(kind)][*through];
}

bool CashRegister::has_rows(CashKind kind, std::size_t partner) const {
    return partner < cumulative_.size() &&
           cumulative_[partner].rows[static_cast<std::size_t>(kind)] > 0;
}

std::vector<Money> to_period_by_partner(const CashRegister& r, CashKind kind, int m) {
    std::vector<Money> out;
    for (std::size_t p = 0; p < r.partners(); ++p)
        out.push_back(r.to_period(kind, p, m));
    return out;
}

} // namespace poolkit
