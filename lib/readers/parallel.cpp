#include "readers/parallel.hpp"

#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace poolkit {

void run_parallel(unsigned n, const std::function<void(unsigned)>& work) {
    std::mutex mu;
    std::exception_ptr first;
    auto guarded = [&](unsigned k) {
        try {
            work(k);
        } catch (...) {
            std::lock_guard lk(mu);
            if (!first) first = std::current_exception();
        }
    };
    std::vector<std::thread> pool;
    try {
        pool.reserve(n > 0 ? n - 1 : 0);
        for (unsigned k = 1; k < n; ++k)
            pool.emplace_back(guarded, k);
    } catch (const std::system_error&) { // EAGAIN: no more threads; the ones there are do it all
    } catch (const std::bad_alloc&) {
    }
    guarded(0);
    for (auto& t : pool)
        t.join();
    if (first) std::rethrow_exception(first);
}

} // namespace poolkit
