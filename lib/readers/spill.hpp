// Merging spills of records that are each sorted by place (file, line): the byte streams
// themselves (support/spill.hpp) are below money, so that output files can use them too.
#pragma once

#include "support/spill.hpp"

#include <vector>

namespace poolkit {

// Visits the records of spills that are each sorted by place — (file, line) — in place order
// (SPEC §5: output in the same order whatever the threads did). `read(cursor, rec)` reads one
// record of type Rec, `place(rec)` is its (file, line) pair, `visit(rec)` takes it and returns
// false to stop there.
template <typename Rec, typename Read, typename Place, typename Visit>
void merge_in_order(const std::vector<const Spill*>& spills, Read read, Place place, Visit visit) {
    std::vector<Spill::Cursor> cur;
    std::vector<Rec> head(spills.size());
    std::vector<bool> live(spills.size(), false);
    cur.reserve(spills.size());
    for (std::size_t i = 0; i < spills.size(); ++i) {
        cur.emplace_back(*spills[i]);
        if (!cur[i].at_end()) {
            read(cur[i], head[i]);
            live[i] = true;
        }
    }
    for (;;) {
        std::size_t best = spills.size();
        for (std::size_t i = 0; i < spills.size(); ++i)
            if (live[i] && (best == spills.size() || place(head[i]) < place(head[best]))) best = i;
        if (best == spills.size()) return;
        if (!visit(head[best])) return;
        if (cur[best].at_end())
            live[best] = false;
        else
            read(cur[best], head[best]);
    }
}

} // namespace poolkit
