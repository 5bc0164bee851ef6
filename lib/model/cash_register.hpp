// The cash register (SPEC §10): what has actually moved between the partners and the host, so
// that month-end positions (§6), joint invoices (§6) and year-end transfers (§7) follow the cash
// and are not assumed. Each accepted row belongs to one partner and one period of the year; the
// register keeps, per partner and kind, the running totals by period, added checked (SPEC §2), so
// that every query below is a lookup that cannot overflow.
#pragma once

#include "model/actuals.hpp"
#include "model/period.hpp"
#include "money/money.hpp"
#include "support/error.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace poolkit {

// The kinds of row (SPEC §10's table), in its order.
enum class CashKind : std::uint8_t { contribution, reimbursement, invoice, payment, settlement };
inline constexpr std::size_t cash_kind_count = 5;

// What each kind is and where it may appear: the one table every reader, writer and message uses.
struct CashKindInfo {
    CashKind kind;
    const char* keyword; // as written in the register's `kind` column
    const char* wording; // as a statement or a message says it
    bool pooled;         // may appear in a pooled fund's register
    bool joint;          // ...in a joint budget's
    bool host;           // may name the host itself (only its own contribution, SPEC §10)
    bool negative;       // may be negative (a refund, a credit note, the host paying p)
};
extern const std::array<CashKindInfo, cash_kind_count> cash_kinds;

inline const CashKindInfo& cash_kind_info(CashKind k) {
    return cash_kinds[static_cast<std::size_t>(k)];
}
inline const char* cash_kind_keyword(CashKind k) {
    return cash_kind_info(k).keyword;
}
inline const char* cash_kind_wording(CashKind k) {
    return cash_kind_info(k).wording;
}
// The kind written `keyword` (exactly, lower case); nullopt when there is none.
std::optional<CashKind> parse_cash_kind(std::string_view keyword);
// Every keyword, in the table's order (for "did you mean" hints and messages).
std::vector<std::string_view> cash_kind_keywords();

// The period a row belongs to (SPEC §10): its stated `period` when given; else that of its date
// (year, month); a date after the year's 31 March gives P12 (reimbursements and settlements of
// the year are paid after it). nullopt for a date before the year without a stated period: such
// a row is rejected.
std::optional<Period> cash_row_period(const FinancialYear& fy, int year, int month,
                                      std::optional<Period> stated);

// One accepted row.
struct CashRow {
    std::string date; // ISO YYYY-MM-DD, as read
    std::string ref;
    std::size_t partner = 0; // agreement index
    CashKind kind = CashKind::contribution;
    Money amount;
    Period period = Period::first(); // SPEC §10: its `period`, else its date; after 31 March P12
    std::string note;
    SourceLocation where; // its file and line
};

// The register's control totals (as a ledger's, SPEC §4): every data row read is accepted or
// rejected, with the pence of each; and the accepted rows by kind.
struct CashTotals {
    ControlTotals rows; // lines_* count rows; total_* their pence
    std::array<std::uint64_t, cash_kind_count> accepted_rows_by_kind{};
    std::array<Money, cash_kind_count> accepted_by_kind{};
};

// A register as a statement reports it (SPEC §10): its file and control totals, shown as a
// ledger's (§4).
struct CashRegisterSummary {
    std::string file;
    CashTotals totals;
};

class CashRegister {
  public:
    CashRegister() = default;
    explicit CashRegister(std::size_t partners) : cumulative_(partners) {}

    std::size_t partners() const { return cumulative_.size(); }
    const std::vector<CashRow>& rows() const { return rows_; }

    // Adds an accepted row (partner < partners()). Throws Error(arithmetic) at the
    // row's place when it takes one of the running totals beyond int64 pence; the register is
    // then as it was before the call.
    void add(CashRow row);

    // The total of `kind` rows of `partner` in the first `periods_elapsed` periods (0..12; 0
    // gives 0.00).
    Money to_period(CashKind kind, std::size_t partner, int periods_elapsed) const;
    // Whether `partner` has any row of `kind` (SPEC §10: the host's contribution is taken as paid
    // when due unless it has contribution rows).
    bool has_rows(CashKind kind, std::size_t partner) const;

  private:
    struct PartnerTotals {
        std::array<PeriodArray<Money>, cash_kind_count> to{}; // to[k][m]: periods P01..m
        std::array<std::uint64_t, cash_kind_count> rows{};
    };
    std::vector<CashRow> rows_;
    std::vector<PartnerTotals> cumulative_;
};

// The queries of SPEC §6 and §7, to the end of period m (P12 for the year).
// received_ytd of a partner with contribution rows; a non-host partner without rows received
// nothing; for the host without rows the caller takes what was due (use has_rows).
inline Money received_to(const CashRegister& r, std::size_t p, Period m) {
    return r.to_period(CashKind::contribution, p, m.number());
}
inline Money reimbursed_to(const CashRegister& r, std::size_t p, Period m) {
    return r.to_period(CashKind::reimbursement, p, m.number());
}
// Joint: p's invoices for the periods before m (`invoiced_before` of §6) and through m.
inline Money invoiced_before(const CashRegister& r, std::size_t p, Period m) {
    return r.to_period(CashKind::invoice, p, m.number() - 1);
}
inline Money invoiced_through(const CashRegister& r, std::size_t p, Period m) {
    return r.to_period(CashKind::invoice, p, m.number());
}
inline Money payments_to(const CashRegister& r, std::size_t p, Period m) {
    return r.to_period(CashKind::payment, p, m.number());
}
// The year's settlement rows of p: + p paid the host, − the host paid p (§7).
inline Money settled(const CashRegister& r, std::size_t p) {
    return r.to_period(CashKind::settlement, p, Period::count);
}
// One of the above for every partner, in [[partner]] order (the calculations take vectors).
std::vector<Money> to_period_by_partner(const CashRegister& r, CashKind kind, int periods_elapsed);

} // namespace poolkit
