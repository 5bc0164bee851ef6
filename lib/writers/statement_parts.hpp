// Pieces every statement shares, so the tools say the same thing the same way: what kind of
// arrangement it is, and the ledger control totals (SPEC §4: in every statement).
#pragma once

#include "calc/schedule.hpp"
#include "calc/scheme_term_spend.hpp"
#include "model/actuals.hpp"
#include "model/agreement.hpp"
#include "writers/document.hpp"
#include "writers/json.hpp"
#include "writers/table.hpp"

#include <ctime>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace poolkit {

struct LineTally; // calc/reconciliation.hpp

// What a statement calls an arrangement of each kind and its partners' figures (SPEC §1): paid into
// a pool, kept as each partner's own budget (aligned), or the agreed share the host recharges
// (joint).
struct KindWords {
    const char* phrase;  // "Pooled fund", "Aligned budget", "Joint budget"
    const char* figure;  // a partner's: "Contribution", "Own budget", "Agreed share"
    const char* figures; // by scheme: "Contributions", "Own budgets", "Agreed shares"
};
KindWords kind_words(AgreementKind kind);

// Midnight UTC at the end of period `p` (the next day's start): the creation time a statement's
// workbook records (Document::created), since the clock would make the same statement give
// different bytes (SPEC §5).
std::time_t statement_time(const Agreement& agreement, Period p);

// "TITLE (ID)": the agreement as a statement's first line and its document's title names it.
std::string agreement_heading(const Agreement& agreement);

// A statement's Document about `agreement`: its properties (the agreement_heading, `statement`
// for what it is, the agreement's id and title, `period` for when) and its creation time the end
// of period `at` (statement_time).
Document statement_document(const Agreement& agreement, std::string statement, std::string period,
                            Period at);

// What a whole statement opens with (SPEC §5, §14): with `thousands` the note that its tables are
// in £000, the schemes table, the agreement's variations and any spending outside a scheme's life.
void add_schemes_section(Document& d, const Agreement& agreement, Table schemes,
                         const std::vector<SpendOutsideTerm>& outside_term, bool thousands);

// The statement's document finished: in £000 with `thousands` (SPEC §5 --thousands), then what
// `as_read` adds as it was read (never restated: the rejected lines), then its footer (the
// ledgers' lines, the run).
Document finish_statement(Document& d, std::vector<std::string> ledger_lines, RunRecord run,
                          bool thousands, const std::function<void(Document&)>& as_read = {});

// "Pooled fund", "Aligned budget", "Joint budget".
const char* kind_phrase(AgreementKind kind);

// Who the statement is about, as the fields of a JSON `agreement` object: id, title, kind,
// legal_basis, financial_year, host (null when there is none). The caller opens and closes it.
void write_agreement_fields(JsonWriter& json, const Agreement& agreement);

// The partner's id, or nullopt (a JSON null): the host, a scheme's lead.
std::optional<std::string> partner_id(const Agreement& agreement, std::optional<PartnerIndex> p);

// `key`: {PARTNER: amount, ...} of amounts in [[partner]] order (the host's left out unless
// `with_host`), and `key`: {SCHEME: amount, ...} in [[scheme]] order.
void write_partner_amounts(JsonWriter& json, std::string_view key, const Agreement& agreement,
                           const std::vector<Money>& amounts, bool with_host = true);
void write_scheme_amounts(JsonWriter& json, std::string_view key, const Agreement& agreement,
                          const std::vector<Money>& amounts);

// The payment schedule (SPEC §5): periods down, partners across, each period's total; then, with
// `with_total`, a rule and each partner's total for the year. Amounts in display style.
Table schedule_table(const Agreement& agreement, const ContributionSchedule& schedule,
                     bool with_total);

// A count for people: "12,345" (SPEC §9).
std::string format_count(std::uint64_t n);

// A figure of the control totals (SPEC §4), in every tool's text the same way: "£1,234.56", and
// "-£1,234.56" for a negative one, never display's brackets, since the figures stand in brackets
// after their counts ("8 lines read (-£453,499.00)").
std::string control_amount(Money m);

// "WARNING: 3 ledger lines (£150.00) were rejected and NOT in the figures below." for `what`
// "ledger line" or "cash register row" (SPEC §4, §10): the line a statement opens with when some
// of its input was rejected.
std::string rejected_warning(std::uint64_t lines, Money total, std::string_view what);

// "Ledgers: 4 files, 63 lines read; 63 accepted (£1,226,233.25); 0 rejected (£0.00)", no newline,
// every figure a control_amount.
// A month-end statement gives the accepted lines after its period (SPEC §4, §9): "63 accepted
// (£1,226,233.25), of which 5 (£20,000.00) after P06;" ("of which 0 after P06" when none).
// SPEC §4: ", income £X in N lines" (empty without income lines), and "; N excluded (£X:
// reason: n; ...); N skipped (...)" (empty without such lines), for a control-totals sentence.
std::string income_text(const ControlTotals& c);
std::string excluded_skipped_text(const ControlTotals& c);
std::string ledger_summary(const ControlTotals& control, std::size_t files,
                           const LineTally* after_period = nullptr, Period period = Period::last());

// The control totals as JSON fields: lines_read, lines_accepted, lines_rejected, total_read,
// total_accepted, total_rejected (SPEC §5 `ledger`).
void write_control_json(JsonWriter& json, const ControlTotals& control);
// A ledger's lines by kind beyond accepted and rejected (SPEC §4, §11): lines_excluded,
// lines_skipped, total_excluded, total_skipped, lines_income, total_income, and, when there are
// any, excluded[] and skipped[] {reason, lines, total} and trailers[].
void write_line_kinds_json(JsonWriter& json, const ControlTotals& control);

// "ledger": {files, lines_read, ...}: the statement's ledger block (pool-recon, pool-settle), with
// lines_after_period and total_after_period when given (a month-end statement, SPEC §5).
void write_ledger_json(JsonWriter& json, const ControlTotals& control, std::size_t files,
                       const LineTally* after_period = nullptr);

// Lines ("...\n" each) as a list of lines without their newlines, for a Document's notes.
std::vector<std::string> lines_of(const std::string& lines);

} // namespace poolkit
