#include "run_arguments.hpp"

#include <string_view>

namespace poolkit::cli {

namespace {

// Options whose value only says where or how to write (or how fast to read): the same statement
// whatever they are. `file`: the value is a file the run writes.
struct OutputOption {
    std::string_view name;
    bool file;
};
constexpr OutputOption output_options[] = {{"-o", true},        {"--output", true},
                                           {"--rejects", true}, {"--format", false},
                                           {"--table", false},  {"--threads", false}};

bool is_short_bundle(const std::string& arg) {
    return arg.size() > 1 && arg[0] == '-' && arg[1] != '-';
}

} // namespace

SplitArguments split_arguments(int argc, const char* const* argv) {
    SplitArguments split;
    bool positional_only = false; // after "--" every argument is a positional one
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (positional_only || arg == "--") {
            positional_only = true;
            split.recorded.push_back(arg);
            continue;
        }
        // The value of an output option, and where it comes from: the next argument, or the rest
        // of this one ("--format=json", "-oFILE").
        const OutputOption* matched = nullptr;
        std::string value;
        bool value_is_next = false;
        for (const auto& opt : output_options) {
            if (arg == opt.name) {
                value_is_next = true;
            } else if (opt.name.size() > 2 && arg.size() > opt.name.size() &&
                       arg.rfind(opt.name, 0) == 0 && arg[opt.name.size()] == '=') {
                value = arg.substr(opt.name.size() + 1);
            } else {
                continue;
            }
            matched = &opt;
            break;
        }
        // Short options may be bundled ("-hoFILE" is -h then -o FILE): an "o" anywhere in a bundle
        // starts -o, whose value is the rest of the bundle or the next argument.
        if (!matched && is_short_bundle(arg)) {
            std::size_t o = arg.find('o', 1);
            if (o != std::string::npos) {
                matched = &output_options[0];
                value = arg.substr(o + 1);
                value_is_next = value.empty();
            }
        }
        if (!matched) {
            split.recorded.push_back(arg);
            continue;
        }
        if (value_is_next) {
            if (i + 1 >= argc) continue; // no value: a usage error the tool reports
            value = argv[++i];
        }
        if (matched->file) split.outputs.push_back({std::string(matched->name), value});
    }
    return split;
}

std::vector<std::string> recorded_arguments(int argc, const char* const* argv) {
    return split_arguments(argc, argv).recorded;
}

std::vector<std::string> named_paths(const std::vector<std::string>& arguments) {
    std::vector<std::string> paths;
    auto add = [&](const std::string& value) {
        if (value.empty()) return;
        paths.push_back(value);
        // "FILE=PROFILE" (SPEC §11) names two files.
        std::size_t eq = value.rfind('='); // pairs at the last '=', as ledger_pairing does
        if (eq != std::string::npos) {
            if (eq > 0) paths.push_back(value.substr(0, eq));
            if (eq + 1 < value.size()) paths.push_back(value.substr(eq + 1));
        }
    };
    bool positional_only = false;
    for (const auto& arg : arguments) {
        if (positional_only || arg == "-") {
            add(arg);
        } else if (arg == "--") {
            positional_only = true;
        } else if (arg.rfind("--", 0) == 0) {
            std::size_t eq = arg.find('=');
            if (eq != std::string::npos) add(arg.substr(eq + 1)); // "--paid=p.csv"
        } else if (!is_short_bundle(arg)) {
            add(arg);
        }
    }
    return paths;
}

namespace {
// The outputs of this process's command line, kept by check_outputs for the inputs that are found
// later (a workspace's files).
std::vector<OutputArgument>& outputs_of_command_line() {
    static std::vector<OutputArgument> outputs;
    return outputs;
}
} // namespace

const std::vector<OutputArgument>& command_line_outputs() {
    return outputs_of_command_line();
}

void check_outputs(int argc, const char* const* argv) {
    SplitArguments split = split_arguments(argc, argv);
    // Without -o the output goes to standard output, which may be a file (">> L.csv").
    bool to_stdout = true;
    for (const auto& out : split.outputs)
        to_stdout = to_stdout && out.option != "-o" && out.option != "--output";
    if (to_stdout) split.outputs.insert(split.outputs.begin(), {"", "-"});
    outputs_of_command_line() = split.outputs;
    poolkit::check_outputs(named_paths(split.recorded), split.outputs);
}

} // namespace poolkit::cli
