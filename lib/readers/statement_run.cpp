#include "readers/statement_run.hpp"

#include "model/schemas.hpp"
#include "readers/verify_inputs.hpp"
#include "support/error.hpp"

#include <fmt/format.h>

#include <sys/stat.h>
#include <utility>

namespace poolkit {

namespace {

std::string string_member(const JsonValue& doc, const char* key, const std::string& file) {
    const JsonValue* v = doc.find(key);
    if (!v || v->type != JsonValue::Type::string)
        throw Error(
            ErrorKind::input, {file, 0, 0},
            fmt::format("not a poolkit statement: no \"{}\" string (pool-verify checks "
                        "the JSON statements of pool-shares, pool-actuals, pool-recon, "
                        "pool-settle, pool-cases and pool-check; make it again with this poolkit)",
                        key));
    return v->text;
}

InputFile read_input_record(const JsonValue& in, std::size_t i, const std::string& file) {
    const JsonValue* path = in.find("path");
    const JsonValue* sha = in.find("sha256");
    const JsonValue* bytes = in.find("bytes");
    const JsonValue* role = in.find("role");
    if (in.type != JsonValue::Type::object || !path || path->type != JsonValue::Type::string ||
        !sha || sha->type != JsonValue::Type::string || !bytes ||
        bytes->type != JsonValue::Type::number || bytes->text.empty() ||
        bytes->text.find_first_not_of("0123456789") != std::string::npos || bytes->text.size() > 18)
        throw Error(ErrorKind::input, {file, 0, 0},
                    fmt::format("not a poolkit statement: inputs[{}] needs a \"path\", a "
                                "\"sha256\" and a whole number of \"bytes\"",
                                i));
    InputFile f;
    f.role = role && role->type == JsonValue::Type::string ? role->text : "input";
    f.path = path->text;
    f.sha256 = sha->text;
    f.bytes = std::stoull(bytes->text);
    return f;
}

} // namespace

StatementRun read_statement_run(const JsonValue& doc, const std::string& file,
                                const RecordedArguments& recorded) {
    if (doc.type != JsonValue::Type::object)
        throw Error(ErrorKind::input, {file, 0, 0}, "not a poolkit statement: not a JSON object");
    StatementRun r;
    r.schema = string_member(doc, "schema", file);
    std::string expected;
    for (const auto& [schema, tool] : schema::makers)
        if (schema == r.schema) expected = tool;
    if (expected.empty())
        throw Error(ErrorKind::input, {file, 0, 0},
                    fmt::format("unknown schema \"{}\": pool-verify knows poolkit.shares/1, "
                                "poolkit.actuals/1, poolkit.recon/1 and /2, poolkit.settle/1 and "
                                "/2 and poolkit.check/1",
                                r.schema));
    r.run.tool = string_member(doc, "tool", file);
    if (r.run.tool != expected)
        throw Error(ErrorKind::input, {file, 0, 0},
                    fmt::format("unknown tool \"{}\": {} statements are made by {}", r.run.tool,
                                r.schema, expected));
    r.version = string_member(doc, "version", file);
    const JsonValue* args = doc.find("arguments");
    if (!args || args->type != JsonValue::Type::array)
        throw Error(ErrorKind::input, {file, 0, 0},
                    "not a poolkit statement: no \"arguments\" array (make it again with this "
                    "poolkit, which records them)");
    for (const auto& a : args->items) {
        if (a.type != JsonValue::Type::string)
            throw Error(ErrorKind::input, {file, 0, 0},
                        "not a poolkit statement: \"arguments\" holds something other than "
                        "strings");
        r.run.arguments.push_back(a.text);
    }
    // A tool never records where its output goes; a statement that says so was edited, and running
    // it would let the statement choose a file to write (--rejects, -o).
    if (recorded(r.run.arguments) != r.run.arguments)
        throw Error(ErrorKind::input, {file, 0, 0},
                    "not a poolkit statement: its \"arguments\" choose where output goes (-o, "
                    "--format, --table, --rejects or --threads), which a tool never records");
    const JsonValue* inputs = doc.find("inputs");
    if (!inputs || inputs->type != JsonValue::Type::array)
        throw Error(ErrorKind::input, {file, 0, 0}, "not a poolkit statement: no \"inputs\" array");
    for (std::size_t i = 0; i < inputs->items.size(); ++i)
        r.run.inputs.push_back(read_input_record(inputs->items[i], i, file));
    return r;
}

std::vector<std::string> unrecorded_paths(const RunRecord& run,
                                          const std::vector<std::string>& named,
                                          const std::function<bool(const std::string&)>& exists) {
    std::vector<std::string> found;
    for (const auto& path : named) {
        if (path == "-") continue; // standard input: the re-run's is /dev/null
        bool recorded = false;
        for (const auto& in : run.inputs)
            recorded = recorded || in.path == path;
        bool listed = false;
        for (const auto& f : found)
            listed = listed || f == path;
        if (!recorded && !listed && exists(path)) found.push_back(path);
    }
    return found;
}

void check_arguments_are_inputs(const RunRecord& run, const std::vector<std::string>& named,
                                const std::string& base, const std::string& file) {
    // Anything at all, a dangling symbolic link too: the tool would open it.
    auto exists = [&](const std::string& path) {
        struct stat st {};
        return ::lstat(resolve_input_path(path, base).c_str(), &st) == 0;
    };
    std::vector<std::string> paths = unrecorded_paths(run, named, exists);
    if (paths.empty()) return;
    std::string list;
    for (const auto& p : paths)
        list += (list.empty() ? "" : ", ") + p;
    throw Error(ErrorKind::input, {file, 0, 0},
                fmt::format("cannot be recomputed: its \"arguments\" name {}, which {} not among "
                            "its recorded \"inputs\" (a tool records every file it reads, so the "
                            "statement was edited)",
                            list, paths.size() == 1 ? "is" : "are"));
}

} // namespace poolkit
