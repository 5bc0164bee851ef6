#include "support/child_process.hpp"

#include "support/error.hpp"
#include "support/fd_io.hpp"

#include <fmt/format.h>

#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace poolkit {

namespace {

constexpr std::array<int, 4> ending_signals{SIGINT, SIGTERM, SIGHUP, SIGQUIT};

volatile std::sig_atomic_t caught = 0; // the ending signal that arrived while the child ran

extern "C" void note_signal(int sig) {
    caught = sig;
}

// While alive: the ending signals are caught (and blocked outside ppoll, so none is missed between
// two checks); on leaving, the dispositions and mask as they were.
class SignalGuard {
  public:
    SignalGuard() {
        sigset_t ending;
        sigemptyset(&ending);
        for (int sig : ending_signals)
            sigaddset(&ending, sig);
        sigprocmask(SIG_BLOCK, &ending, &outside_);
        struct sigaction sa {};
        sa.sa_handler = note_signal;
        sigemptyset(&sa.sa_mask);
        for (std::size_t i = 0; i < ending_signals.size(); ++i)
            sigaction(ending_signals[i], &sa, &previous_[i]);
        caught = 0;
    }
    ~SignalGuard() {
        for (std::size_t i = 0; i < ending_signals.size(); ++i)
            sigaction(ending_signals[i], &previous_[i], nullptr);
        sigprocmask(SIG_SETMASK, &outside_, nullptr);
    }
    SignalGuard(const SignalGuard&) = delete;
    SignalGuard& operator=(const SignalGuard&) = delete;

    const sigset_t& outside() const { return outside_; } // the mask to wait with

  private:
    sigset_t outside_;
    std::array<struct sigaction, ending_signals.size()> previous_;
};

void close_all(std::initializer_list<int> fds) {
    for (int fd : fds)
        if (fd >= 0) ::close(fd);
}

// Kills the child's process group and reaps the child.
int kill_and_reap(pid_t pid) {
    ::kill(-pid, SIGKILL);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return status;
}

} // namespace

ChildResult run_child(const std::string& program, const std::vector<std::string>& args,
                      const std::string& cwd, std::chrono::milliseconds limit,
                      const ChildStartMessages& messages) {
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(program.c_str()));
    for (const auto& a : args)
        argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);

    int out_pipe[2] = {-1, -1}, err_pipe[2] = {-1, -1};
    if (::pipe2(out_pipe, O_CLOEXEC) != 0 || ::pipe2(err_pipe, O_CLOEXEC) != 0) {
        close_all({out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]});
        throw Error(ErrorKind::input, "cannot create a pipe");
    }
    const auto deadline = std::chrono::steady_clock::now() + limit;
    SignalGuard guard;
    const pid_t parent = ::getpid();
    pid_t pid = ::fork();
    if (pid < 0) {
        int err = errno;
        close_all({out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]});
        throw Error(ErrorKind::input,
                    fmt::format("cannot start {}: {}", program, std::strerror(err)));
    }
    if (pid == 0) { // the child: only async-signal-safe calls from here
        ::setpgid(0, 0);
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) ::_exit(127); // the parent is already gone
        for (int sig : ending_signals)
            ::signal(sig, SIG_DFL);
        ::sigprocmask(SIG_SETMASK, &guard.outside(), nullptr);
        int devnull = ::open("/dev/null", O_RDONLY);
        if (devnull >= 0) ::dup2(devnull, 0);
        ::dup2(out_pipe[1], 1);
        ::dup2(err_pipe[1], 2);
        if (::chdir(cwd.c_str()) != 0) {
            (void)!::write(2, messages.no_directory.data(), messages.no_directory.size());
            ::_exit(127);
        }
        ::execv(program.c_str(), argv.data());
        (void)!::write(2, messages.no_program.data(), messages.no_program.size());
        ::_exit(127);
    }
    ::setpgid(pid, pid); // as the child does, whichever runs first
    ::close(out_pipe[1]);
    ::close(err_pipe[1]);

    ChildResult r;
    pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
    std::string* sinks[2] = {&r.out, &r.err};
    int open_fds = 2;
    char buf[1 << 16];
    bool exited = false;
    for (;;) {
        if (caught) break;
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            r.timed_out = true;
            break;
        }
        if (open_fds == 0) {
            // Output closed: the child is ending. Reap it once it has (checked every 10 ms).
            siginfo_t info{};
            if (::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 &&
                info.si_pid == pid) {
                exited = true;
                break;
            }
            left = std::min(left, std::chrono::milliseconds(10));
        }
        timespec ts{static_cast<time_t>(left.count() / 1000),
                    static_cast<long>(left.count() % 1000) * 1000000L};
        int n = ::ppoll(fds, 2, &ts, &guard.outside());
        if (n <= 0) continue; // EINTR (a signal, checked above), or the time to look again
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            ssize_t got = read_some(fds[i].fd, buf, sizeof buf);
            if (got > 0) {
                sinks[i]->append(buf, static_cast<std::size_t>(got));
            } else {
                ::close(fds[i].fd);
                fds[i].fd = -1; // ppoll skips a negative fd
                --open_fds;
            }
        }
    }
    for (auto& f : fds)
        if (f.fd >= 0) ::close(f.fd);
    // Whatever ended the wait, the child's group goes with it: nothing of it outlives the run.
    const int status = kill_and_reap(pid);
    if (exited) r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (caught) {
        int sig = caught;
        ::signal(sig, SIG_DFL);
        sigset_t just;
        sigemptyset(&just);
        sigaddset(&just, sig);
        ::sigprocmask(SIG_UNBLOCK, &just, nullptr);
        ::raise(sig); // ends the caller as the signal would have
    }
    return r;
}

std::string program_directory() {
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::string() : exe.parent_path().string();
}

} // namespace poolkit
