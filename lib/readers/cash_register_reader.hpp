// The reader of the cash register (SPEC §10): a CSV with the header `date,ref,partner,kind,amount`
// and optionally `period` and `note`, in any order (names compared without case and surrounding
// blanks), ISO dates, RFC 4180 quoting as a ledger's (§4). A header that lacks a column, names
// one twice or names one the register does not have is Error(input) at its place (exit 2); every
// data row after it is accepted or rejected with its file, line, column and reason, and counted
// in the control totals. A ledger profile (§11) for another layout is not read here yet.
#pragma once

#include "model/actuals.hpp"
#include "model/agreement.hpp"
#include "model/cash_register.hpp"
#include "model/input_file.hpp"
#include "readers/csv_register.hpp"
#include "support/error.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace poolkit {

// A row that was not accepted, with the column at fault (csv_register.hpp).
using CashReject = RegisterReject;

struct CashRegisterRead {
    CashRegister cash;
    CashTotals totals;
    std::vector<CashReject> rejects; // in line order
    std::vector<std::string> header; // the column names as read
    InputFile input;                 // role "cash", with its SHA-256 (SPEC §5 inputs)
};

// Reads the register at `path` ("-": standard input) against the agreement's partners, kind,
// host and financial year. Throws Error(input) when the file cannot be read or its header is
// wrong, Error(arithmetic) at the row whose amount takes a total beyond int64 pence.
// With `profile`, the register is read in another layout (SPEC §10: a profile, §11, may map one).
CashRegisterRead read_cash_register(const Agreement& agreement, const std::string& path,
                                    const RegisterProfile* profile = nullptr);

// The same, from the file's bytes; `file` names it in messages and in the input record.
CashRegisterRead parse_cash_register(const Agreement& agreement, std::string_view text,
                                     const std::string& file,
                                     const RegisterProfile* profile = nullptr);

// The register's own columns (for load_register_profile).
const RegisterLayout& cash_register_layout();

} // namespace poolkit
