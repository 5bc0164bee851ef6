#include "poolkit_init.hpp"

#include "cli.hpp"
#include "data_directory.hpp"
#include "model/identifier.hpp"
#include "support/error.hpp"
#include "support/fd_io.hpp"
#include "writers/starter_files.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <iostream>
#include <set>
#include <sys/stat.h>
#include <unistd.h>

namespace poolkit::cli {

namespace {

constexpr const char* agreement_file = "agreement.toml";
constexpr const char* workspace_file = "pool.toml";

bool exists(const char* path) {
    struct stat st;
    return ::lstat(path, &st) == 0; // a dangling link counts: writing through it is a surprise too
}

// Creates `path`, which must not exist (O_EXCL: no race with another writer), holding `text`.
void create_new(const char* path, const std::string& text) {
    int fd = ::open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0)
        throw Error(ErrorKind::input,
                    fmt::format("cannot create {}: {}", path, std::strerror(errno)));
    const bool ok = write_all(fd, text) == 0;
    const int err = errno;
    if (::close(fd) != 0 || !ok) {
        ::unlink(path);
        throw Error(ErrorKind::input,
                    fmt::format("cannot write {}: {}", path, std::strerror(ok ? errno : err)));
    }
}

StarterTerms terms_of(const std::string& kind, const std::vector<std::string>& partners) {
    StarterTerms t;
    t.kind = *agreement_kinds.parse(kind);
    std::set<std::string> seen;
    for (const auto& p : partners) {
        if (auto why = id_problem(p))
            throw Error(
                ErrorKind::usage,
                fmt::format("--partners: '{}' cannot be a partner id: {} ({})", p, *why, id_rule));
        if (!seen.insert(p).second)
            throw Error(ErrorKind::usage, fmt::format("--partners: '{}' is given twice", p));
    }
    if (partners.size() == 1)
        throw Error(ErrorKind::usage, "--partners: a shared budget has at least two partners: "
                                      "give their ids, e.g. --partners ICB,COUNCIL");
    t.partners = partners;
    const std::string data = data_directory();
    t.template_path = data.empty()
                          ? fmt::format("config/templates/{}.toml of poolkit's sources", kind)
                          : fmt::format("{}/templates/{}.toml", data, kind);
    return t;
}

} // namespace

int poolkit_init(int argc, char** argv) {
    CLI::App app{"Writes a starter agreement.toml and pool.toml into the current directory, "
                 "never overwriting a file. Fill in every <PLACEHOLDER>, then run "
                 "`pool-check agreement.toml`.",
                 "poolkit init"};
    describe_tool(app, "poolkit init");
    std::string kind;
    std::vector<std::string> partners;
    app.add_option("--kind", kind, "the kind of agreement: pooled|aligned|joint")
        ->required()
        ->check(CLI::IsMember(choices(agreement_kinds)));
    app.add_option("--partners", partners,
                   "the partners' ids, comma-separated (default: two placeholders)")
        ->delimiter(',')
        ->type_name("A,B,...");
    return run(app, argc, argv, [&] {
        const StarterTerms terms = terms_of(kind, partners);
        std::vector<std::string> present;
        for (const char* f : {agreement_file, workspace_file})
            if (exists(f)) present.push_back(f);
        if (!present.empty()) {
            report_error("poolkit init",
                         fmt::format("{} already exist{} here; poolkit init never overwrites a "
                                     "file, so it wrote nothing: run it in a new directory",
                                     present.size() == 1 ? present[0]
                                                         : "agreement.toml and "
                                                           "pool.toml",
                                     present.size() == 1 ? "s" : ""));
            return int(exit_failure);
        }
        create_new(agreement_file, starter_agreement(terms));
        try {
            create_new(workspace_file, starter_workspace(terms));
        } catch (const Error&) {
            ::unlink(agreement_file); // written by this run a moment ago: neither file, or both
            throw;
        }
        std::cerr << "poolkit init: wrote agreement.toml and pool.toml: replace every value in "
                     "angle brackets (<LIKE-THIS>), then run `pool-check agreement.toml`\n";
        return int(exit_clean);
    });
}

} // namespace poolkit::cli
