// --save (SPEC §13): the period's statement written under the workspace's `output` folder
// ({period} replaced), once in each format the workspace lists, each file atomically and only when
// the run succeeds, never over one of the run's inputs.
#pragma once

#include "model/input_file.hpp"
#include "readers/workspace.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace poolkit::cli {

// A format's file name extension. A new format is one entry here and its renderer in the tool.
struct SavedFormat {
    std::string_view format;
    std::string_view extension;
};
inline constexpr SavedFormat saved_formats[] = {{"text", "txt"},  {"md", "md"},
                                                {"json", "json"}, {"csv", "csv"},
                                                {"html", "html"}, {"xlsx", "xlsx"}};

// The statement in one of the tool's formats (statement_output.hpp).
using Renderer = std::function<std::string(const std::string& format)>;

// Writes OUTPUT/NAME-PERIOD.EXT for each of the workspace's formats that is among the tool's
// `formats` (OUTPUT default "statements/{period}", relative to the workspace file) and tells
// stderr what it wrote and which formats the tool does not have yet. Throws Error(usage) when a
// file would be one of `inputs`.
void save_statements(std::string_view tool, std::string_view name, const Workspace& ws,
                     const std::string& period, const std::vector<std::string>& formats,
                     const Renderer& render, const std::vector<InputFile>& inputs);

} // namespace poolkit::cli
