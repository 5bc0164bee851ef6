#include "run_output.hpp"

namespace poolkit::cli {

namespace {

OutputFiles* current = nullptr; // the run's, while a CommitScope is alive

// Does `f` to the run's outputs, or, outside a run (a test), to outputs of its own committed at
// once.
template <class F> void with_outputs(F f) {
    if (current) {
        f(*current);
        return;
    }
    OutputFiles files;
    f(files);
    files.commit();
}

} // namespace

CommitScope::CommitScope(OutputFiles& files) : previous_(current) {
    current = &files;
}

CommitScope::~CommitScope() {
    current = previous_;
}

void write_output(const std::string& path, std::string_view content) {
    write_output(path, [&](const PutPiece& put) { put(content); });
}

void write_output(const std::string& path, const Producer& produce) {
    with_outputs([&](OutputFiles& files) { files.write(path, produce); });
}

void make_output_directories(const std::string& dir, std::string_view hint) {
    with_outputs([&](OutputFiles& files) { files.make_directories(dir, hint); });
}

void after_outputs_committed(std::function<void()> fn) {
    if (current)
        current->after_commit(std::move(fn));
    else
        fn();
}

} // namespace poolkit::cli
