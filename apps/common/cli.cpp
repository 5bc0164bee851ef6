#include "cli.hpp"

#include "money/error.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <iostream>
#include <malloc.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>
#include <utility>

namespace poolkit::cli {

void describe_tool(CLI::App& app, std::string_view tool) {
    app.set_version_flag("--version", fmt::format("{} (poolkit) {}", tool, POOLKIT_VERSION));
    app.footer("Exit status: 0 done and clean; 1 done with findings; 2 could not run.\n"
               "poolkit " POOLKIT_VERSION " - see README.md and SPEC.md");
}

void add_output_options(CLI::App& app, OutputOptions& opts, std::vector<std::string> formats) {
    std::string list;
    for (const auto& f : formats)
        list += (list.empty() ? "" : "|") + f;
    app.add_option("--format", opts.format, "output format: " + list)
        ->check(CLI::IsMember(formats))
        ->default_str("text");
    app.add_option("-o,--output", opts.output, "write the output to FILE (atomically); - is stdout")
        ->type_name("FILE");
}

OutputFile::OutputFile(const std::string& path) : path_(path) {
    if (path == "-") return;
    namespace fs = std::filesystem;
    fs::path target(path);
    // A symbolic link stays a link: its target is what gets replaced.
    std::error_code ec;
    if (fs::is_symlink(fs::symlink_status(target, ec))) {
        fs::path resolved = fs::weakly_canonical(target, ec);
        if (!ec) target = resolved;
    }
    target_ = target.string();
    // A device or a FIFO (-o /dev/null, /dev/stderr, a named pipe) is written to as it is:
    // renaming a temporary file over it would replace the device node itself.
    struct stat st {};
    if (::stat(target.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
        fd_ = ::open(target.c_str(), O_WRONLY | O_CLOEXEC);
        if (fd_ < 0)
            throw Error(ErrorKind::input, {path, 0, 0},
                        fmt::format("cannot open the output: {}", std::strerror(errno)));
        device_ = true;
        return;
    }
    fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    tmpl_ = (dir / ("." + target.filename().string() + ".tmp.XXXXXX")).string();
    std::vector<char> name(tmpl_.begin(), tmpl_.end());
    name.push_back('\0');
    // Where the file system allows, the temporary file has no name until it is complete, so a
    // run killed while writing (SIGKILL, a crash, a full disk) leaves nothing behind; elsewhere
    // it is a hidden file named after the target.
    mask_ = ::umask(0);
    ::umask(mask_);
    fd_ = ::access("/proc/self/fd", X_OK) == 0
              ? ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666 & ~mask_)
              : -1;
    unnamed_ = fd_ >= 0;
    if (!unnamed_) {
        fd_ = ::mkstemp(name.data());
        name_ = name.data();
    }
    if (fd_ < 0)
        throw Error(ErrorKind::input, {path, 0, 0},
                    fmt::format("cannot create the output file: {} (does the directory exist and "
                                "can you write to it?)",
                                std::strerror(errno)));
}

OutputFile::~OutputFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_ && !name_.empty()) ::unlink(name_.c_str());
}

void OutputFile::fail(const char* what) {
    int err = errno;
    ::close(fd_);
    fd_ = -1;
    if (!name_.empty()) ::unlink(name_.c_str());
    name_.clear();
    throw Error(ErrorKind::input, {path_, 0, 0},
                device_ ? fmt::format("{}: {}", what, std::strerror(err))
                        : fmt::format("{}: {}; the old file, if any, is left as it was", what,
                                      std::strerror(err)));
}

