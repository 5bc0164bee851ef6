// Generated ledgers (SPEC §4, §8): thousands of lines with seeded bad lines injected at known
// places, read with small blocks and several threads so that records, quoted newlines and
// duplicates straddle block boundaries; the aggregates are checked against a computation made
// here, line by line, while the ledger is written.
#include "ledger_test_support.hpp"
#include "test_period.hpp"

#include "readers/ledger_reader.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <map>
#include <random>
#include <set>
#include <string>
#include <sys/stat.h>
#include <thread>

using namespace poolkit;
using namespace poolkit::test;

namespace {

struct Expected {
    std::map<std::tuple<std::size_t, std::size_t, int>, std::pair<std::int64_t, std::uint64_t>>
        cells;                                    // (partner, scheme, period) -> pence, lines
    std::map<std::uint64_t, std::string> rejects; // line -> reason prefix
    std::int64_t accepted = 0, rejected = 0;
    std::uint64_t lines = 0;
};

std::string money(std::int64_t p) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s%lld.%02lld", p < 0 ? "-" : "",
                  static_cast<long long>((p < 0 ? -p : p) / 100),
                  static_cast<long long>((p < 0 ? -p : p) % 100));
    return buf;
}

// n lines; every 97th line is bad in one of several ways; every 13th description is quoted and
// holds a newline and a comma; every 211th line repeats an earlier ref of the same partner.
std::string generate(std::size_t n, std::uint32_t seed, Expected& e) {
    const char* partners[] = {"ICB", "BRISTOL"};
    const char* schemes[] = {"S01", "S02"};
    std::mt19937 rnd(seed);
    std::string out = "date,ref,partner,scheme,cost_centre,description,amount\n";
    std::uint64_t line = 2;
    std::vector<std::pair<std::string, std::size_t>> refs; // ref, partner
    for (std::size_t i = 0; i < n; ++i) {
        std::size_t p = rnd() % 2, s = rnd() % 2;
        int period = static_cast<int>(rnd() % 12) + 1;
        int month = (period + 2) % 12 + 1, year = period <= 9 ? 2025 : 2026;
        std::int64_t pence = static_cast<std::int64_t>(rnd() % 5000000) - 20000;
        std::string ref = "T" + std::to_string(i);
        std::string desc = i % 13 == 0 ? "\"care,\nweekly\"" : "care";
        std::uint64_t physical = i % 13 == 0 ? 2 : 1;
        char date[16];
        std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, month,
                      1 + static_cast<int>(rnd() % 28));
        std::string partner = partners[p], scheme = schemes[s], amount = money(pence);
        std::string reason;
        bool amount_known = true;
        if (i % 97 == 50) {
            switch ((i / 97) % 5) {
            case 0:
                std::snprintf(date, sizeof date, "%04d-02-30", year);
                reason = "bad date";
                break;
            case 1:
                std::snprintf(date, sizeof date, "2024-%02d-01", month);
                reason = "date 2024";
                break;
            case 2:
                partner = "LA9";
                reason = "unknown partner";
                break;
            case 3:
                scheme = "S77";
                reason = "unknown scheme";
                break;
            case 4:
                amount = "12.3.4";
                reason = "bad amount";
                amount_known = false;
                break;
            }
        } else if (i % 211 == 100 && !refs.empty()) {
            auto [r, rp] = refs[rnd() % refs.size()];
            ref = r;
            partner = partners[rp];
            reason = "duplicate ref " + r + " (first at ";
        }
        out += std::string(date) + "," + ref + "," + partner + "," + scheme + ",CC1," + desc + "," +
               amount + "\n";
        ++e.lines;
        if (reason.empty()) {
            auto& c = e.cells[{p, s, period}];
            c.first += pence;
            c.second += 1;
            e.accepted += pence;
            refs.push_back({ref, p});
        } else {
            e.rejects[line] = reason;
            if (amount_known) e.rejected += pence;
        }
        line += physical;
    }
    return out;
}

} // namespace

