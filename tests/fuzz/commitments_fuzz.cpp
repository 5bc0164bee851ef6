// Fuzz target: the commitments register reader (SPEC §12) on any bytes, against the pooled
// example (examples/bnssg-children: ICB, BRISTOL, NSOMERSET, SGLOS; schemes S01..S03), then the
// forecast and the panel's cases from what it accepted.
// Allowed outcomes: a result, or poolkit::Error of kind input (the header) or arithmetic (a total
// beyond int64 pence), at a place in the file. Properties of a result: every row read is accepted
// or rejected, one reason a row, in line order, and the control totals say so to the penny; every
// accepted row names a partner and a scheme of the agreement, ends on or after its start, has an
// end when `ended`, and overlaps no other row of its case; a row's cost by period is zero outside
// its dates; the forecast's cases, partners and schemes add up to the same committed cost, and so
// do the panel's cases, types and partners; no message holds a control character.
#include "fuzz_target.hpp"

#include "calc/commitment_cost.hpp"
#include "calc/commitments_forecast.hpp"
#include "calc/panel_cases.hpp"
#include "readers/agreement_loader.hpp"
#include "readers/commitments_reader.hpp"
#include "support/error.hpp"

#include <string>
#include <string_view>

namespace {

using namespace poolkit;

bool plain(const std::string& s) {
    for (unsigned char c : s)
        if (c < 0x20 || c == 0x7f) return false;
    return true;
}

void check_rows(const Agreement& a, const CommitmentsRead& r) {
    const ControlTotals& t = r.totals;
    FUZZ_CHECK(t.lines_read == t.lines_accepted + t.lines_rejected);
    FUZZ_CHECK(r.register_.rows.size() == t.lines_accepted);
    FUZZ_CHECK(r.rejects.size() == t.lines_rejected);
    FUZZ_CHECK(t.total_read == t.total_accepted + t.total_rejected);
    FUZZ_CHECK(r.input.role == "commitments" && r.input.sha256.size() == 64);
    std::uint64_t last_line = 1;
    for (const RegisterReject& x : r.rejects) {
        FUZZ_CHECK(x.file == "commitments.csv" && x.line > last_line);
        last_line = x.line;
        FUZZ_CHECK(x.column >= 0 && x.column <= 9);
        FUZZ_CHECK(!x.reason.empty() && plain(x.reason));
    }
    for (const Diagnostic& d : r.warnings.items)
        FUZZ_CHECK(plain(d.formatted()));
    Money weekly;
    const auto& rows = r.register_.rows;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const Commitment& c = rows[i];
        weekly += c.weekly_cost;
        FUZZ_CHECK(to_size(c.partner) < a.partners.size());
        FUZZ_CHECK(to_size(c.scheme) < a.schemes.size());
        FUZZ_CHECK(!c.case_ref.empty() && !c.type.empty() && !c.weekly_cost.is_negative());
        FUZZ_CHECK(!c.end || !(*c.end < c.start));
        FUZZ_CHECK(c.status != CaseStatus::ended || c.end);
        for (std::size_t j = 0; j < i; ++j)
            if (rows[j].case_ref == c.case_ref)
                FUZZ_CHECK(days_running(rows[j], c.start, c.end.value_or(Day::max())) == 0);
        const PeriodArray<Money> cost = cost_by_period(c, a.year);
        for (Period p : Period::all())
            if (days_running(c, first_day(a.year, p), last_day(a.year, p)) == 0)
                FUZZ_CHECK(cost[p].is_zero());
    }
    FUZZ_CHECK(weekly == t.total_accepted);
}

void check_sums(const Agreement& a, const CommitmentsRegister& reg) {
    for (int m : {0, 6, 12}) {
        CommitmentsForecast f = commitments_forecast(a, reg, m);
        Money cases, partners, schemes;
        for (const CaseCommitted& c : f.cases)
            cases += c.committed;
        for (Money p : f.by_partner)
            partners += p;
        for (const SchemeCommitted& s : f.schemes)
            schemes += s.committed + s.open_ended;
        FUZZ_CHECK(cases == f.total && partners == f.total && schemes == f.total);
        if (m == 12) FUZZ_CHECK(f.total.is_zero());
        if (m == 0) continue;
        PanelCases p = panel_cases(a, reg, *Period::of(m));
        Money pc, pt, pp;
        for (const PanelCase& c : p.cases)
            pc += c.committed;
        for (const PlacementType& ty : p.types)
            pt += ty.committed;
        for (const PartnerReferrals& r : p.partners)
            pp += r.committed;
        FUZZ_CHECK(pc == f.total && pt == f.total && pp == f.total && p.committed == f.total);
    }
}

void run(const Agreement& a, std::string_view text) {
    try {
        CommitmentsRead r = parse_commitments(a, text, "commitments.csv");
        check_rows(a, r);
        try {
            check_sums(a, r.register_);
        } catch (const Error& e) {
            FUZZ_CHECK(e.kind() == ErrorKind::arithmetic); // costs beyond int64 pence
        }
    } catch (const Error& e) {
        FUZZ_CHECK(e.kind() == ErrorKind::input || e.kind() == ErrorKind::arithmetic);
        FUZZ_CHECK(e.where().file == "commitments.csv" && e.where().line >= 1);
        FUZZ_CHECK(std::string_view(e.what()).size() > 0 && plain(e.what()));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const Agreement pooled = [] {
        AgreementLoad load =
            load_agreement(POOLKIT_SOURCE_DIR "/examples/bnssg-children/agreement.toml");
        FUZZ_CHECK(load.agreement.has_value());
        return *load.agreement;
    }();
    run(pooled, std::string_view(size ? reinterpret_cast<const char*>(data) : "", size));
    return 0;
}
