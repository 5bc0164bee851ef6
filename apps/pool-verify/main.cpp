// pool-verify STATEMENT.json: recomputes a statement from the run it records (issue 7, SPEC §5):
// checks each recorded input is there with its recorded size and SHA-256, runs the tool that made
// the statement again on them with the recorded arguments, and compares every figure. Exit 0
// identical; 1 a figure differs; 2 could not verify (an input missing or changed, not a statement,
// the tool failed).
#include "cli.hpp"

#include "calc/compare_figures.hpp"
#include "money/error.hpp"
#include "readers/input_source.hpp"
#include "readers/json_reader.hpp"
#include "readers/verify_inputs.hpp"
#include "writers/verify_report.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <iostream>
#include <poll.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace poolkit;

namespace {

// The tool that writes each schema: pool-verify re-runs only these.
const std::vector<std::pair<std::string, std::string>> known_schemas{
    {"poolkit.shares/1", "pool-shares"},
    {"poolkit.actuals/1", "pool-actuals"},
    {"poolkit.recon/1", "pool-recon"},
    {"poolkit.recon/2", "pool-recon"}, // SPEC §5: version 2; both are read
    {"poolkit.settle/1", "pool-settle"},
    {"poolkit.settle/2", "pool-settle"},
    {"poolkit.check/1", "pool-check"}};

// What a statement records of its run, read back; anything missing or misshapen is Error(input).
struct Recorded {
    std::string schema, tool, version;
    RunRecord run;
};

std::string string_member(const JsonValue& doc, const char* key, const std::string& file) {
    const JsonValue* v = doc.find(key);
    if (!v || v->type != JsonValue::Type::string)
        throw Error(ErrorKind::input, {file, 0, 0},
                    fmt::format("not a poolkit statement: no \"{}\" string (pool-verify checks "
                                "the JSON statements of pool-shares, pool-actuals, pool-recon, "
                                "pool-settle and pool-check; make it again with this poolkit)",
                                key));
    return v->text;
}

Recorded read_record(const JsonValue& doc, const std::string& file) {
    if (doc.type != JsonValue::Type::object)
        throw Error(ErrorKind::input, {file, 0, 0}, "not a poolkit statement: not a JSON object");
    Recorded r;
    r.schema = string_member(doc, "schema", file);
    std::string expected;
    for (const auto& [schema, tool] : known_schemas)
        if (schema == r.schema) expected = tool;
    if (expected.empty())
        throw Error(
            ErrorKind::input, {file, 0, 0},
            fmt::format("unknown schema \"{}\": pool-verify knows poolkit.shares/1, "
                        "poolkit.actuals/1, poolkit.recon/1 and /2, poolkit.settle/1 and /2 "
                        "and poolkit.check/1",
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
    std::vector<const char*> argv{"tool"};
    for (const auto& arg : r.run.arguments)
        argv.push_back(arg.c_str());
    if (cli::recorded_arguments(static_cast<int>(argv.size()), argv.data()) != r.run.arguments)
        throw Error(ErrorKind::input, {file, 0, 0},
                    "not a poolkit statement: its \"arguments\" choose where output goes (-o, "
                    "--format, --table, --rejects or --threads), which a tool never records");
    const JsonValue* inputs = doc.find("inputs");
    if (!inputs || inputs->type != JsonValue::Type::array)
        throw Error(ErrorKind::input, {file, 0, 0}, "not a poolkit statement: no \"inputs\" array");
    for (std::size_t i = 0; i < inputs->items.size(); ++i) {
        const JsonValue& in = inputs->items[i];
        const JsonValue* path = in.find("path");
        const JsonValue* sha = in.find("sha256");
        const JsonValue* bytes = in.find("bytes");
        const JsonValue* role = in.find("role");
        if (in.type != JsonValue::Type::object || !path || path->type != JsonValue::Type::string ||
            !sha || sha->type != JsonValue::Type::string || !bytes ||
            bytes->type != JsonValue::Type::number ||
            bytes->text.find_first_not_of("0123456789") != std::string::npos ||
            bytes->text.size() > 18)
            throw Error(ErrorKind::input, {file, 0, 0},
                        fmt::format("not a poolkit statement: inputs[{}] needs a \"path\", a "
                                    "\"sha256\" and a whole number of \"bytes\"",
                                    i));
        InputFile f;
        f.role = role && role->type == JsonValue::Type::string ? role->text : "input";
        f.path = path->text;
        f.sha256 = sha->text;
        f.bytes = std::stoull(bytes->text);
        r.run.inputs.push_back(std::move(f));
    }
    return r;
}

struct Captured {
    int exit_code = -1; // -1: killed by a signal
    std::string out, err;
};

// Runs `program` with `args` in directory `cwd` (no shell, standard input /dev/null), capturing
// its standard output and error through pipes.
Captured run_program(const std::string& program, const std::vector<std::string>& args,
                     const std::string& cwd) {
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(program.c_str()));
    for (const auto& a : args)
        argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);

    int out_pipe[2], err_pipe[2];
    if (::pipe2(out_pipe, O_CLOEXEC) != 0) throw Error(ErrorKind::input, "cannot create a pipe");
    if (::pipe2(err_pipe, O_CLOEXEC) != 0) {
        ::close(out_pipe[0]);
        ::close(out_pipe[1]);
        throw Error(ErrorKind::input, "cannot create a pipe");
    }
    pid_t pid = ::fork();
    if (pid < 0) {
        for (int fd : {out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]})
            ::close(fd);
        throw Error(ErrorKind::input,
                    fmt::format("cannot start {}: {}", program, std::strerror(errno)));
    }
    if (pid == 0) { // the child: only async-signal-safe calls from here
        int devnull = ::open("/dev/null", O_RDONLY);
        if (devnull >= 0) ::dup2(devnull, 0);
        ::dup2(out_pipe[1], 1);
        ::dup2(err_pipe[1], 2);
        if (::chdir(cwd.c_str()) != 0) {
            const char msg[] = "pool-verify: cannot change to the --base directory\n";
            (void)!::write(2, msg, sizeof msg - 1);
            ::_exit(127);
        }
        ::execv(program.c_str(), argv.data());
        const char msg[] = "pool-verify: cannot run the tool\n";
        (void)!::write(2, msg, sizeof msg - 1);
        ::_exit(127);
    }
    ::close(out_pipe[1]);
    ::close(err_pipe[1]);
    Captured c;
    pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
    std::string* sinks[2] = {&c.out, &c.err};
    int open_fds = 2;
    char buf[1 << 16];
    while (open_fds > 0) {
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            ssize_t n = ::read(fds[i].fd, buf, sizeof buf);
            if (n > 0) {
                sinks[i]->append(buf, static_cast<std::size_t>(n));
            } else if (n == 0 || errno != EINTR) {
                ::close(fds[i].fd);
                fds[i].fd = -1;
                --open_fds;
            }
        }
    }
    for (auto& f : fds)
        if (f.fd >= 0) ::close(f.fd);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    c.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return c;
}

