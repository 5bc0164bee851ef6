#include "readers/workspace.hpp"

#include "readers/input_source.hpp"
#include "readers/toml_depth.hpp"
#include "readers/toml_keys.hpp"
#include "support/text.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <glob.h>
#include <memory>
#include <utility>

namespace poolkit {

namespace {

constexpr std::string_view top_keys[] = {"agreement", "cash",    "commitments",
                                         "output",    "formats", "ledger"};
constexpr std::string_view ledger_keys[] = {"path", "profile", "partner"};

class Reader {
  public:
    explicit Reader(const std::string& file) : file_(file) {}

    [[noreturn]] void fail(const toml::source_region& r, const std::string& msg) const {
        throw Error(ErrorKind::input, toml_location(file_, r), msg);
    }

    // A string key of `t`, or "" when absent; an empty string or another type is refused.
    std::string text(const toml::table& t, std::string_view key, std::string_view where) const {
        const toml::node* n = t.get(key);
        if (!n) return "";
        if (!n->is_string()) fail(n->source(), fmt::format("'{}'{} must be a string", key, where));
        std::string s = *n->value<std::string>();
        if (s.empty()) fail(n->source(), fmt::format("'{}'{} is empty", key, where));
        return s;
    }

    Workspace read(std::string_view text_in) {
        toml::table root = parse_toml(text_in, file_);
        only_keys(root, file_, "top level", top_keys);
        Workspace ws;
        ws.file = file_;
        ws.agreement = text(root, "agreement", "");
        ws.cash = text(root, "cash", "");
        ws.commitments = text(root, "commitments", "");
        for (auto [key, where] : {std::pair{"agreement", &ws.agreement_where},
                                  {"cash", &ws.cash_where},
                                  {"commitments", &ws.commitments_where}})
            if (const toml::node* n = root.get(key)) *where = toml_location(file_, n->source());
        ws.output = text(root, "output", "");
        if (const toml::node* f = root.get("formats")) {
            const toml::array* list = f->as_array();
            if (!list) fail(f->source(), "'formats' must be a list, e.g. [\"text\", \"json\"]");
            for (const toml::node& item : *list) {
                const auto* s = item.as_string();
                const std::string name = s ? s->get() : "";
                if (std::find(std::begin(workspace_formats), std::end(workspace_formats), name) ==
                    std::end(workspace_formats)) {
                    std::vector<std::string> names(std::begin(workspace_formats),
                                                   std::end(workspace_formats));
                    fail(item.source(),
                         fmt::format("'formats': \"{}\" is not a format{}; the formats are {}",
                                     name, did_you_mean(name, workspace_formats), and_list(names)));
                }
                if (std::find(ws.formats.begin(), ws.formats.end(), name) != ws.formats.end())
                    fail(item.source(), fmt::format("'formats' lists \"{}\" twice", name));
                ws.formats.push_back(name);
            }
        } else {
            ws.formats = {"text"};
        }
        if (const toml::node* l = root.get("ledger")) {
            const toml::array* list = l->as_array();
            if (!list || !list->is_array_of_tables())
                fail(l->source(), "'ledger' must be [[ledger]] tables, each with a path");
            for (const toml::node& item : *list) {
                const toml::table& t = *item.as_table();
                only_keys(t, file_, "[ledger]", ledger_keys);
                WorkspaceLedger led;
                led.path = text(t, "path", " of a [[ledger]]");
                if (led.path.empty())
                    throw Error(ErrorKind::input, toml_location(file_, t.source()),
                                "a [[ledger]] needs a path (a file or a glob such as "
                                "\"ledgers/icb-*.csv\", relative to this file)");
                led.where = toml_location(file_, t.get("path")->source());
                led.profile = text(t, "profile", " of a [[ledger]]");
                led.partner = text(t, "partner", " of a [[ledger]]");
                if (const toml::node* n = t.get("partner"))
                    led.partner_where = toml_location(file_, n->source());
                ws.ledgers.push_back(std::move(led));
            }
        }
        return ws;
    }

  private:
    std::string file_;
};

// glob(3) metacharacters in the workspace's own directory are literal.
std::string glob_escaped(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '*' || c == '?' || c == '[' || c == '\\') out += '\\';
        out += c;
    }
    return out;
}

std::string directory_of(const std::string& file) {
    return std::filesystem::path(file).parent_path().string();
}

} // namespace

Workspace parse_workspace(std::string_view text, const std::string& file) {
    return Reader(file).read(text);
}

Workspace load_workspace(const std::string& path) {
    InputText in = read_input(path, "workspace");
    Workspace ws = parse_workspace(in.text, path);
    ws.record = std::move(in.record);
    return ws;
}

std::string workspace_path(const Workspace& ws, const std::string& path) {
    const std::string dir = directory_of(ws.file);
    if (dir.empty() || path.empty() || path.front() == '/' || path == "-") return path;
    return (std::filesystem::path(dir) / path).string();
}

bool profile_is_path(std::string_view profile) {
    return profile.find('/') != std::string_view::npos ||
           (profile.size() >= 5 && profile.ends_with(".toml"));
}

std::vector<std::string> expand_ledger_glob(const Workspace& ws, const WorkspaceLedger& ledger) {
    const std::string dir = directory_of(ws.file);
    const std::string pattern = dir.empty() || ledger.path.front() == '/'
                                    ? ledger.path
                                    : glob_escaped(dir) + "/" + ledger.path;
    glob_t g{};
    std::unique_ptr<glob_t, void (*)(glob_t*)> guard(&g, globfree);
    // GLOB_NOSORT, then a byte-order sort: the same order whatever the locale's collation.
    const int rc = ::glob(pattern.c_str(), GLOB_NOSORT | GLOB_ERR, nullptr, &g);
    std::vector<std::string> files;
    if (rc == 0)
        for (std::size_t i = 0; i < g.gl_pathc; ++i)
            files.emplace_back(g.gl_pathv[i]);
    if (files.empty())
        throw Error(ErrorKind::input, ledger.where,
                    fmt::format("no file matches the ledger path \"{}\"{}: correct the path, or "
                                "remove this [[ledger]]",
                                ledger.path, dir.empty() ? "" : " (relative to " + dir + ")"));
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace poolkit
