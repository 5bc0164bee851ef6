#include "run_output.hpp"

namespace poolkit::cli {

namespace {

OutputFiles* current = nullptr; // the run's, while a CommitScope is alive

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
    if (current) {
        current->write(path, produce);
        return;
    }
    OutputFiles files;
    files.write(path, produce);
    files.commit();
}

void make_output_directories(const std::string& dir, std::string_view hint) {
    if (current) {
        current->make_directories(dir, hint);
        return;
    }
    OutputFiles files;
    files.make_directories(dir, hint);
    files.commit();
}

void after_outputs_committed(std::function<void()> fn) {
    if (current)
        current->after_commit(std::move(fn));
    else
        fn();
}

} // namespace poolkit::cli
