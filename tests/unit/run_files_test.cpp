// The files a run names and writes (SPEC §5, §8): which arguments are outputs, which may be
// inputs, when two paths are the same file, and outputs put in place only on commit.
#include "cli.hpp"
#include "support/error.hpp"
#include "support/output_files.hpp"
#include "support/same_file.hpp"

#include "ledger_test_support.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

using namespace poolkit;

namespace {

using Strings = std::vector<std::string>;

cli::SplitArguments split(std::vector<const char*> args) {
    args.insert(args.begin(), "pool-settle");
    return cli::split_arguments(static_cast<int>(args.size()), args.data());
}

Strings outputs_of(const cli::SplitArguments& s) {
    Strings out;
    for (const auto& o : s.outputs)
        out.push_back(o.option + " " + o.path);
    return out;
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// The message of the Error that check_outputs throws, or "" when it accepts.
std::string refusal(const Strings& inputs, const std::vector<OutputArgument>& outputs) {
    try {
        check_outputs(inputs, outputs);
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::usage);
        return e.what();
    }
    return "";
}

} // namespace

TEST_CASE("run files: the output options' values are the files written, in every form") {
    auto s = split({"a.toml", "-o", "s.json", "l.csv", "--rejects=r.csv", "--format", "json"});
    CHECK(s.recorded == Strings{"a.toml", "l.csv"});
    CHECK(outputs_of(s) == Strings{"-o s.json", "--rejects r.csv"});
    CHECK(outputs_of(split({"-oX", "--output=Y", "--output", "Z", "--rejects", "R"})) ==
          Strings{"-o X", "--output Y", "--output Z", "--rejects R"});
    // "-o=x" is -o with the value "=x", as CLI11 reads it.
    CHECK(outputs_of(split({"-o=x"})) == Strings{"-o =x"});
    // Bundled short options: -h then -o with the rest of the bundle, or the next argument.
    auto bundled = split({"a.toml", "-ho", "x.csv", "-hhoy.csv", "l.csv"});
    CHECK(bundled.recorded == Strings{"a.toml", "l.csv"});
    CHECK(outputs_of(bundled) == Strings{"-o x.csv", "-o y.csv"});
    // --format, --table and --threads are dropped but write no file; after "--" nothing is an
    // option.
    auto rest = split({"--table", "partners", "--threads=2", "--", "-o", "x"});
    CHECK(rest.recorded == Strings{"--", "-o", "x"});
    CHECK(rest.outputs.empty());
}

TEST_CASE("run files: the paths the recorded arguments name") {
    CHECK(cli::named_paths({"a.toml", "--period", "P06", "--paid=p.csv", "-", "icb.csv=icb-oracle",
                            "--memorandum", "--", "--odd.csv"}) ==
          Strings{"a.toml", "P06", "p.csv", "-", "icb.csv=icb-oracle", "icb.csv", "icb-oracle",
                  "--odd.csv"});
    CHECK(cli::named_paths({"-h", "--by", "scheme"}) == Strings{"scheme"});
}

