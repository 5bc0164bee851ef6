#include "calc/cash_application.hpp"

#include "support/error.hpp"

#include <fmt/format.h>

namespace poolkit {

const char* cash_source_name(CashSource c) {
    return cash_sources.keyword(c).data();
}

Money contributions_paid(const Agreement& a, const CashRegister& cash, std::size_t p,
                         Period through, Money due) {
    const bool host = a.is_host(PartnerIndex{p});
    if (host && !cash.has_rows(CashKind::contribution, p)) return due;
    return received_to(cash, p, through);
}

Money partner_position(Money due, Money received, Money direct_spend, Money reimbursed) {
    return (due - received) - (direct_spend - reimbursed);
}

CashRegister paid_register(const Agreement& a, std::span<const Money> paid,
                           const std::string& file) {
    if (paid.size() != a.partners.size())
        throw Error(ErrorKind::usage,
                    fmt::format("{} paid amounts for {} partners", paid.size(), a.partners.size()));
    CashRegister cash(a.partners.size());
    for (std::size_t p = 0; p < paid.size(); ++p)
        cash.add(CashRow{.date = fmt::format("{:04d}-04-01", a.year.start_year()),
                         .ref = "paid-" + a.partners[p].id,
                         .partner = p,
                         .kind = CashKind::contribution,
                         .amount = paid[p],
                         .period = Period::first(),
                         .note = "--paid",
                         .where = {file, 0, 0}});
    return cash;
}

Money after_year_end(const Agreement& a, const CashRegister& cash, CashKind kind, std::size_t p) {
    // ISO dates compare as text.
    const std::string end = fmt::format("{:04d}-03-31", a.year.start_year() + 1);
    Money total;
    for (const CashRow& row : cash.rows())
        if (row.partner == p && row.kind == kind && row.date > end) total += row.amount;
    return total;
}

} // namespace poolkit
