#include "statement_arguments.hpp"

#include "run_arguments.hpp"

#include "readers/verify_inputs.hpp"
#include "support/same_file.hpp"

namespace poolkit::cli {

StatementRun read_statement_run(const JsonValue& doc, const std::string& file) {
    auto recorded = [](const std::vector<std::string>& arguments) {
        std::vector<const char*> argv{"tool"};
        for (const auto& arg : arguments)
            argv.push_back(arg.c_str());
        return recorded_arguments(static_cast<int>(argv.size()), argv.data());
    };
    return poolkit::read_statement_run(doc, file, recorded);
}

std::vector<std::string> unrecorded_paths(const RunRecord& run,
                                          const std::function<bool(const std::string&)>& exists) {
    return poolkit::unrecorded_paths(run, named_paths(run.arguments), exists);
}

void check_arguments_are_inputs(const RunRecord& run, const std::string& base,
                                const std::string& file) {
    poolkit::check_arguments_are_inputs(run, named_paths(run.arguments), base, file);
}

void check_output_is_not_an_input(const RunRecord& run, const std::string& base,
                                  const std::string& output) {
    std::vector<std::string> inputs;
    for (const auto& in : run.inputs)
        inputs.push_back(resolve_input_path(in.path, base));
    poolkit::check_outputs(inputs, {{output == "-" ? "" : "-o", output}});
}

std::vector<std::string> rerun_arguments(const RunRecord& run) {
    std::vector<std::string> args{"--format", "json", "-o", "-"};
    args.insert(args.end(), run.arguments.begin(), run.arguments.end());
    return args;
}

} // namespace poolkit::cli
