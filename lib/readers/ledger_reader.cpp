#include "readers/ledger_reader.hpp"

#include "readers/ledger_duplicates.hpp"
#include "readers/ledger_header.hpp"
#include "readers/ledger_merge.hpp"
#include "readers/ledger_overflow.hpp"
#include "readers/ledger_pipeline.hpp"
#include "readers/ledger_source.hpp"
#include "readers/ledger_transcode.hpp"
#include "readers/ledger_worker.hpp"
#include "readers/reject_spill.hpp"
#include "readers/sha256.hpp"
#include "readers/spill.hpp"
#include "support/error.hpp"

#include <algorithm>
#include <memory>
#include <thread>

namespace poolkit {

// The run in its parts (SPEC §4, §8): the files opened once (ledger_source); a first pass over
// each, every core parsing its blocks (ledger_pipeline) by the line rules (ledger_line) into its
// worker, from the header's layout (ledger_header); the blocks whose keys rose but may repeat
// another's read again for their hashes (ledger_key_runs); the workers merged (ledger_merge); a
// second pass only when the duplicate index suspects a repeat (ledger_duplicates); a third, in
// order on one thread, only when the amounts are so large that a total may be out of range
// (ledger_overflow).
LedgerRun read_ledgers(const Agreement* agreement, const std::vector<LedgerSpec>& ledgers,
                       const LedgerOptions& options) {
    using namespace ledger;
    if (ledgers.empty()) throw Error(ErrorKind::usage, "no ledger files given");
    Shared sh(agreement, options);
    std::vector<std::string> paths;
    for (const auto& l : ledgers)
        paths.push_back(l.path);
    LedgerSources files(paths);

    unsigned threads = options.threads ? options.threads : std::thread::hardware_concurrency();
    threads = std::clamp(threads, 1u, 16u);
    std::vector<Worker> workers = make_workers(sh, threads, ledgers.size());

    // First pass: every line accepted or rejected, each file's inputs record and header.
    LedgerRun run;
    std::vector<Layout> layouts;
    for (std::size_t i = 0; i < ledgers.size(); ++i) {
        Sha256 sha;
        // SPEC §11 encoding: read as UTF-8, recorded as the file it is.
        std::optional<TranscodedLedger> original;
        if (ledgers[i].profile.windows_1252) {
            original =
                transcode_windows_1252(files.from_start(i), ledgers[i].path, options.hash_inputs);
            files.replace(i, original->fd);
        }
        FileRead read = read_file(sh, workers, ledgers[i], i, files.from_start(i), Pass::aggregate,
                                  options.hash_inputs && !original ? &sha : nullptr);
        InputFile rec;
        rec.role = "ledger";
        rec.path = ledgers[i].path;
        rec.bytes = original ? original->bytes : read.bytes;
        if (options.hash_inputs) rec.sha256 = original ? original->sha256 : sha.hex();
        run.inputs.push_back(std::move(rec));
        if (ledgers[i].profile_record) run.inputs.push_back(*ledgers[i].profile_record);
        run.headers.push_back(read.layout.header);
        layouts.push_back(std::move(read.layout));
    }

    // Every total is a sum of some of the amounts read: if their magnitudes fit in int64, so does
    // every total, whatever the order (SPEC §2); else they are checked in order below.
    unsigned __int128 magnitudes = 0;
    for (const auto& w : workers)
        magnitudes += w.magnitude;
    const bool may_overflow = magnitudes > total_limit;
    Spill duplicate_places; // (file, line) of each duplicate, when may_overflow

    // The key hashes seen more than once (suspected duplicates), over every worker and file.
    if (options.duplicate_check) {
        hash_blocks_again(sh, workers, ledgers, files);
        std::vector<DupCollector*> collectors;
        for (auto& w : workers)
            collectors.push_back(&w.keys);
        sh.suspect_set = SuspectSet(repeated_hashes(collectors, threads));
    }

    // Merge the workers' groups by rank, in the order of the rows (SPEC §5: deterministic).
    CodeRanks ranks(sh, workers);
    auto log = std::make_shared<SpilledRejects>(paths);
    Merged merged = merge_workers(sh, workers, ranks, ledgers.size(), *log);

    if (!sh.suspect_set.empty())
        confirm_duplicates(sh, workers, ledgers, files, layouts, ranks, merged, *log,
                           may_overflow ? &duplicate_places : nullptr);

    if (may_overflow) locate_overflow(sh, ledgers, files, duplicate_places);

    // Every rejected line stays in the spills, read back in file then line order when asked;
    // only the first few are kept in memory (SPEC §8).
    run.rejects = log->first(options.rejects_kept);
    run.all_rejects = std::move(log);

    finish_run(sh, ranks, merged, ledgers, run);
    return run;
}

} // namespace poolkit