TEST_CASE("run files: an output is never an input, nor two outputs one file") {
    test::TempDir dir;
    const std::string l = dir.file("l.csv", "date\n");
    const std::string other = dir.file("other.csv", "date\n");
    std::filesystem::create_symlink(l, dir.path() + "/link.csv");
    std::filesystem::create_hard_link(l, dir.path() + "/hard.csv");
    const Strings inputs{l, "P06", dir.path() + "/missing.csv"};

    CHECK(refusal(inputs, {{"-o", l}}) ==
          "-o " + l + " is the input " + l +
              ": a tool never writes over its own input; give the output another path");
    CHECK(refusal(inputs, {{"--rejects", dir.path() + "/link.csv"}}) ==
          "--rejects " + dir.path() + "/link.csv is the input " + l +
              " (the same file): a tool never writes over its own input; give the output "
              "another path");
    CHECK(refusal(inputs, {{"-o", dir.path() + "/hard.csv"}}).find("(the same file)") !=
          std::string::npos);
    CHECK(refusal(inputs, {{"-o", dir.path() + "/./l.csv"}}).find("is the input") !=
          std::string::npos);
    // Another file, a new one, or a path an input names that does not exist: accepted.
    CHECK(refusal(inputs, {{"-o", other}, {"--rejects", dir.path() + "/new.csv"}}).empty());
    CHECK(refusal(inputs, {{"-o", dir.path() + "/missing.csv"}}).empty());

    // Two outputs: the same new file by two spellings, or the same existing file.
    CHECK(refusal({}, {{"-o", dir.path() + "/same.txt"},
                       {"--rejects", dir.path() + "/sub/../same.txt"}}) ==
          "-o " + dir.path() + "/same.txt and --rejects " + dir.path() +
              "/sub/../same.txt are the same file: give each output its own path");
    CHECK(!refusal({}, {{"-o", other}, {"--rejects", other}}).empty());
    // A device is written to, not replaced, as is standard output: either may be named twice.
    CHECK(refusal({}, {{"-o", "/dev/null"}, {"--rejects", "/dev/null"}}).empty());
    CHECK(refusal({"/dev/null"}, {{"-o", "/dev/null"}}).empty());
}

TEST_CASE("run files: outputs are put in place on commit, and left as they were without it") {
    test::TempDir dir;
    const std::string kept = dir.file("kept.txt", "old");
    ::chmod(kept.c_str(), 0600);
    {
        OutputFiles files;
        files.write(kept, "new");
        files.write(dir.path() + "/fresh.txt", "fresh");
        // Not committed: the old file as it was, no new file, no temporary file.
    }
    CHECK(slurp(kept) == "old");
    std::size_t entries = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir.path()))
        entries += e.is_regular_file();
    CHECK(entries == 1);

    {
        OutputFiles files;
        files.write(kept, "new");
        files.write(dir.path() + "/fresh.txt", "fresh");
        files.commit();
    }
    CHECK(slurp(kept) == "new");
    CHECK(slurp(dir.path() + "/fresh.txt") == "fresh");
    struct stat st {};
    REQUIRE(::stat(kept.c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0600); // the replaced file's mode carries over

    // A directory as the output is refused at once, naming it.
    OutputFiles files;
    CHECK_THROWS_WITH_AS(files.write(dir.path(), "x"),
                         "is a directory, not a file: give the path of the file to write", Error);
}

TEST_CASE("run files: the folders made for outputs go again when the run does not commit") {
    test::TempDir dir;
    namespace fs = std::filesystem;
    const fs::path deep = fs::path(dir.path()) / "statements" / "P06";
    bool said = false;
    {
        OutputFiles files;
        files.make_directories(deep, "check the output");
        CHECK(fs::is_directory(deep));
        files.write((deep / "recon-P06.txt").string(), "statement");
        files.after_commit([&] { said = true; });
        // Not committed (the run failed): neither file nor folders, and nothing said.
    }
    CHECK_FALSE(fs::exists(fs::path(dir.path()) / "statements"));
    CHECK_FALSE(said);
    {
        OutputFiles files;
        files.make_directories(deep, "check the output");
        files.write((deep / "recon-P06.txt").string(), "statement");
        files.after_commit([&] { said = true; });
        files.commit();
    }
    CHECK(slurp((deep / "recon-P06.txt").string()) == "statement");
    CHECK(said);
    // A folder that was there before is never removed.
    {
        OutputFiles files;
        files.make_directories(deep, "check the output");
    }
    CHECK(fs::is_directory(deep));
    // A folder that cannot be made is refused, naming it, with the caller's hint.
    const std::string file = dir.file("plain", "x");
    OutputFiles files;
    CHECK_THROWS_WITH_AS(files.make_directories(fs::path(file) / "sub", "check the output"),
                         doctest::Contains("cannot make the folder"), Error);
}
