// --cash FILE on pool-recon and pool-settle (SPEC §10): the cash register read against the
// agreement, its rejected rows told on stderr with their place and reason (each a finding, exit
// 1, as a rejected ledger line), and its record among the statement's inputs so that pool-verify
// redoes the statement with it.
#pragma once

#include "model/agreement.hpp"
#include "model/cash_register.hpp"
#include "model/input_file.hpp"
#include "readers/cash_register_reader.hpp"

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace poolkit::cli {

// --cash FILE and the profile of its layout when it is another (--cash-profile FILE, SPEC §10-§11).
struct CashArgs {
    std::string path;
    std::string profile;
};

// Adds --cash FILE and --cash-profile FILE.
CLI::Option* add_cash_option(CLI::App& app, CashArgs& args);

// pool-settle's --paid FILE (the shorthand for a register of contribution rows, SPEC §10) and
// --cash FILE, which exclude each other.
void add_paid_and_cash_options(CLI::App& app, std::string& paid_path, CashArgs& cash);

// Reads the --paid file at `path` (nothing when it is empty), appending its record to `inputs`.
std::optional<std::vector<Money>>
read_paid_args(const Agreement& agreement, const std::string& path, std::vector<InputFile>& inputs);

// Reads the register at `args.path` (nothing when it is empty) in its profile's layout when one is
// given, telling stderr about its rejected rows and appending its record (and its profile's) to
// `inputs`. Error(usage) for an aligned agreement, which moves
// no money (SPEC §1); Error(input) for an unreadable file or a wrong header (exit 2).
std::optional<CashRegisterRead> read_cash_args(std::string_view tool, const Agreement& agreement,
                                               const CashArgs& args,
                                               std::vector<InputFile>& inputs);

// The register the calculations take (nullptr: the cash is assumed), and what the statement
// shows of it.
inline const CashRegister* cash_of(const std::optional<CashRegisterRead>& read) {
    return read ? &read->cash : nullptr;
}
std::optional<CashRegisterSummary> cash_summary(const std::optional<CashRegisterRead>& read);

} // namespace poolkit::cli
