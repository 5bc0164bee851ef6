// poolkit COMMAND [ARGS...]: the one entry point (SPEC §5). `poolkit recon ...` runs pool-recon
// beside it, `poolkit help recon` shows its manual, `poolkit init` writes a starter agreement and
// workspace; `poolkit` alone lists the commands.
#include "poolkit_commands.hpp"
#include "poolkit_init.hpp"

#include "support/version.hpp"

#include <iostream>
#include <string>
#include <vector>

using namespace poolkit;

int main(int argc, char** argv) {
    const std::string command = argc > 1 ? argv[1] : "";
    if (command.empty() || command == "--help" || command == "-h" ||
        (command == "help" && argc == 2)) {
        cli::list_commands();
        return 0;
    }
    if (command == "--version") {
        std::cout << "poolkit " << poolkit_version << '\n';
        return 0;
    }
    if (command == "init") return cli::poolkit_init(argc - 1, argv + 1);
    if (command == "help") {
        const std::string topic = argv[2];
        if (topic == "init") {
            char help[] = "--help";
            char* args[] = {argv[2], help, nullptr};
            return cli::poolkit_init(2, args);
        }
        return cli::show_help(topic);
    }
    return cli::exec_tool(command, std::vector<std::string>(argv + 2, argv + argc));
}