std::string this_directory() {
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) throw Error(ErrorKind::input, "cannot find where pool-verify is installed");
    return exe.parent_path().string();
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"Recompute a JSON statement from the inputs and arguments it records and report "
                 "any difference: an input missing or changed (exit 2, each one named), a figure "
                 "that differs (exit 1, each one listed), or identical (exit 0).",
                 "pool-verify"};
    cli::describe_tool(app, "pool-verify");
    std::string statement_path, base;
    app.add_option("STATEMENT", statement_path,
                   "a JSON statement of pool-shares, pool-actuals, pool-recon, pool-settle or "
                   "pool-check (- reads standard input)")
        ->required();
    app.add_option("--base", base,
                   "resolve the statement's relative input paths against DIR (an auditor's copy "
                   "of the inputs) and run the tool there; default: the current directory")
        ->type_name("DIR");

    return cli::run(app, argc, argv, [&]() -> int {
        const std::string name = statement_path == "-" ? "<stdin>" : statement_path;
        InputText text = read_input(statement_path, "statement");
        JsonValue doc = parse_json(text.text, name);
        Recorded rec = read_record(doc, name);

        struct stat st {};
        if (!base.empty() && (::stat(base.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)))
            throw Error(ErrorKind::usage,
                        fmt::format("--base {}: not a directory (give the directory that holds "
                                    "the copied inputs at their recorded relative paths)",
                                    base));

        // Every input as recorded, or the statement cannot be recomputed from them.
        std::size_t problems = 0;
        for (const auto& in : rec.run.inputs) {
            InputCheck c = check_input(in, base);
            if (c.status == InputCheck::Status::same) continue;
            std::cerr << "pool-verify: " << c.problem << '\n';
            ++problems;
        }
        if (problems > 0)
            throw Error(ErrorKind::input,
                        fmt::format("{}: cannot be recomputed: {} of its {} input{} {} not as "
                                    "recorded (above)",
                                    name, problems, rec.run.inputs.size(),
                                    rec.run.inputs.size() == 1 ? "" : "s",
                                    problems == 1 ? "is" : "are"));

        const std::string program = this_directory() + "/" + rec.run.tool;
        if (::access(program.c_str(), X_OK) != 0)
            throw Error(ErrorKind::input,
                        fmt::format("cannot run {}: it is not next to pool-verify ({})",
                                    rec.run.tool, program));
        // The output options first: after the recorded ones a "--" would make them positional.
        std::vector<std::string> args{"--format", "json", "-o", "-"};
        args.insert(args.end(), rec.run.arguments.begin(), rec.run.arguments.end());
        Captured redo = run_program(program, args, base.empty() ? "." : base);
        // Exit 1 is a tool's findings (rejected lines, an invalid agreement): its statement is
        // still there to compare.
        if (redo.exit_code != 0 && redo.exit_code != 1) {
            std::cerr << redo.err;
            throw Error(ErrorKind::input,
                        fmt::format("{} could not recompute {} ({}; its messages are above)",
                                    rec.run.tool, name,
                                    redo.exit_code < 0 ? std::string("killed by a signal")
                                                       : fmt::format("exit {}", redo.exit_code)));
        }
        if (redo.out.empty()) {
            std::cerr << redo.err;
            throw Error(ErrorKind::input,
                        fmt::format("{} wrote no statement when run again (its messages are "
                                    "above)",
                                    rec.run.tool));
        }
        JsonValue again = parse_json(redo.out, "the output of " + rec.run.tool);

        // A statement of an earlier schema version (SPEC §5) is checked on the figures both
        // versions carry; the report says how many it could not compare.
        const JsonValue* schema_now = again.find("schema");
        const bool older = !schema_now || schema_now->text != rec.schema;
        FigureComparison cmp = compare_figures(flatten_json(doc), flatten_json(again), older);
        if (older)
            std::cerr << fmt::format("pool-verify: note: {} is a {} statement; this poolkit writes "
                                     "{}: the {} figures both carry are compared, {} that only "
                                     "one of them has are not\n",
                                     name, rec.schema, schema_now ? schema_now->text : "?",
                                     cmp.compared, cmp.not_compared);
        std::cout << verify_report(name, cmp, rec.run.inputs.size(),
                                   rec.run.tool + " " + rec.version);
        return cmp.identical() ? cli::exit_clean : cli::exit_findings;
    });
}
