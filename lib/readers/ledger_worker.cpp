#include "readers/ledger_worker.hpp"

#include <algorithm>

namespace poolkit::ledger {

void RawTotals::count_rule(std::size_t rule, std::int64_t pence) {
    if (by_rule.size() <= rule) by_rule.resize(rule + 1);
    ++by_rule[rule].lines;
    add_wrap(by_rule[rule].pence, pence);
}

void RawTotals::merge(const RawTotals& o) {
    read += o.read;
    accepted += o.accepted;
    rejected += o.rejected;
    excluded += o.excluded;
    skipped += o.skipped;
    income += o.income;
    add_wrap(p_read, o.p_read);
    add_wrap(p_accepted, o.p_accepted);
    add_wrap(p_rejected, o.p_rejected);
    add_wrap(p_excluded, o.p_excluded);
    add_wrap(p_skipped, o.p_skipped);
    add_wrap(p_income, o.p_income);
    if (by_rule.size() < o.by_rule.size()) by_rule.resize(o.by_rule.size());
    for (std::size_t i = 0; i < o.by_rule.size(); ++i) {
        by_rule[i].lines += o.by_rule[i].lines;
        add_wrap(by_rule[i].pence, o.by_rule[i].pence);
    }
    if (o.trailer_rows && (!trailer_rows || o.trailer_line < trailer_line))
        trailer_line = o.trailer_line;
    trailer_rows += o.trailer_rows;
    trailer_unreadable += o.trailer_unreadable;
    add_wrap(p_trailer, o.p_trailer);
    merge_periods(o);
    max_day = std::max(max_day, o.max_day);
}

ControlTotals RawTotals::control() const {
    ControlTotals c;
    c.lines_read = read;
    c.lines_accepted = accepted;
    c.lines_rejected = rejected;
    c.lines_excluded = excluded;
    c.lines_skipped = skipped;
    c.lines_income = income;
    c.total_read = Money::from_pence(p_read);
    c.total_accepted = Money::from_pence(p_accepted);
    c.total_rejected = Money::from_pence(p_rejected);
    c.total_excluded = Money::from_pence(p_excluded);
    c.total_skipped = Money::from_pence(p_skipped);
    c.total_income = Money::from_pence(p_income);
    return c;
}

void put_occurrence(Spill& s, const Occurrence& o) {
    s.put_u32(o.at.file);
    s.put_u64(o.at.line);
    s.put_u64(o.hash);
    s.put_u64(static_cast<std::uint64_t>(o.pence));
    s.put_u32(o.income ? 1 : 0);
    s.put_u32(static_cast<std::uint32_t>(o.month));
    s.put_str(o.partner);
    s.put_str(o.scheme);
    s.put_str(o.cost_centre);
    s.put_u32(static_cast<std::uint32_t>(o.fields.size()));
    for (const auto& f : o.fields)
        s.put_str(f);
}

void get_occurrence(Spill::Cursor& c, Occurrence& o) {
    o.at.file = c.get_u32();
    o.at.line = c.get_u64();
    o.hash = c.get_u64();
    o.pence = static_cast<std::int64_t>(c.get_u64());
    o.income = c.get_u32() != 0;
    o.month = static_cast<std::int32_t>(c.get_u32());
    c.get_str(o.partner);
    c.get_str(o.scheme);
    c.get_str(o.cost_centre);
    o.fields.resize(c.get_u32());
    for (auto& f : o.fields)
        c.get_str(f);
}

// A partner x scheme x period array per thread while it is small; a bigger agreement's cells go
// in the hash map, so memory follows the lines, not the agreement's size (SPEC §8).
constexpr std::size_t dense_cells_max = std::size_t(1) << 16;

Shared::Shared(const Agreement* a, const LedgerOptions& o) : agreement(a), options(&o) {
    if (!a) return;
    std::vector<std::string> pids, sids;
    for (const auto& p : a->partners)
        pids.push_back(p.id);
    for (const auto& s : a->schemes)
        sids.push_back(s.id);
    partner_codes = CodeTable(pids);
    scheme_codes = CodeTable(sids);
    P = pids.size();
    S = sids.size();
    dense = !o.by_cost_centre && P * S * Period::count <= dense_cells_max;
}

std::vector<Worker> make_workers(const Shared& sh, unsigned threads, std::size_t files) {
    std::vector<Worker> workers(threads);
    for (auto& w : workers) {
        w.files.resize(files);
        if (sh.dense) w.dense.resize(sh.P * sh.S * Period::count);
    }
    return workers;
}

} // namespace poolkit::ledger
