#include "readers/ledger_duplicates.hpp"

#include "readers/ledger_dup_index.hpp"
#include "readers/ledger_pipeline.hpp"
#include "readers/ledger_reasons.hpp"

#include <iterator>
#include <string>
#include <tuple>

namespace poolkit::ledger {

void hash_blocks_again(Shared& sh, std::vector<Worker>& workers,
                       const std::vector<LedgerSpec>& ledgers, const LedgerSources& files) {
    std::vector<KeyRange> ranges;
    for (auto& w : workers) {
        std::move(w.key_ranges.begin(), w.key_ranges.end(), std::back_inserter(ranges));
        w.key_ranges = {};
    }
    const std::vector<BlockId> again = blocks_to_hash_again(std::move(ranges));
    for (std::size_t i = 0; i < ledgers.size(); ++i) {
        std::vector<std::uint64_t> only;
        for (const BlockId& b : again)
            if (b.file == i) only.push_back(b.first_line);
        if (!only.empty())
            read_file(sh, workers, ledgers[i], i, files.from_start(i), Pass::hash, nullptr, &only);
    }
}

void confirm_duplicates(Shared& sh, std::vector<Worker>& workers,
                        const std::vector<LedgerSpec>& ledgers, const LedgerSources& files,
                        const std::vector<Layout>& layouts, const CodeRanks& ranks, Merged& m,
                        SpilledRejects& log, Spill* places) {
    for (std::size_t i = 0; i < ledgers.size(); ++i)
        read_file(sh, workers, ledgers[i], i, files.from_start(i), Pass::confirm, nullptr);
    std::vector<const Spill*> sets_aside;
    for (auto& w : workers)
        sets_aside.push_back(&w.occurrences);
    DupFirsts firsts(sh.suspect_set);
    RejectSpill duplicates;
    std::string key;
    auto place = [](const Occurrence& o) { return std::tie(o.at.file, o.at.line); };
    merge_in_order<Occurrence>(sets_aside, get_occurrence, place, [&](const Occurrence& o) {
        const Layout& L = layouts[o.at.file];
        // With an agreement the partner's index stands for its code (SPEC §4: a ref is unique
        // within a partner's lines): a byte or two, not the code, for each first kept.
        key.clear();
        if (sh.agreement)
            append_key_index(key, ranks.partner(o.partner));
        else
            append_key_part(key, o.partner);
        for (int c : L.key_cols)
            append_key_part(key, o.fields[static_cast<std::size_t>(c)]);
        std::optional<LinePlace> first = firsts.see(o.hash, key, o.at);
        if (!first) return true;
        std::string shown;
        for (std::size_t j = 0; j < L.key_cols.size(); ++j)
            shown += (j ? ", " : "") + o.fields[static_cast<std::size_t>(L.key_cols[j])];
        duplicates.begin(
            o.at.file, o.at.line, RejectReason::duplicate,
            duplicate_reason(L.key_name, shown, ledgers[first->file].path, first->line), o.pence,
            static_cast<std::uint32_t>(o.fields.size()));
        for (const auto& f : o.fields)
            duplicates.field(f);
        if (places) {
            places->put_u32(o.at.file);
            places->put_u64(o.at.line);
        }
        // The line was accepted in the first pass, so its group is there.
        RankedGroup& g = group_of(
            m, {ranks.partner(o.partner), ranks.scheme(o.scheme), o.month, o.cost_centre, {}});
        sub_wrap(g.cell.pence, o.pence);
        g.cell.lines -= 1;
        RawTotals& t = m.files[o.at.file];
        if (o.income) { // an income line no longer: minus its amount is no longer received
            add_wrap(g.cell.income, o.pence);
            add_wrap(t.p_income, o.pence);
            t.income -= 1;
        }
        t.accepted -= 1;
        t.rejected += 1;
        sub_wrap(t.p_accepted, o.pence);
        add_wrap(t.p_rejected, o.pence);
        return true;
    });
    log.add(std::move(duplicates));
    for (auto& w : workers)
        w.occurrences = Spill();
}

} // namespace poolkit::ledger
