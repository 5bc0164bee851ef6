#include "model/actuals.hpp"

namespace poolkit {

ControlTotals& ControlTotals::operator+=(const ControlTotals& o) {
    lines_read += o.lines_read;
    lines_accepted += o.lines_accepted;
    lines_rejected += o.lines_rejected;
    total_read += o.total_read;
    total_accepted += o.total_accepted;
    total_rejected += o.total_rejected;
    return *this;
}

Money Actuals::partner_scheme_to(PartnerIndex p, SchemeIndex s, int to) const {
    Money t;
    for (Period m : Period::first_n(to))
        t += at(p, s, m);
    return t;
}

Money Actuals::scheme_to(SchemeIndex s, int to) const {
    Money t;
    for (std::size_t p = 0; p < partners_; ++p)
        t += partner_scheme_to(PartnerIndex{p}, s, to);
    return t;
}

Money Actuals::partner_to(PartnerIndex p, int to) const {
    Money t;
    for (std::size_t s = 0; s < schemes_; ++s)
        t += partner_scheme_to(p, SchemeIndex{s}, to);
    return t;
}

Money Actuals::total_to(int to) const {
    Money t;
    for (std::size_t s = 0; s < schemes_; ++s)
        t += scheme_to(SchemeIndex{s}, to);
    return t;
}

std::vector<std::string> ledger_files_of(const std::vector<LedgerFileTotals>& files,
                                         std::size_t partner) {
    std::vector<std::string> out;
    for (const auto& f : files)
        if (partner < f.periods_by_partner.size() && f.periods_by_partner[partner] != 0)
            out.push_back(f.path);
    return out;
}

} // namespace poolkit
