#include "cli.hpp"

#include "money/error.hpp"
#include "same_file.hpp"
#include "money/visible_text.hpp"

#include <fmt/format.h>

#include <iostream>

namespace poolkit::cli {

void describe_tool(CLI::App& app, std::string_view tool) {
    app.set_version_flag("--version", fmt::format("{} (poolkit) {}", tool, POOLKIT_VERSION));
    app.footer("Exit status: 0 done and clean; 1 done with findings; 2 could not run.\n"
               "poolkit " POOLKIT_VERSION " - see README.md and SPEC.md");
}

void add_output_options(CLI::App& app, OutputOptions& opts, std::vector<std::string> formats) {
    std::string list;
    for (const auto& f : formats)
        list += (list.empty() ? "" : "|") + f;
    app.add_option("--format", opts.format, "output format: " + list)
        ->check(CLI::IsMember(formats))
        ->default_str("text");
    app.add_option("-o,--output", opts.output, "write the output to FILE (atomically); - is stdout")
        ->type_name("FILE");
}

RunRecord run_record(std::string_view tool, int argc, const char* const* argv) {
    return RunRecord{std::string(tool), recorded_arguments(argc, argv), {}};
}

void report_error(std::string_view tool, std::string_view message) {
    // The message may quote an argument or a file name: shown visibly (SPEC §8).
    std::cerr << tool << ": error: " << visible(message) << '\n';
}

int run(CLI::App& app, int argc, char** argv, const std::function<int()>& body) {
    const std::string tool = app.get_name();
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        std::cout << app.help();
        return exit_clean;
    } catch (const CLI::CallForAllHelp&) {
        std::cout << app.help("", CLI::AppFormatMode::All);
        return exit_clean;
    } catch (const CLI::CallForVersion& e) {
        std::cout << e.what() << '\n';
        return exit_clean;
    } catch (const CLI::ParseError& e) {
        report_error(tool, e.what());
        std::cerr << "Run '" << tool << " --help' for usage.\n";
        return exit_failure;
    }
    try {
        check_outputs(argc, argv);
        // Every output is committed only when the run succeeds (SPEC §8: no partial output).
        OutputFiles outputs;
        CommitScope scope(outputs);
        int code = body();
        if (code == exit_clean || code == exit_findings) outputs.commit();
        return code;
    } catch (const Error& e) {
        if (e.where().file.empty())
            report_error(tool, e.what());
        else
            std::cerr << e.formatted() << '\n';
        if (e.kind() == ErrorKind::invariant)
            std::cerr << tool << ": this is a bug in poolkit; please report it with the inputs.\n";
        return e.kind() == ErrorKind::findings ? exit_findings : exit_failure;
    } catch (const std::bad_alloc&) {
        report_error(tool, "out of memory");
        return exit_failure;
    } catch (const std::exception& e) {
        report_error(
            tool, fmt::format("internal error: {} (a bug in poolkit; please report it)", e.what()));
        return exit_failure;
    }
}

} // namespace poolkit::cli
