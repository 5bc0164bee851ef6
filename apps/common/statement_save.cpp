#include "statement_save.hpp"

#include "run_output.hpp"

#include "support/error.hpp"
#include "support/same_file.hpp"
#include "support/text.hpp"
#include "support/visible_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

namespace poolkit::cli {

namespace {

std::string with_period(std::string text, const std::string& period) {
    for (std::size_t at; (at = text.find("{period}")) != std::string::npos;)
        text.replace(at, 8, period);
    return text;
}

} // namespace

void save_statements(std::string_view tool, std::string_view name, const Workspace& ws,
                     const std::string& period, const std::vector<std::string>& formats,
                     const Renderer& render, const std::vector<InputFile>& inputs) {
    const std::string dir = workspace_path(
        ws, with_period(ws.output.empty() ? "statements/{period}" : ws.output, period));
    std::vector<std::pair<std::string, std::string>> files; // path, content
    std::vector<std::string> missing, written;
    for (const std::string& format : ws.formats) {
        if (std::find(formats.begin(), formats.end(), format) == formats.end()) {
            missing.push_back(format);
            continue;
        }
        std::string_view ext = format;
        for (const SavedFormat& f : saved_formats)
            if (f.format == format) ext = f.extension;
        files.emplace_back(
            (std::filesystem::path(dir) / fmt::format("{}-{}.{}", name, period, ext)).string(),
            render(format));
    }
    std::vector<std::string> input_paths;
    for (const auto& in : inputs)
        input_paths.push_back(in.path);
    std::vector<OutputArgument> outputs;
    for (const auto& [path, doc] : files)
        outputs.push_back({"--save", path});
    poolkit::check_outputs(input_paths, outputs);
    // Made with the run's outputs: a run that fails leaves no folder behind (SPEC §8).
    if (!files.empty()) make_output_directories(dir, "--save: check the workspace's output");
    for (const auto& [path, doc] : files) {
        write_output(path, doc);
        written.push_back(path);
    }
    // Said once the files are in place: a run that fails saved nothing.
    std::string said;
    if (!written.empty()) said = fmt::format("{}: saved {}\n", tool, visible(comma_list(written)));
    if (!missing.empty())
        said += fmt::format("{}: --save: the workspace's {} {} not yet available in this "
                            "version of {}: {}\n",
                            tool, and_list(missing), missing.size() == 1 ? "is" : "are", tool,
                            written.empty() ? "nothing was saved"
                                            : "only the other formats were saved");
    if (!said.empty()) after_outputs_committed([said] { std::cerr << said; });
}

} // namespace poolkit::cli
