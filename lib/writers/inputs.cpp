#include "writers/inputs.hpp"

#include "support/version.hpp"
#include "support/visible_text.hpp"

#include <fmt/format.h>

#include <cctype>
#include <string_view>

namespace poolkit {

void write_run_json(JsonWriter& json, const RunRecord& run) {
    json.field("tool", run.tool);
    json.field("version", poolkit_version);
    json.key("arguments").begin_array();
    for (const auto& arg : run.arguments)
        json.value(arg);
    json.end_array();
    write_inputs_json(json, run.inputs);
}

JsonWriter begin_statement_json(std::string_view schema, const RunRecord& run) {
    JsonWriter json;
    json.begin_object();
    json.field("schema", schema);
    write_run_json(json, run);
    return json;
}

JsonWriter begin_statement_options(std::string_view schema, const RunRecord& run) {
    JsonWriter json = begin_statement_json(schema, run);
    json.key("options").begin_object();
    return json;
}

void write_inputs_json(JsonWriter& json, const std::vector<InputFile>& inputs) {
    json.objects("inputs", inputs, [&](const auto& in) {
        json.field("role", in.role);
        json.field("path", in.path);
        json.field("sha256", in.sha256);
        json.field("bytes", in.bytes);
    });
}

std::string inputs_footer(const std::vector<InputFile>& inputs) {
    std::string out = inputs.empty() ? "Inputs: none" : "Inputs:";
    for (std::size_t i = 0; i < inputs.size(); ++i)
        out += fmt::format("{} {} (sha256 {}, {} bytes)", i ? "," : "", visible(inputs[i].path),
                           inputs[i].sha256.substr(0, 12), inputs[i].bytes);
    out += fmt::format(". poolkit {}\n", poolkit_version);
    return out;
}

std::string shell_quote(const std::string& arg) {
    // An argument with a control character: bash's $'...' with the character as visible() shows
    // it (\n, \x1b), so the line stays one line and still runs as the same command.
    if (visible(arg) != arg) {
        std::string out = "$'";
        for (std::size_t i = 0, n; i < arg.size(); i += n) {
            n = text_unit(arg, i).length;
            out += arg[i] == '\\' ? "\\\\" : arg[i] == '\'' ? "\\'" : visible(arg.substr(i, n));
        }
        return out + "'";
    }
    bool safe = !arg.empty();
    for (unsigned char c : arg)
        if (!(std::isalnum(c) ||
              std::string_view("_-+./:=,@%").find(char(c)) != std::string_view::npos))
            safe = false;
    if (safe) return arg;
    std::string out = "'";
    for (char c : arg)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string run_footer(const RunRecord& run, bool markdown) {
    std::string out = inputs_footer(run.inputs);
    if (markdown) out.insert(out.size() - 1, "  "); // a hard line break, not one paragraph
    out += "Run: " + run.tool;
    for (const auto& arg : run.arguments)
        out += " " + shell_quote(arg);
    return out + "\n";
}

} // namespace poolkit
