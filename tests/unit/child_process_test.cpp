// Running a tool again as a child (pool-verify): its output and exit status, and a time limit that
// ends the child's whole process group.
#include "support/child_process.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <string>
#include <thread>

using namespace poolkit;

namespace {

// Whether process `pid` has ended (gone, or a zombie left for init to reap), waiting up to 5 s for
// the SIGKILL to land.
bool ended(long pid) {
    for (int i = 0; i < 500; ++i) {
        std::ifstream status("/proc/" + std::to_string(pid) + "/status");
        std::string line;
        bool running = false;
        while (std::getline(status, line))
            if (line.rfind("State:", 0) == 0) running = line.find('Z') == std::string::npos;
        if (!running) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
}

} // namespace

TEST_CASE("child process: output, errors and exit status are captured") {
    ChildResult r = run_child("/bin/sh", {"-c", "echo out; echo err >&2; exit 3"}, ".",
                              std::chrono::seconds(60));
    CHECK(!r.timed_out);
    CHECK(r.exit_code == 3);
    CHECK(r.out == "out\n");
    CHECK(r.err == "err\n");
    // Standard input is /dev/null, and the directory is the one asked for.
    r = run_child("/bin/sh", {"-c", "cat; pwd"}, "/", std::chrono::seconds(60));
    CHECK(r.exit_code == 0);
    CHECK(r.out == "/\n");
}

TEST_CASE("child process: past the time limit the whole process group is killed") {
    // The shell starts a second process in its group, says its id, and would wait 30 s.
    ChildResult r =
        run_child("/bin/sh", {"-c", "sleep 30 & echo $!; wait"}, ".", std::chrono::seconds(1));
    CHECK(r.timed_out);
    CHECK(r.exit_code == -1);
    REQUIRE(!r.out.empty());
    CHECK(ended(std::stol(r.out)));
}

TEST_CASE("child process: a directory or program it cannot start with is said by the child") {
    const ChildStartMessages said{"no such directory\n", "no such program\n"};
    ChildResult r = run_child("/bin/sh", {"-c", "exit 0"}, "no-such-directory-here",
                              std::chrono::seconds(60), said);
    CHECK(r.exit_code == 127);
    CHECK(r.err == "no such directory\n");
    r = run_child("no-such-program-here", {}, ".", std::chrono::seconds(60), said);
    CHECK(r.exit_code == 127);
    CHECK(r.err == "no such program\n");
}
