// Each ledger with its profile (SPEC §11): LEDGER=PROFILE on the command line (no '=': the
// default layout), the older --profile (once for every ledger without one of its own, or once
// per ledger in order when none is paired, and refused otherwise), and --ledger-partner
// LEDGER=ID, whose ledger it is (what a workspace's [[ledger]] partner says).
#pragma once

#include "model/agreement.hpp"
#include "readers/ledger_reader.hpp"

#include <string>
#include <vector>

namespace poolkit::cli {

struct LedgerArgs;

// A ledger argument split at its last '=': "icb.csv=icb-oracle" is icb.csv read with icb-oracle,
// "a=b.csv=default" is the file a=b.csv in the default layout; no '=': the whole argument is the
// file and `profile` is empty. Throws Error(usage) for "=P" or "FILE=".
struct LedgerArgument {
    std::string path;
    std::string profile;
};
LedgerArgument split_ledger_argument(const std::string& arg);

// The ledger files with their profiles and partners. Throws Error(usage) for a --profile count
// that pairs nothing for certain, Error(input) for a profile that cannot be loaded or a partner
// that its profile's [fixed] partner contradicts (every such file named, with both partners).
std::vector<LedgerSpec> ledger_specs(const LedgerArgs& args);

// Before the read: every partner that --ledger-partner (a workspace's [[ledger]] partner) names
// is one of the agreement's. Throws Error(input) at the workspace's line, or Error(usage) for the
// option, with "did you mean" and the agreement's partners.
void check_partners_known(const Agreement& agreement, const LedgerArgs& args);

// After the read: a ledger whose partner was said and whose lines carry their own partner (a
// partner column) must hold only that partner's lines. Throws Error(input) naming the file and
// both partners.
void check_ledger_partners(const Agreement& agreement, const std::vector<LedgerSpec>& specs,
                           const std::vector<LedgerFileTotals>& files);

// SPEC §11: a file whose date format could be read either way (day and month both numbers, the
// year not first) and whose every date has a day of 12 or less is read as its profile says, with
// a warning on stderr naming the file and the format.
void warn_ambiguous_dates(const std::vector<LedgerSpec>& specs,
                          const std::vector<LedgerFileTotals>& files);

} // namespace poolkit::cli
