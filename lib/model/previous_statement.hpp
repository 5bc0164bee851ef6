// Last month's statement as pool-recon issued it (SPEC §12 `--previous STATEMENT.json`): the
// figures this month's movement is measured against — each scheme's forecast as reported, and
// with commitments each case's committed cost — read back from its JSON.
#pragma once

#include "model/calendar_day.hpp"
#include "model/indices.hpp"
#include "model/input_file.hpp"
#include "model/period.hpp"
#include "money/money.hpp"

#include <optional>
#include <string>
#include <vector>

namespace poolkit {

struct PreviousCase {
    std::string case_ref;
    SchemeIndex scheme{};
    Money committed; // after the previous period, as reported
    // The case's planned end then (its last row's end), when the statement says: none with
    // `open_ended`; neither for a statement made before cases recorded their end.
    std::optional<Day> end;
    bool open_ended = false;
};

struct PreviousStatement {
    Period period = Period::first();
    std::vector<Money> forecast;        // each scheme's forecast outturn as reported, [[scheme]]
    std::vector<bool> from_commitments; // whether it was forecast from the register
    Money total_forecast;               // Σ forecast
    std::optional<std::vector<PreviousCase>> cases; // with --commitments then
    InputFile input; // role "previous", its SHA-256 (SPEC §5 inputs)
};

} // namespace poolkit
