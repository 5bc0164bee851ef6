#include "readers/ledger_merge.hpp"

#include "support/error.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace poolkit::ledger {

CodeRanks::CodeRanks(const Shared& sh, const std::vector<Worker>& workers) : sh_(sh) {
    if (sh.agreement) {
        for (const auto& p : sh.agreement->partners)
            partners_.push_back(p.id);
        for (const auto& s : sh.agreement->schemes)
            schemes_.push_back(s.id);
        return;
    }
    for (const auto& w : workers)
        for (std::uint32_t i = 0; i < w.partners.size(); ++i)
            partners_.push_back(w.partners.name(i));
    for (const auto& w : workers)
        for (std::uint32_t i = 0; i < w.schemes.size(); ++i)
            schemes_.push_back(w.schemes.name(i));
    for (auto* v : {&partners_, &schemes_}) {
        std::sort(v->begin(), v->end());
        v->erase(std::unique(v->begin(), v->end()), v->end());
    }
}

namespace {
std::uint32_t rank_of(const Shared& sh, const std::vector<std::string>& names,
                      const CodeTable& codes, std::string_view code) {
    if (sh.agreement) return static_cast<std::uint32_t>(codes.find(code));
    return static_cast<std::uint32_t>(std::lower_bound(names.begin(), names.end(), code) -
                                      names.begin());
}
bool by_key(const RankedGroup& a, const RankedGroup& b) {
    return a.key() < b.key();
}
} // namespace

std::uint32_t CodeRanks::partner(std::string_view code) const {
    return rank_of(sh_, partners_, sh_.partner_codes, code);
}

std::uint32_t CodeRanks::scheme(std::string_view code) const {
    return rank_of(sh_, schemes_, sh_.scheme_codes, code);
}

Merged merge_workers(const Shared& sh, std::vector<Worker>& workers, const CodeRanks& ranks,
                     std::size_t files, SpilledRejects& log) {
    const Agreement* agreement = sh.agreement;
    Merged m;
    std::vector<RankedGroup>& groups = m.groups;
    m.files.resize(files);
    for (auto& w : workers) {
        if (!w.dense.empty()) {
            for (std::size_t p = 0; p < sh.P; ++p)
                for (std::size_t s = 0; s < sh.S; ++s)
                    for (Period per : Period::all()) {
                        const Cell& c = w.dense[(p * sh.S + s) * Period::count + per.index()];
                        if (c.lines == 0) continue;
                        int month = agreement->year.year_of(per) * 12 + per.month() - 1;
                        groups.push_back({static_cast<std::uint32_t>(p),
                                          static_cast<std::uint32_t>(s),
                                          month,
                                          {},
                                          c});
                    }
        }
        std::vector<std::uint32_t> pr, sr; // this thread's code ids -> ranks (free mode)
        if (!agreement) {
            for (std::uint32_t i = 0; i < w.partners.size(); ++i)
                pr.push_back(ranks.partner(w.partners.name(i)));
            for (std::uint32_t i = 0; i < w.schemes.size(); ++i)
                sr.push_back(ranks.scheme(w.schemes.name(i)));
        }
        w.groups.each([&](const GroupKey& k, const Cell& c) {
            if (c.lines == 0) return;
            groups.push_back(
                {agreement ? k.p : pr[k.p], agreement ? k.s : sr[k.s], static_cast<int>(k.month),
                 sh.options->by_cost_centre ? w.centres.name(k.cc) : std::string(), c});
        });
        for (std::size_t i = 0; i < files; ++i)
            m.files[i].merge(w.files[i]);
        log.add(std::move(w.rejects));
        w = Worker{};
        w.files.resize(files);
    }
    std::sort(groups.begin(), groups.end(), by_key);
    std::size_t out = 0;
    for (std::size_t i = 0; i < groups.size(); ++i) {
        if (out > 0 && groups[out - 1].key() == groups[i].key()) {
            add_wrap(groups[out - 1].cell.pence, groups[i].cell.pence);
            add_wrap(groups[out - 1].cell.income, groups[i].cell.income);
            groups[out - 1].cell.lines += groups[i].cell.lines;
        } else {
            if (out != i) groups[out] = std::move(groups[i]);
            ++out;
        }
    }
    groups.resize(out);
    return m;
}

RankedGroup& group_of(Merged& m, const RankedGroup& want) {
    auto g = std::lower_bound(m.groups.begin(), m.groups.end(), want, by_key);
    if (g == m.groups.end() || g->key() != want.key())
        throw Error(ErrorKind::invariant, "a duplicate's group is missing");
    return *g;
}

void finish_run(const Shared& sh, const CodeRanks& ranks, Merged& m,
                const std::vector<LedgerSpec>& ledgers, LedgerRun& run) {
    for (std::size_t i = 0; i < ledgers.size(); ++i) {
        const RawTotals& t = m.files[i];
        const ProfileLineRules& lr = ledgers[i].profile.line_rules;
        ControlTotals c = t.control();
        // SPEC §4: excluded and skipped lines counted with their reasons.
        for (std::size_t r = 0; r < t.by_rule.size() && r < lr.rules.size(); ++r) {
            if (t.by_rule[r].lines == 0) continue;
            const ProfileRule& rule = lr.rules[r];
            (rule.kind == LineKind::exclude ? c.excluded : c.skipped)
                .push_back({rule.reason_text(), t.by_rule[r].lines,
                            Money::from_pence(t.by_rule[r].pence)});
        }
        LedgerFileTotals f{ledgers[i].path, c, t.periods, t.max_day};
        if (lr.trailer) {
            if (t.trailer_rows)
                f.control.skipped.push_back({"the trailer (the export's control total)",
                                             t.trailer_rows, Money::from_pence(t.p_trailer)});
            TrailerCheck check;
            check.path = ledgers[i].path;
            check.rows = t.trailer_rows;
            check.unreadable = t.trailer_unreadable;
            check.line = t.trailer_line;
            check.stated = Money::from_pence(t.p_trailer);
            // SPEC §11: every data line but the skipped ones, in the export's own signs.
            std::int64_t summed = t.p_read;
            sub_wrap(summed, t.p_skipped);
            check.summed = Money::from_pence(summed);
            f.control.trailers.push_back(check);
        }
        run.control += f.control;
        run.files.push_back(std::move(f));
    }

    // Rows, in the groups' order: partner, scheme (agreement order, else code order), period,
    // cost centre.
    for (auto& g : m.groups) {
        if (g.cell.lines == 0) continue;
        ActualsRow r;
        r.partner = ranks.partner_code(g.p);
        r.scheme = ranks.scheme_code(g.s);
        r.period = fmt::format("{:04d}-{:02d}", g.month / 12, g.month % 12 + 1);
        r.cost_centre = std::move(g.cc);
        r.partner_rank = g.p;
        r.scheme_rank = g.s;
        r.lines = static_cast<std::uint64_t>(g.cell.lines);
        r.amount = Money::from_pence(g.cell.pence);
        r.income = Money::from_pence(g.cell.income);
        run.rows.push_back(std::move(r));
    }
    m.groups = {};

    if (const Agreement* agreement = sh.agreement) {
        run.year = agreement->year;
        Actuals a(sh.P, sh.S);
        for (const auto& r : run.rows) {
            auto per = agreement->year.parse_period(r.period);
            a.add(PartnerIndex{r.partner_rank}, SchemeIndex{r.scheme_rank}, *per, r.amount, r.lines,
                  r.income);
        }
        a.control = run.control;
        run.actuals = std::move(a);
    }
}

} // namespace poolkit::ledger
