#include "writers/settlement_charts.hpp"

#include <fmt/format.h>

namespace poolkit {

void settlement_charts(Document& d, const SettlementStatement& st) {
    const Agreement& a = st.agreement;
    // SPEC §7: final share = contribution + risk share, each partner's three bars.
    for (std::size_t p = 0; p < a.partners.size() && p < st.settlement.partners.size(); ++p) {
        const PartnerSettlement& ps = st.settlement.partners[p];
        Chart c;
        c.kind = ChartKind::waterfall;
        c.title = fmt::format("{}: contribution, risk share, final share", a.partners[p].id);
        c.bars = {{"Contribution", Money{}, ps.contribution, std::nullopt, true},
                  {"Risk share", ps.contribution, ps.final_share, std::nullopt, false},
                  {"Final share", Money{}, ps.final_share, std::nullopt, true}};
        d.chart(std::move(c));
    }
}

} // namespace poolkit