void OutputFile::write(std::string_view content) {
    if (path_ == "-") {
        std::fwrite(content.data(), 1, content.size(), stdout);
        if (std::ferror(stdout))
            throw Error(ErrorKind::input, "could not write to standard output");
        return;
    }
    const char* p = content.data();
    std::size_t left = content.size();
    while (left > 0) {
        ssize_t n = ::write(fd_, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail(device_ ? "cannot write the output" : "cannot write the output file");
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
}

void OutputFile::commit() {
    if (path_ == "-") {
        std::fflush(stdout);
        if (std::ferror(stdout))
            throw Error(ErrorKind::input, "could not write to standard output");
        committed_ = true;
        return;
    }
    if (device_) {
        int fd = std::exchange(fd_, -1);
        if (::close(fd) != 0)
            throw Error(ErrorKind::input, {path_, 0, 0},
                        fmt::format("cannot write the output: {}", std::strerror(errno)));
        committed_ = true;
        return;
    }
    ::fchmod(fd_, 0666 & ~mask_);
    if (::fsync(fd_) != 0 && errno != EINVAL) fail("cannot write the output file");
    if (unnamed_) {
        // Complete: give it a free hidden name beside the target (linkat through /proc, as
        // open(2) shows for O_TMPFILE), then rename that over the target as below.
        std::string self = "/proc/self/fd/" + std::to_string(fd_);
        bool linked = false;
        for (int attempt = 0; attempt < 100 && !linked; ++attempt) {
            std::string candidate = tmpl_.substr(0, tmpl_.size() - 6) + std::to_string(::getpid()) +
                                    "." + std::to_string(attempt);
            linked = ::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, candidate.c_str(),
                              AT_SYMLINK_FOLLOW) == 0;
            if (linked)
                name_ = candidate;
            else if (errno != EEXIST)
                break;
        }
        if (!linked) fail("cannot name the output file");
    }
    if (::close(std::exchange(fd_, -1)) != 0) {
        ::unlink(name_.c_str());
        name_.clear();
        throw Error(ErrorKind::input, {path_, 0, 0}, "cannot write the output file");
    }
    if (std::rename(name_.c_str(), target_.c_str()) != 0) {
        int err = errno;
        ::unlink(name_.c_str());
        name_.clear();
        throw Error(ErrorKind::input, {path_, 0, 0},
                    fmt::format("cannot replace the output file: {}", std::strerror(err)));
    }
    committed_ = true;
}

void write_output(const std::string& path, std::string_view content) {
    OutputFile out(path);
    out.write(content);
    out.commit();
}

std::vector<std::string> recorded_arguments(int argc, const char* const* argv) {
    // Options whose value only says where or how to write (or how fast to read): the same
    // statement whatever they are.
    static const std::vector<std::string> output_only{"-o",      "--output",  "--format",
                                                      "--table", "--rejects", "--threads"};
    std::vector<std::string> kept;
    bool positional_only = false; // after "--" every argument is a positional one
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (positional_only) {
            kept.push_back(arg);
            continue;
        }
        if (arg == "--") {
            positional_only = true;
            kept.push_back(arg);
            continue;
        }
        bool dropped = false;
        for (const auto& opt : output_only) {
            if (arg == opt) { // "--format json": the value is the next argument
                ++i;
                dropped = true;
            } else if (arg.rfind(opt + "=", 0) == 0 ||
                       (opt == "-o" && arg.size() > 2 && arg.rfind("-o", 0) == 0)) {
                dropped = true; // "--format=json", "-oFILE"
            }
            if (dropped) break;
        }
        if (!dropped) kept.push_back(arg);
    }
    return kept;
}

RunRecord run_record(std::string_view tool, int argc, const char* const* argv) {
    return RunRecord{std::string(tool), recorded_arguments(argc, argv), {}};
}

void report_error(std::string_view tool, std::string_view message) {
    std::cerr << tool << ": error: " << message << '\n';
}

// SPEC §5: could not run (exit 2), said as what it is.
constexpr const char* not_enough =
    "not enough memory or threads to run: free some, or raise the limit (ulimit -v, ulimit -u)";

int run(CLI::App& app, int argc, char** argv, const std::function<int()>& body) {
    const std::string tool = app.get_name();
    // Under an address-space limit (ulimit -v) every thread's own malloc arena would reserve
    // 64 MiB of it, enough to starve the run at some limits where one arena fits: use one.
    struct rlimit lim {};
    if (::getrlimit(RLIMIT_AS, &lim) == 0 && lim.rlim_cur != RLIM_INFINITY)
        ::mallopt(M_ARENA_MAX, 1);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        std::cout << app.help();
        return exit_clean;
    } catch (const CLI::CallForAllHelp&) {
        std::cout << app.help("", CLI::AppFormatMode::All);
        return exit_clean;
    } catch (const CLI::CallForVersion& e) {
        std::cout << e.what() << '\n';
        return exit_clean;
    } catch (const CLI::ParseError& e) {
        report_error(tool, e.what());
        std::cerr << "Run '" << tool << " --help' for usage.\n";
        return exit_failure;
    } catch (const std::bad_alloc&) {
        report_error(tool, not_enough);
        return exit_failure;
    }
    try {
        return body();
    } catch (const Error& e) {
        if (e.where().file.empty())
            report_error(tool, e.what());
        else
            std::cerr << e.formatted() << '\n';
        if (e.kind() == ErrorKind::invariant)
            std::cerr << tool << ": this is a bug in poolkit; please report it with the inputs.\n";
        return e.kind() == ErrorKind::findings ? exit_findings : exit_failure;
    } catch (const std::bad_alloc&) {
        report_error(tool, not_enough);
        return exit_failure;
    } catch (const std::system_error& e) {
        // A thread or a mapping the system would not give (EAGAIN, ENOMEM): a resource, not a bug.
        if (e.code() == std::errc::resource_unavailable_try_again ||
            e.code() == std::errc::not_enough_memory) {
            report_error(tool, fmt::format("{} ({})", not_enough, e.what()));
            return exit_failure;
        }
        report_error(
            tool, fmt::format("internal error: {} (a bug in poolkit; please report it)", e.what()));
        return exit_failure;
    } catch (const std::exception& e) {
        report_error(
            tool, fmt::format("internal error: {} (a bug in poolkit; please report it)", e.what()));
        return exit_failure;
    }
}

} // namespace poolkit::cli
