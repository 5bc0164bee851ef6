#include "poolkit_commands.hpp"

#include "cli.hpp"
#include "support/child_process.hpp"
#include "support/error.hpp"
#include "support/text.hpp"
#include "support/version.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string_view>
#include <unistd.h>

namespace poolkit::cli {

namespace fs = std::filesystem;

namespace {

std::string tool_name(const std::string& command) {
    return command.starts_with("pool-") ? command : "pool-" + command;
}

// What a tool does: the first line of its description (tools.hpp), or of the --help of a tool
// not in that table, to its first full stop.
std::string brief(const std::string& program, const std::string& name) {
    std::string line;
    auto known = std::find_if(std::begin(tools), std::end(tools),
                              [&](const ToolInfo& t) { return t.name == name; });
    if (known != std::end(tools))
        line = std::string(known->description);
    else
        line = run_child(program, {"--help"}, ".", std::chrono::seconds(10)).out;
    line = line.substr(0, line.find('\n'));
    if (auto stop = line.find(". "); stop != std::string::npos) line.resize(stop);
    if (auto spec = line.find(" (SPEC"); spec != std::string::npos) line.resize(spec);
    if (!line.empty() && line.back() == '.') line.pop_back();
    return line;
}

[[noreturn]] void exec_or_fail(const std::string& program, std::vector<std::string> argv) {
    std::vector<char*> ptrs;
    for (auto& a : argv)
        ptrs.push_back(a.data());
    ptrs.push_back(nullptr);
    if (program.find('/') != std::string::npos)
        ::execv(program.c_str(), ptrs.data());
    else
        ::execvp(program.c_str(), ptrs.data());
    throw Error(ErrorKind::input, fmt::format("cannot run {}: {}", program, std::strerror(errno)));
}

} // namespace

std::vector<std::string> tool_commands() {
    std::vector<std::string> out;
    std::error_code ec;
    const std::string dir = program_directory();
    if (dir.empty()) return out;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        const std::string name = e.path().filename().string();
        if (name.starts_with("pool-") && e.is_regular_file(ec) &&
            ::access(e.path().c_str(), X_OK) == 0)
            out.push_back(name.substr(5));
    }
    std::sort(out.begin(), out.end());
    return out;
}

void list_commands() {
    std::string text = fmt::format(
        "poolkit {}: the accounts of NHS and local-authority shared budgets.\n"
        "Usage: poolkit COMMAND [ARGS...]   (poolkit recon ARGS runs pool-recon ARGS)\n\n"
        "Commands:\n",
        poolkit_version);
    const std::string dir = program_directory();
    for (const auto& c : tool_commands())
        text += fmt::format("  {:<9} {}\n", c, brief(dir + "/pool-" + c, "pool-" + c));
    text += fmt::format("  {:<9} {}\n", "init",
                        "write a starter agreement.toml and pool.toml here "
                        "(--kind pooled|aligned|joint [--partners A,B,...])");
    text += fmt::format("  {:<9} {}\n", "help",
                        "a command's manual page or --help: poolkit help recon");
    text += "\nOptions:\n  -h,--help   print this list and exit\n"
            "  --version   print poolkit's version and exit\n"
            "\nEvery tool is also a command of its own (pool-recon). See poolkit(1).\n";
    std::cout << text;
}

int exec_tool(const std::string& command, const std::vector<std::string>& args) {
    const std::string tool = tool_name(command);
    const auto commands = tool_commands();
    if (std::find(commands.begin(), commands.end(), tool.substr(5)) == commands.end()) {
        std::vector<std::string_view> names(commands.begin(), commands.end());
        names.push_back("init");
        names.push_back("help");
        report_error("poolkit", fmt::format("no command '{}'{} (poolkit alone lists the commands)",
                                            command, did_you_mean(command, names)));
        return exit_failure;
    }
    std::vector<std::string> argv{tool};
    argv.insert(argv.end(), args.begin(), args.end());
    try {
        exec_or_fail(program_directory() + "/" + tool, argv);
    } catch (const Error& e) {
        report_error("poolkit", e.what());
        return exit_failure;
    }
}

int show_help(const std::string& command) {
    const std::string tool = tool_name(command);
    const fs::path man1 = fs::path(program_directory()).parent_path() / "share/man/man1";
    std::error_code ec;
    if (::isatty(1))
        for (const char* ext : {".1.gz", ".1"}) {
            const fs::path page = man1 / (tool + ext);
            if (!fs::is_regular_file(page, ec)) continue;
            try {
                exec_or_fail("man", {"man", "-l", page.string()});
            } catch (const Error&) {
                break; // no man: the tool's --help instead
            }
        }
    return exec_tool(command, {"--help"});
}

} // namespace poolkit::cli
