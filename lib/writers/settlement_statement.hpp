// What pool-settle reports (SPEC §7, §5): the year-end settlement of an agreement, how each
// partner's risk share was reached, the transfers, optionally the memorandum account and partner
// note, with the ledger control totals and the record of its inputs. Rendered by settlement_text
// (text, Markdown), settlement_json and settlement_csv.
#pragma once

#include "writers/document.hpp"

#include "calc/joint_memorandum.hpp"
#include "calc/memorandum.hpp"
#include "calc/partner_pack.hpp"
#include "calc/settlement.hpp"
#include "calc/year_completeness.hpp"
#include "model/actuals.hpp"
#include "model/agreement.hpp"
#include "model/cash_register.hpp"
#include "model/input_file.hpp"
#include "model/prior_year.hpp"
#include "model/rejected_lines.hpp"
#include "support/keyword_table.hpp"

#include <optional>
#include <string>
#include <vector>

namespace poolkit {

struct SettlementStatement {
    const Agreement& agreement;
    SettlementResult settlement;
    std::optional<Memorandum> memorandum; // with --memorandum
    bool paid_given = false;              // contributions paid came from a file, not "as due"
    ControlTotals control;                // of all the ledgers read
    std::size_t ledger_files = 0;
    RunRecord run; // the tool, its arguments and inputs: agreement, ledgers, profiles, paid
    // Whether every partner's ledgers reach March (SPEC §7), and what the statement says of it.
    YearCompleteness year;
    YearEnd year_end = YearEnd::complete;
    std::vector<std::vector<std::string>> short_partner_files; // per year.short_partners entry
    bool complete_asserted = false; // --complete was given (recorded even when not needed)
    std::optional<JointMemorandum> joint_memorandum = std::nullopt; // joint, --memorandum (SPEC §7)
    std::optional<CashRegisterSummary> cash_register = std::nullopt; // --cash (SPEC §10)
    std::optional<PriorYear> previous_year = std::nullopt;           // --previous-year (SPEC §14)
    // --partner ID (SPEC §5): that partner's statement; --thousands: the tables in £000
    std::optional<SettlementPartnerPack> partner = std::nullopt;
    bool thousands = false;
    // The first rejected lines, in order (control.lines_rejected counts them all), and where
    // --rejects wrote them all, for the table of them in HTML and a workbook.
    std::vector<RejectedLine> rejects = {};
    std::string rejects_path = {};
};

// The finding of an incomplete year in one sentence per short partner ("NSOMERSET has no ledger
// line after P09 December 2025 (nsomerset.csv)"), for the statement and for stderr.
std::vector<std::string> short_partner_lines(const SettlementStatement& st);

// The CSV tables of a settlement, one per file.
enum class SettlementTable { schemes, partners, transfers, steps, memorandum, notes, balances };
// The keyword of each: pool-settle's --table choices, in the order its help lists them.
inline constexpr auto settlement_tables = keywords_in_order<SettlementTable>(
    {"schemes", "partners", "transfers", "steps", "memorandum", "notes", "balances"});
const char* settlement_table_name(SettlementTable t);

// The statement for people (text, Markdown, HTML, a workbook: writers/document_render.hpp).
Document settlement_document(const SettlementStatement& st);
std::string settlement_json(const SettlementStatement& st); // schema "poolkit.settle/2"
std::string settlement_csv(const SettlementStatement& st, SettlementTable table);

// One step of the risk share in plain English, for the statement's working ("S01, tier 1 (0.00 to
// 100,000.00): overspend 100,000.00 to the host BRISTOL"). Amounts in display style.
std::string describe_step(const Agreement& agreement, const RiskStep& step);

// A sentence per transfer of `transfers` (those of st.settlement, all or one partner's): who pays
// whom how much, and which side books the debtor at 31 March or what was settled already (SPEC
// §7); with `thousands` the amounts in £000 ("£32k").
std::vector<std::string> transfer_lines(const SettlementStatement& st,
                                        const std::vector<Transfer>& transfers, bool thousands);

// The agreement's risk-share terms in one line ("basis pool; overspend: contributions; underspend:
// return; caps: NSOMERSET 250,000.00").
std::string describe_terms(const Agreement& agreement);

} // namespace poolkit
