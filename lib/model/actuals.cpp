#include "model/actuals.hpp"

#include <algorithm>

namespace poolkit {

namespace {
void add_reasons(std::vector<CountedReason>& to, const std::vector<CountedReason>& from) {
    for (const auto& r : from) {
        auto it = std::find_if(to.begin(), to.end(),
                               [&](const CountedReason& x) { return x.reason == r.reason; });
        if (it == to.end()) {
            to.push_back(r);
        } else {
            it->lines += r.lines;
            it->total += r.total;
        }
    }
}
} // namespace

ControlTotals& ControlTotals::operator+=(const ControlTotals& o) {
    for (const ControlKind& k : control_kinds)
        this->*k.lines += o.*k.lines;
    for (const ControlKind& k : control_kinds)
        this->*k.total += o.*k.total;
    add_reasons(excluded, o.excluded);
    add_reasons(skipped, o.skipped);
    trailers.insert(trailers.end(), o.trailers.begin(), o.trailers.end());
    return *this;
}

Money Actuals::sum_to(const std::vector<Money>& of, std::optional<PartnerIndex> partner,
                      std::optional<SchemeIndex> scheme, int to) const {
    Money t;
    for (std::size_t p = 0; p < partners_; ++p) {
        if (partner && to_size(*partner) != p) continue;
        for (std::size_t s = 0; s < schemes_; ++s) {
            if (scheme && to_size(*scheme) != s) continue;
            for (Period m : Period::first_n(to))
                t += of[index(PartnerIndex{p}, SchemeIndex{s}, m)];
        }
    }
    return t;
}

Money Actuals::partner_scheme_income_to(PartnerIndex p, SchemeIndex s, int to) const {
    return sum_to(income_, p, s, to);
}
Money Actuals::scheme_income_to(SchemeIndex s, int to) const {
    return sum_to(income_, std::nullopt, s, to);
}
Money Actuals::total_income_to(int to) const {
    return sum_to(income_, std::nullopt, std::nullopt, to);
}
Money Actuals::partner_scheme_to(PartnerIndex p, SchemeIndex s, int to) const {
    return sum_to(cells_, p, s, to);
}
Money Actuals::scheme_to(SchemeIndex s, int to) const {
    return sum_to(cells_, std::nullopt, s, to);
}
Money Actuals::partner_to(PartnerIndex p, int to) const {
    return sum_to(cells_, p, std::nullopt, to);
}
Money Actuals::total_to(int to) const {
    return sum_to(cells_, std::nullopt, std::nullopt, to);
}

std::vector<std::string> ledger_files_of(const std::vector<LedgerFileTotals>& files,
                                         PartnerIndex partner) {
    const std::size_t p = to_size(partner);
    std::vector<std::string> out;
    for (const auto& f : files)
        if (p < f.periods_by_partner.size() && f.periods_by_partner[p] != 0) out.push_back(f.path);
    return out;
}

} // namespace poolkit
