#include "readers/ledger_overflow.hpp"

#include "readers/ledger_pipeline.hpp"
#include "support/error.hpp"

#include <fmt/format.h>

namespace poolkit::ledger {

void Located::add(const Layout& L, std::uint64_t line, std::int64_t pence, Figure f,
                  const GlobalKey* group, bool by_cost_centre) {
    static constexpr const char* kinds[figures] = {"read", "accepted", "rejected", "excluded",
                                                   "skipped"};
    const auto k = static_cast<std::size_t>(f);
    const char* kind = kinds[k];
    std::int64_t& file = by_file[k][L.index];
    std::int64_t& all_of_kind = all[k];
    auto check = [&](std::int64_t& total, const std::string& what) {
        if (__builtin_add_overflow(total, pence, &total))
            throw Error(ErrorKind::arithmetic, {L.path, static_cast<long>(line), 0},
                        fmt::format("the ledgers' total is out of range: this line's amount "
                                    "({}) takes {} beyond ±92,233,720,368,547,758.07, the "
                                    "most poolkit adds up exactly; is an amount wrong?",
                                    format_plain(Money::from_pence(pence)), what));
    };
    check(file, fmt::format("the total {} of {}", kind, L.path));
    check(all_of_kind, fmt::format("the total {} of all the ledgers", kind));
    if (!group) return;
    const unsigned groupings = by_cost_centre ? 16 : 8;
    for (unsigned bits = 1; bits < groupings; ++bits) {
        const auto& [partner, scheme, month, centre] = *group;
        GlobalKey k{bits & 1 ? partner : "", bits & 2 ? scheme : "", bits & 4 ? month : 0,
                    bits & 8 ? centre : ""};
        std::string what;
        auto part = [&](const std::string& p) { what += (what.empty() ? "" : ", ") + p; };
        auto field = [](LedgerField f, const std::string& v) {
            return fmt::format("{} {}", ledger_field(f).words, v);
        };
        if (bits & 1) part(field(LedgerField::partner, partner));
        if (bits & 2) part(field(LedgerField::scheme, scheme));
        if (bits & 4) part(fmt::format("{:04d}-{:02d}", month / 12, month % 12 + 1));
        if (bits & 8) part(field(LedgerField::cost_centre, centre));
        check(groups[{bits, k}], "the total of " + what);
    }
}

void locate_overflow(Shared& sh, const std::vector<LedgerSpec>& ledgers, const LedgerSources& files,
                     const Spill& duplicates) {
    Located x;
    for (auto& totals : x.by_file)
        totals.assign(ledgers.size(), 0);
    x.dup.emplace(duplicates);
    x.advance();
    sh.located = &x;
    std::vector<Worker> solo(1);
    solo[0].files.resize(ledgers.size());
    for (std::size_t i = 0; i < ledgers.size(); ++i)
        read_file(sh, solo, ledgers[i], i, files.from_start(i), Pass::locate, nullptr);
    sh.located = nullptr;
}

} // namespace poolkit::ledger
