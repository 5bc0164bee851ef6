// Work shared out over threads that may not all start (SPEC §5, §8): under a memory or process
// limit (ulimit -v, -u) creating a thread can fail; the work is then done by the threads there
// are — at the least the calling one — rather than failing the run.
#pragma once

#include <functional>

namespace poolkit {

// Runs work(0) on this thread and work(1) .. work(n - 1) on threads of their own, as many as can
// be started (a k whose thread cannot start is not run: `work` must share its tasks out, not be
// given them by k). Returns once every started call has ended; then rethrows the first exception
// any of them threw.
void run_parallel(unsigned n, const std::function<void(unsigned)>& work);

} // namespace poolkit
