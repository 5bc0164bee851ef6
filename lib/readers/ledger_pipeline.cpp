#include "readers/ledger_pipeline.hpp"

#include "readers/ledger_line.hpp"
#include "readers/parallel.hpp"
#include "support/error.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>

namespace poolkit::ledger {

namespace {

// The blocks of one file: free ones, ready ones (split, waiting for a thread), and who splits.
class BlockQueue {
  public:
    BlockQueue(BlockReader& reader, unsigned threads,
               const std::function<void(unsigned, const LedgerBlock&)>& parse)
        : reader_(reader), threads_(threads), parse_(parse) {
        for (std::size_t i = 0; i < threads * 2 + 1; ++i)
            free_.push_back(std::make_unique<LedgerBlock>());
    }

    std::unique_ptr<LedgerBlock> take_free() {
        std::unique_ptr<LedgerBlock> b = std::move(free_.back());
        free_.pop_back();
        return b;
    }
    void push_ready(std::unique_ptr<LedgerBlock> b) { ready_.push_back(std::move(b)); }

    void run() {
        // As many threads as will start: the blocks go to whichever thread is free.
        run_parallel(threads_, [this](unsigned k) { work(k); });
        if (error_) std::rethrow_exception(error_);
    }

  private:
    // Any failure stops every thread (none waits for a block that will not come) and is
    // rethrown by run().
    void work(unsigned k) {
        try {
            loop(k);
        } catch (...) {
            std::lock_guard lk(mu_);
            if (!error_) error_ = std::current_exception();
            cv_.notify_all();
        }
    }
    void loop(unsigned k) {
        std::unique_lock lk(mu_);
        for (;;) {
            if (error_) return;
            if (!splitting_ && !eof_ && !free_.empty() && ready_.size() < threads_) {
                splitting_ = true;
                std::unique_ptr<LedgerBlock> b = take_free();
                lk.unlock();
                bool got = false;
                std::exception_ptr err;
                try {
                    got = reader_.next(*b);
                } catch (...) {
                    err = std::current_exception();
                }
                lk.lock();
                splitting_ = false;
                if (err) error_ = err;
                if (got)
                    ready_.push_back(std::move(b));
                else
                    eof_ = true, free_.push_back(std::move(b));
                cv_.notify_all();
                continue;
            }
            if (!ready_.empty()) {
                std::unique_ptr<LedgerBlock> b = std::move(ready_.front());
                ready_.pop_front();
                lk.unlock();
                std::exception_ptr err;
                try {
                    parse_(k, *b);
                    reader_.done(*b);
                } catch (...) {
                    err = std::current_exception();
                }
                lk.lock();
                if (err) error_ = err;
                free_.push_back(std::move(b));
                cv_.notify_all();
                continue;
            }
            if (eof_ && !splitting_) return;
            cv_.wait(lk);
        }
    }

    BlockReader& reader_;
    const std::size_t threads_;
    const std::function<void(unsigned, const LedgerBlock&)>& parse_;
    std::mutex mu_;
    std::condition_variable cv_;
    std::vector<std::unique_ptr<LedgerBlock>> free_;
    std::deque<std::unique_ptr<LedgerBlock>> ready_;
    bool splitting_ = false, eof_ = false;
    std::exception_ptr error_;
};

} // namespace

void run_blocks(BlockReader& reader, unsigned threads, const std::string& path,
                const std::function<void(LedgerBlock&)>& first,
                const std::function<void(unsigned, const LedgerBlock&)>& parse) {
    BlockQueue q(reader, threads, parse);
    // The first block holds the header: read it here, before any thread parses.
    std::unique_ptr<LedgerBlock> b = q.take_free();
    if (!reader.next(*b))
        throw Error(ErrorKind::input, {path, 1, 0},
                    "the ledger is empty: it needs a header row of column names");
    first(*b);
    q.push_ready(std::move(b));
    q.run();
}

FileRead read_file(Shared& sh, std::vector<Worker>& workers, const LedgerSpec& spec,
                   std::size_t index, int fd, Pass pass, Sha256* sha,
                   const std::vector<std::uint64_t>* only) {
    BlockReader reader(fd, spec.path, sh.options->block_bytes, sha, sh.options->map_files);
    FileRead out;
    run_blocks(
        reader, static_cast<unsigned>(workers.size()), spec.path,
        [&](LedgerBlock& b) { out.layout = read_header(b, spec, index, sh); },
        [&](unsigned k, const LedgerBlock& b) {
            if (only && !std::binary_search(only->begin(), only->end(), b.first_line)) return;
            parse_block(sh, out.layout, workers[k], pass, b.data() + b.begin, b.data() + b.end,
                        b.first_line);
        });
    out.bytes = reader.bytes_read();
    return out;
}

} // namespace poolkit::ledger
