// Fuzz target: the cash register reader (SPEC §10) on any bytes, against the pooled example
// (examples/bnssg-children: ICB, BRISTOL the host, NSOMERSET, SGLOS) and the joint one
// (examples/sglos-equipment-joint).
// Allowed outcomes: a result, or poolkit::Error of kind input (the header) or arithmetic (a total
// beyond int64 pence), at a place in the file. Properties of a result: every row read is accepted
// or rejected (SPEC §4, §10), and the totals say so to the penny; the totals by kind add up to
// the total accepted; every accepted row has a partner and a period 1..12; every running total
// the register answers queries from is the sum of its rows; no message holds a control character.
#include "fuzz_target.hpp"

#include "readers/agreement_loader.hpp"
#include "readers/cash_register_reader.hpp"
#include "support/error.hpp"

#include <string>
#include <string_view>

namespace {

using namespace poolkit;

Agreement example(const char* path) {
    AgreementLoad load = load_agreement(path);
    FUZZ_CHECK(load.agreement.has_value());
    return *load.agreement;
}

bool plain(const std::string& s) {
    for (unsigned char c : s)
        if (c < 0x20 || c == 0x7f) return false;
    return true;
}

void check(const Agreement& a, const CashRegisterRead& r) {
    const ControlTotals& t = r.totals.rows;
    FUZZ_CHECK(t.lines_read == t.lines_accepted + t.lines_rejected);
    FUZZ_CHECK(r.cash.rows().size() == t.lines_accepted);
    FUZZ_CHECK(r.rejects.size() == t.lines_rejected);
    FUZZ_CHECK(t.total_read == t.total_accepted + t.total_rejected);
    FUZZ_CHECK(r.cash.partners() == a.partners.size());
    FUZZ_CHECK(r.input.role == "cash" && r.input.path == "cash.csv" && r.input.sha256.size() == 64);

    __int128 by_kind = 0, rejected = 0;
    std::uint64_t rows_by_kind = 0;
    for (std::size_t k = 0; k < cash_kind_count; ++k) {
        by_kind += r.totals.accepted_by_kind[k].pence();
        rows_by_kind += r.totals.accepted_rows_by_kind[k];
    }
    FUZZ_CHECK(by_kind == t.total_accepted.pence());
    FUZZ_CHECK(rows_by_kind == t.lines_accepted);

    std::uint64_t last_line = 1;
    for (const auto& x : r.rejects) {
        FUZZ_CHECK(x.file == "cash.csv");
        FUZZ_CHECK(x.line > last_line); // one reject a row, in line order
        last_line = x.line;
        FUZZ_CHECK(x.column >= 0 && x.column <= 7);
        FUZZ_CHECK(!x.reason.empty() && plain(x.reason));
        if (x.amount) rejected += x.amount->pence();
    }
    FUZZ_CHECK(rejected == t.total_rejected.pence());

    // Every running total is the sum of the rows it covers (SPEC §10: a row counts in its period
    // and every later one).
    for (std::size_t k = 0; k < cash_kind_count; ++k)
        for (std::size_t p = 0; p < a.partners.size(); ++p) {
            auto kind = static_cast<CashKind>(k);
            __int128 to[13] = {};
            for (const CashRow& row : r.cash.rows())
                if (row.kind == kind && row.partner == p)
                    for (int m = row.period.number(); m <= Period::count; ++m)
                        to[m] += row.amount.pence();
            for (int m = 0; m <= Period::count; ++m)
                FUZZ_CHECK(r.cash.to_period(kind, p, m).pence() == to[m]);
            FUZZ_CHECK(r.cash.has_rows(kind, p) == [&] {
                for (const CashRow& row : r.cash.rows())
                    if (row.kind == kind && row.partner == p) return true;
                return false;
            }());
        }
    for (const CashRow& row : r.cash.rows()) {
        FUZZ_CHECK(row.period.number() >= 1 && row.period.number() <= Period::count);
        FUZZ_CHECK(row.partner < a.partners.size());
        FUZZ_CHECK(!row.ref.empty() && row.date.size() == 10);
        FUZZ_CHECK(row.where.file == "cash.csv" && row.where.line >= 2);
        const CashKindInfo& k = cash_kind_info(row.kind);
        FUZZ_CHECK(a.kind == AgreementKind::pooled ? k.pooled : k.joint);
        FUZZ_CHECK(k.negative || !row.amount.is_negative());
        FUZZ_CHECK(k.host || !a.is_host(PartnerIndex{row.partner}));
    }
}

void run(const Agreement& a, std::string_view text) {
    try {
        check(a, parse_cash_register(a, text, "cash.csv"));
    } catch (const Error& e) {
        FUZZ_CHECK(e.kind() == ErrorKind::input || e.kind() == ErrorKind::arithmetic);
        FUZZ_CHECK(e.where().file == "cash.csv" && e.where().line >= 1);
        FUZZ_CHECK(std::string_view(e.what()).size() > 0 && plain(e.what()));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const Agreement pooled =
        example(POOLKIT_SOURCE_DIR "/examples/bnssg-children/agreement.toml");
    static const Agreement joint =
        example(POOLKIT_SOURCE_DIR "/examples/sglos-equipment-joint/agreement.toml");
    std::string_view text(size ? reinterpret_cast<const char*>(data) : "", size);
    run(pooled, text);
    run(joint, text);
    return 0;
}
