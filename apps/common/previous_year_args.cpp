#include "previous_year_args.hpp"

#include "readers/previous_settlement.hpp"

namespace poolkit::cli {

void add_previous_year_option(CLI::App& app, std::string& path) {
    app.add_option("--previous-year", path,
                   "last year's settlement (pool-settle --memorandum --format json): its figures "
                   "as a comparative column of the memorandum account and the partner notes "
                   "(implies --memorandum)")
        ->type_name("FILE");
}

std::optional<PriorYear> read_previous_year_arg(const Agreement& a, const std::string& path,
                                                std::vector<InputFile>& inputs) {
    if (path.empty()) return std::nullopt;
    InputFile record;
    PriorYear prior = read_prior_year(path, a, record);
    inputs.push_back(record);
    return prior;
}

} // namespace poolkit::cli
