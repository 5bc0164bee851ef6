#include "cli.hpp"
#include "usage_errors.hpp"

#include "support/error.hpp"
#include "support/text.hpp"
#include "support/version.hpp"
#include "support/visible_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <iostream>
#include <iterator>
#include <malloc.h>
#include <optional>
#include <string_view>
#include <sys/resource.h>
#include <system_error>

namespace poolkit::cli {

void describe_tool(CLI::App& app, std::string_view tool) {
    app.set_version_flag("--version", fmt::format("{} (poolkit) {}", tool, poolkit_version));
    app.footer(fmt::format("Exit status: 0 done and clean; 1 done with findings; 2 could not run.\n"
                           "poolkit {} - see man {}, docs/guide.md and docs/formulas.md",
                           poolkit_version, tool));
}

namespace {
// -o names one format and --format another (SPEC §5): a usage error, exit 2.
struct FormatMismatch : CLI::ParseError {
    explicit FormatMismatch(std::string message)
        : CLI::ParseError("FormatMismatch", std::move(message), CLI::ExitCodes::ValidationError) {}
};
} // namespace

namespace {
// Output file extensions (any case) and the format each picks (SPEC §5); the first of a format is
// the one --help names.
struct OutputExtension {
    std::string_view extension, format;
};
constexpr OutputExtension output_extensions[] = {
    {"txt", "text"}, {"md", "md"},     {"markdown", "md"}, {"html", "html"},
    {"htm", "html"}, {"json", "json"}, {"csv", "csv"},     {"xlsx", "xlsx"},
};
} // namespace

void add_output_options(CLI::App& app, OutputOptions& opts, std::vector<std::string> formats) {
    std::string list;
    for (const auto& f : formats)
        list += (list.empty() ? "" : "|") + f;
    app.add_option("--format", opts.format, "output format: " + list)
        ->check(CLI::IsMember(formats))
        ->default_str("text");
    // The extension that picks each of this tool's own formats, where one does.
    std::vector<std::string> extensions;
    for (const auto& f : formats) {
        auto e = std::find_if(std::begin(output_extensions), std::end(output_extensions),
                              [&](const OutputExtension& x) { return x.format == f; });
        if (e != std::end(output_extensions)) extensions.push_back("." + std::string(e->extension));
    }
    app.add_option("-o,--output", opts.output,
                   "write the output to FILE (atomically); - is stdout; a FILE named " +
                       or_list(extensions) + " picks the format")
        ->type_name("FILE");
    // SPEC §5: the output's name picks the format; --format that says another is a mistake.
    app.parse_complete_callback([&app, &opts, formats] {
        const std::optional<std::string> named = format_of_output(opts.output);
        if (!named) return;
        // A name that says a format this tool does not write would get bytes of another under
        // it (text in a .xlsx): refused, as a contradiction is.
        if (std::find(formats.begin(), formats.end(), *named) == formats.end())
            throw FormatMismatch(fmt::format("-o {} names {} output, which {} does not write (its "
                                             "formats: {}): give -o a name that fits one of them",
                                             opts.output, *named, app.get_name(),
                                             or_list(formats)));
        if (app.count("--format") == 0)
            opts.format = *named;
        else if (opts.format != *named)
            throw FormatMismatch(fmt::format("-o {} names {} output, but --format is {}: give "
                                             "one of them, or make them agree",
                                             opts.output, *named, opts.format));
    });
}

std::optional<std::string> format_of_output(const std::string& path) {
    const std::size_t slash = path.find_last_of('/');
    const std::size_t dot = path.find_last_of('.');
    if (path == "-" || dot == std::string::npos || (slash != std::string::npos && dot < slash))
        return std::nullopt;
    std::string ext = path.substr(dot + 1);
    for (char& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const OutputExtension& x : output_extensions)
        if (ext == x.extension) return std::string(x.format);
    return std::nullopt;
}

RunRecord run_record(std::string_view tool, int argc, const char* const* argv) {
    return RunRecord{std::string(tool), recorded_arguments(argc, argv), {}};
}

void report_error(std::string_view tool, std::string_view message) {
    // The message may quote an argument or a file name: shown visibly (SPEC §8).
    std::cerr << tool << ": error: " << visible(message) << '\n';
}

// SPEC §5: could not run (exit 2), said as what it is.
constexpr const char* not_enough =
    "not enough memory or threads to run: free some, or raise the limit (ulimit -v, ulimit -u)";

int run(CLI::App& app, int argc, char** argv, const std::function<int()>& body) {
    const std::string tool = app.get_name();
    // Under an address-space limit (ulimit -v) every thread's own malloc arena would reserve
    // 64 MiB of it, enough to starve the run at some limits where one arena fits: use one.
    struct rlimit lim {};
    if (::getrlimit(RLIMIT_AS, &lim) == 0 && lim.rlim_cur != RLIM_INFINITY)
        ::mallopt(M_ARENA_MAX, 1);
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
        report_error(tool, usage_message(app, e, std::vector<std::string>(argv + 1, argv + argc)));
        std::cerr << "Run '" << tool << " --help' for usage.\n";
        return exit_failure;
    } catch (const std::bad_alloc&) {
        report_error(tool, not_enough);
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
        report_error(tool, not_enough);
        return exit_failure;
    } catch (const std::system_error& e) {
        // A thread or a mapping the system would not give (EAGAIN, ENOMEM): a resource, not a bug.
        if (e.code() == std::errc::resource_unavailable_try_again ||
            e.code() == std::errc::not_enough_memory) {
            report_error(tool, fmt::format("{} ({})", not_enough, e.what()));
            return exit_failure;
        }
        report_error(
            tool, fmt::format("internal error: {} (a bug in poolkit; please report it)", e.what()));
        return exit_failure;
    } catch (const std::exception& e) {
        report_error(
            tool, fmt::format("internal error: {} (a bug in poolkit; please report it)", e.what()));
        return exit_failure;
    }
}

} // namespace poolkit::cli
