// The record of the run that made a statement (SPEC §5): in JSON the `tool`, `version`,
// `arguments` and `inputs` that pool-verify reads back; in text and Markdown a short footer, so a
// printed statement can be matched to its data.
#pragma once

#include "model/input_file.hpp"
#include "writers/json.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace poolkit {

// "tool": "pool-recon", "version": "0.1.0", "arguments": [...], "inputs": [{role, path, sha256,
// bytes}, ...]: written right after "schema", as fields of the statement's object.
void write_run_json(JsonWriter& json, const RunRecord& run);

// A statement's JSON document, begun: {"schema": `schema`, then the run record (write_run_json),
// the object left open for the statement's own fields.
JsonWriter begin_statement_json(std::string_view schema, const RunRecord& run);
// The same, then opens the statement's "options" object: the arguments that chose its figures,
// as named values (SPEC §5). The caller closes it.
JsonWriter begin_statement_options(std::string_view schema, const RunRecord& run);

// "inputs": [{role, path, sha256, bytes}, ...]
void write_inputs_json(JsonWriter& json, const std::vector<InputFile>& inputs);

// "Inputs: agreement.toml (sha256 3f2a9c1d…, 2,345 bytes), icb.csv (…). poolkit 0.1.0\n"
std::string inputs_footer(const std::vector<InputFile>& inputs);

// The inputs footer, then the command that made the statement, its arguments quoted for a POSIX
// shell where needed: "Inputs: ... poolkit 0.1.0\nRun: pool-recon --period P06 a.toml l.csv\n".
// In Markdown the lines end in hard line breaks, so a viewer does not run them together.
std::string run_footer(const RunRecord& run, bool markdown = false);

// One argument as a POSIX shell reads it back: bare when it is safe, else in single quotes.
std::string shell_quote(const std::string& arg);

} // namespace poolkit
