// pool-settle --previous-year STATEMENT.json (SPEC §14): last year's settlement, whose memorandum
// account and partner notes become the comparatives of this year's.
#pragma once

#include "model/agreement.hpp"
#include "model/input_file.hpp"
#include "model/prior_year.hpp"

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

namespace poolkit::cli {

void add_previous_year_option(CLI::App& app, std::string& path);

// Reads the statement at `path` (none when empty) and records it among `inputs`.
std::optional<PriorYear> read_previous_year_arg(const Agreement& a, const std::string& path,
                                                std::vector<InputFile>& inputs);

} // namespace poolkit::cli