TEST_CASE("ledger: generated ledgers with seeded bad lines aggregate exactly") {
    Agreement a = small_agreement();
    for (std::uint32_t seed : {1u, 2u}) {
        Expected e;
        std::string text = generate(20000, seed, e);
        TempDir dir;
        std::string path = dir.file("gen.csv", text);
        for (unsigned threads : {1u, 2u, 3u}) {
            for (std::size_t block : {std::size_t(4096), std::size_t(65536)})
                for (bool map : {true, false}) {
                    CAPTURE(seed);
                    CAPTURE(threads);
                    CAPTURE(block);
                    CAPTURE(map);
                    LedgerOptions o;
                    o.map_files = map;
                    o.threads = threads;
                    o.block_bytes = block;
                    LedgerRun run = read_ledgers(&a, specs({path}), o);
                    CHECK(run.control.lines_read == e.lines);
                    CHECK(run.control.lines_rejected == e.rejects.size());
                    CHECK(run.control.lines_accepted + run.control.lines_rejected == e.lines);
                    CHECK(run.control.total_accepted.pence() == e.accepted);
                    CHECK(run.control.total_rejected.pence() == e.rejected);
                    CHECK(run.control.total_read.pence() == e.accepted + e.rejected);
                    REQUIRE(run.rejects.size() == e.rejects.size());
                    std::size_t k = 0;
                    for (const auto& [line, reason] : e.rejects) {
                        CAPTURE(line);
                        CHECK(run.rejects[k].line == line);
                        CHECK(run.rejects[k].reason.rfind(reason, 0) == 0);
                        ++k;
                    }
                    REQUIRE(run.actuals);
                    for (std::size_t p = 0; p < 2; ++p)
                        for (std::size_t s = 0; s < 2; ++s)
                            for (Period m : Period::all()) {
                                auto it = e.cells.find({p, s, m.number()});
                                std::int64_t want = it == e.cells.end() ? 0 : it->second.first;
                                std::uint64_t lines = it == e.cells.end() ? 0 : it->second.second;
                                CHECK(run.actuals->at(PartnerIndex{p}, SchemeIndex{s}, m).pence() ==
                                      want);
                                CHECK(run.actuals->lines_at(PartnerIndex{p}, SchemeIndex{s}, m) ==
                                      lines);
                            }
                }
        }
    }
}

TEST_CASE("ledger: one bad line among many is reported alone, and the totals balance") {
    Agreement a = small_agreement();
    // 200,000 good lines of 1.23 each; line 123,457 has a bad amount.
    std::string text = "date,ref,partner,scheme,cost_centre,description,amount\n";
    for (int i = 0; i < 200000; ++i) {
        text += "2025-07-15,R" + std::to_string(i) + ",BRISTOL,S02,CC1,x,";
        text += i == 123455 ? "1.2.3\n" : "1.23\n";
    }
    TempDir dir;
    LedgerOptions o;
    o.block_bytes = 1 << 16;
    LedgerRun run = read_ledgers(&a, specs({dir.file("big.csv", text)}), o);
    REQUIRE(run.rejects.size() == 1);
    CHECK(run.rejects[0].line == 123457); // header is line 1, R0 line 2
    CHECK(run.rejects[0].reason.rfind("bad amount \"1.2.3\"", 0) == 0);
    CHECK(run.control.lines_accepted == 199999);
    CHECK(run.control.total_accepted.pence() == 199999 * 123);
    CHECK(run.control.total_rejected.pence() == 0);
    CHECK(run.actuals->at(PartnerIndex{1}, SchemeIndex{1}, Period::nth(4)).pence() == 199999 * 123);
}

TEST_CASE("ledger: a pipe is copied to a temporary file and read like any file") {
    Agreement a = small_agreement();
    Expected e;
    std::string text = generate(5000, 3, e);
    TempDir dir;
    std::string fifo = dir.path() + "/pipe.csv";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::thread writer([&] { std::ofstream(fifo, std::ios::binary) << text; });
    LedgerOptions o;
    o.threads = 2;
    o.block_bytes = 4096;
    LedgerRun run = read_ledgers(&a, specs({fifo}), o);
    writer.join();
    CHECK(run.control.lines_read == e.lines);
    CHECK(run.control.total_accepted.pence() == e.accepted);
    CHECK(run.control.total_rejected.pence() == e.rejected);
    CHECK(run.rejects.size() == e.rejects.size());
    CHECK(run.inputs[0].bytes == text.size());
}
