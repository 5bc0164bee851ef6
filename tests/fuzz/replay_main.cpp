// Replays a fuzz target's corpus without libFuzzer (any compiler): every file named on the command
// line, or found under a directory named there, is fed once to LLVMFuzzerTestOneInput. A crash, a
// sanitizer report or a broken property aborts the run, so CTest fails and names the input last
// printed with -v. Used as the CTest "fuzz/<target>" tests (tests/fuzz/CMakeLists.txt).
#include "fuzz_target.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    std::vector<fs::path> inputs;
    bool verbose = false;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "-v") {
            verbose = true;
            continue;
        }
        fs::path p(arg);
        if (fs::is_directory(p)) {
            for (const auto& e : fs::recursive_directory_iterator(p))
                if (e.is_regular_file()) inputs.push_back(e.path());
        } else if (fs::is_regular_file(p)) {
            inputs.push_back(p);
        } else {
            std::cerr << "replay: no such file or directory: " << arg << '\n';
            return 2;
        }
    }
    std::sort(inputs.begin(), inputs.end());
    for (const auto& p : inputs) {
        if (verbose) std::cerr << "replay: " << p.string() << std::endl;
        std::ifstream in(p, std::ios::binary);
        std::vector<char> bytes((std::istreambuf_iterator<char>(in)),
                                std::istreambuf_iterator<char>());
        if (!in.good() && !in.eof()) {
            std::cerr << "replay: cannot read " << p.string() << '\n';
            return 2;
        }
        // A heap copy of exactly the input's size, as libFuzzer gives it (overreads are caught).
        std::vector<std::uint8_t> data(bytes.begin(), bytes.end());
        LLVMFuzzerTestOneInput(data.empty() ? nullptr : data.data(), data.size());
    }
    std::cout << "replayed " << inputs.size() << " inputs\n";
    return inputs.empty() ? 1 : 0;
}
