#include "readers/ledger_reader.hpp"

#include "readers/ledger_codes.hpp"
#include "readers/ledger_csv.hpp"
#include "readers/ledger_date.hpp"
#include "readers/ledger_dup_index.hpp"
#include "readers/ledger_split.hpp"
#include "readers/parallel.hpp"
#include "readers/reject_spill.hpp"
#include "readers/sha256.hpp"
#include "readers/spill.hpp"
#include "support/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <exception>
#include <fcntl.h>
#include <limits>
#include <map>
#include <mutex>
#include <sys/stat.h>
#include <thread>
#include <tuple>
#include <unistd.h>

namespace poolkit {

std::string unescape(const CsvField& f) {
    std::string out(f.p, f.n);
    if (!f.escaped) return out;
    std::string r;
    r.reserve(out.size());
    for (std::size_t i = 0; i < out.size(); ++i) {
        r += out[i];
        if (out[i] == '"' && i + 1 < out.size() && out[i + 1] == '"') ++i;
    }
    return r;
}

namespace {

constexpr std::size_t F(LedgerField f) {
    return static_cast<std::size_t>(f);
}

// Raw counters of one thread, added up without the checked Money type on the hot path: the adds
// wrap, and are exact because the totals are checked to fit (see add_wrap).
struct RawTotals {
    std::uint64_t read = 0, accepted = 0, rejected = 0;
    std::int64_t p_read = 0, p_accepted = 0, p_rejected = 0;
    // With an agreement: per partner index, bit m-1 set when a line of period m was accepted (to
    // name the files of a partner whose year is short, SPEC §7).
    std::vector<std::uint16_t> periods;

    void mark(std::size_t partner, int period, std::size_t partners) {
        if (periods.size() < partners) periods.resize(partners);
        periods[partner] |= static_cast<std::uint16_t>(1u << (period - 1));
    }
    void merge_periods(const RawTotals& o) {
        if (periods.size() < o.periods.size()) periods.resize(o.periods.size());
        for (std::size_t i = 0; i < o.periods.size(); ++i)
            periods[i] |= o.periods[i];
    }

    ControlTotals control() const {
        ControlTotals c;
        c.lines_read = read;
        c.lines_accepted = accepted;
        c.lines_rejected = rejected;
        c.total_read = Money::from_pence(p_read);
        c.total_accepted = Money::from_pence(p_accepted);
        c.total_rejected = Money::from_pence(p_rejected);
        return c;
    }
};

// The adds of every total, by the threads and when their parts are merged. They wrap (defined,
// as unsigned), so the parts may pass the range of int64 on the way; what counts is the total in
// file and line order (SPEC §2: int64, overflow checked). No total can leave the range while the
// magnitudes of all the amounts read add up to at most INT64_MAX, which is nearly always so;
// when they do not, a pass over the files in order on one thread adds every total up again,
// checked, and names the line that takes one out of range. A wrapped sum whose true value is in
// range is that value, so the threads' totals are exact once that pass finds nothing.
[[gnu::always_inline]] inline void add_wrap(std::int64_t& to, std::int64_t v) {
    to = static_cast<std::int64_t>(static_cast<std::uint64_t>(to) + static_cast<std::uint64_t>(v));
}
[[gnu::always_inline]] inline void sub_wrap(std::int64_t& from, std::int64_t v) {
    from =
        static_cast<std::int64_t>(static_cast<std::uint64_t>(from) - static_cast<std::uint64_t>(v));
}
inline std::uint64_t magnitude(std::int64_t v) {
    return v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
}
constexpr auto total_limit =
    static_cast<unsigned __int128>(std::numeric_limits<std::int64_t>::max());

// The common amount forms ("-1234.5", "12", "0.07": at most 15 digits before the point) in pence,
// exactly as parse_money reads them; false for anything else, which parse_money then judges.
inline bool fast_pence(const char* p, std::size_t n, std::int64_t& out) {
    const char* e = p + n;
    bool neg = p < e && *p == '-';
    p += neg;
    const char* start = p;
    std::int64_t v = 0;
    // Stop at the 16th digit: more would overflow v (UB) before the length is checked.
    while (p < e && static_cast<unsigned>(*p - '0') < 10 && p - start < 16)
        v = v * 10 + (*p++ - '0');
    std::size_t digits = static_cast<std::size_t>(p - start);
    if (digits == 0 || digits > 15) return false;
    if (p == e) {
        v *= 100;
    } else {
        if (*p != '.') return false;
        ++p;
        std::size_t k = static_cast<std::size_t>(e - p);
        unsigned d0 = k > 0 ? static_cast<unsigned>(p[0] - '0') : 10;
        unsigned d1 = k > 1 ? static_cast<unsigned>(p[1] - '0') : 0;
        if (k == 0 || k > 2 || d0 > 9 || d1 > 9) return false;
        v = v * 100 + d0 * 10 + d1;
    }
    out = neg ? -v : v;
    return true;
}

struct Cell {
    std::int64_t pence = 0;
    std::int64_t lines = 0;
};

// A group of the whole run: partner, scheme, month (year * 12 + month - 1), cost centre.
using GlobalKey = std::tuple<std::string, std::string, int, std::string>;

// A group of the whole run: partner and scheme by rank, month, cost centre.
struct RankedGroup {
    std::uint32_t p = 0, s = 0;
    int month = 0;
    std::string cc;
    Cell cell;
    auto key() const { return std::tie(p, s, month, cc); }
};

// A group of one thread: partner, scheme, month, cost centre as that thread's ids.
struct GroupKey {
    std::uint32_t p, s, month, cc;
    bool operator==(const GroupKey&) const = default;
};

// An open-addressing map GroupKey -> Cell (free mode, and cost centres).
class GroupMap {
  public:
    GroupMap() : keys_(256), cells_(256), used_(256, 0) {}
    Cell& at(const GroupKey& k) {
        std::size_t mask = keys_.size() - 1;
        for (std::size_t i = hash(k) & mask;; i = (i + 1) & mask) {
            if (!used_[i]) {
                if ((count_ + 1) * 2 > keys_.size()) {
                    grow();
                    return at(k);
                }
                used_[i] = 1;
                keys_[i] = k;
                ++count_;
                return cells_[i];
            }
            if (keys_[i] == k) return cells_[i];
        }
    }
    template <typename Fn> void each(Fn fn) const {
        for (std::size_t i = 0; i < keys_.size(); ++i)
            if (used_[i]) fn(keys_[i], cells_[i]);
    }

  private:
    static std::size_t hash(const GroupKey& k) {
        return static_cast<std::size_t>(
            mix64((std::uint64_t(k.p) << 32 | k.s) ^ 0x9e3779b97f4a7c15ull,
                  (std::uint64_t(k.month) << 32 | k.cc) ^ 0xc2b2ae3d27d4eb4full));
    }
    void grow() {
        GroupMap bigger;
        bigger.keys_.assign(keys_.size() * 2, {});
        bigger.cells_.assign(keys_.size() * 2, {});
        bigger.used_.assign(keys_.size() * 2, 0);
        each([&](const GroupKey& k, const Cell& c) { bigger.at(k) = c; });
        *this = std::move(bigger);
    }
    std::vector<GroupKey> keys_;
    std::vector<Cell> cells_;
    std::vector<char> used_;
    std::size_t count_ = 0;
};

// A line whose key hash was suspected in the first pass, as the second pass sees it: read from
// the worker's spill in (file, line) order and judged there (SPEC §4: the first keeps its place).
struct Occurrence {
    LinePlace at;
    std::uint64_t hash = 0;
    std::int64_t pence = 0;
    std::int32_t month = 0; // year * 12 + month - 1
    std::string partner, scheme, cost_centre;
    std::vector<std::string> fields;
};

void put_occurrence(Spill& s, const Occurrence& o) {
    s.put_u32(o.at.file);
    s.put_u64(o.at.line);
    s.put_u64(o.hash);
    s.put_u64(static_cast<std::uint64_t>(o.pence));
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
    o.month = static_cast<std::int32_t>(c.get_u32());
    c.get_str(o.partner);
    c.get_str(o.scheme);
    c.get_str(o.cost_centre);
    o.fields.resize(c.get_u32());
    for (auto& f : o.fields)
        c.get_str(f);
}

// Everything one worker thread accumulates (never shared while the threads run).
struct Worker {
    std::vector<Cell> dense; // agreement mode without cost centres: partner x scheme x period
    GroupMap groups;
    CodeDict partners, schemes, centres;
    std::vector<RawTotals> files;
    RejectSpill rejects;             // the lines it rejected, in (file, line) order (first pass)
    DupCollector keys;               // the key hashes of the accepted lines (first pass)
    Spill occurrences;               // the lines with a suspected key hash, in order (second pass)
    unsigned __int128 magnitude = 0; // of every amount read: the range check
};

// A ledger file's layout, resolved from its header and profile.
struct Layout {
    std::size_t index = 0;
    std::string path;
    char delim = ',';
    std::optional<DateFormat> date;
    std::size_t ncols = 0;
    int col[ledger_field_count];
    std::optional<std::string> fixed[ledger_field_count];
    int fixed_partner = -1, fixed_scheme = -1; // agreement indices of fixed codes
    std::vector<int> key_cols;
    std::string key_name; // "ref", "Document No+Line No"
    std::vector<std::string> header;
};

// aggregate: every line judged and summed; confirm: the suspected duplicates set aside; locate:
// one thread, in order, to find the line at which the amounts leave the range.
enum class Pass { aggregate, confirm, locate };

// The locate pass's totals (one thread, file and line order), added checked (see add_wrap).
struct Located {
    std::vector<std::int64_t> read, accepted, rejected; // by file
    std::int64_t all_read = 0, all_accepted = 0, all_rejected = 0;
    // The accepted lines' totals by every grouping a statement may show: partner, scheme, month,
    // cost centre and each combination of them (the bits of the first), and their groups.
    std::map<std::pair<unsigned, GlobalKey>, std::int64_t> groups;
    std::optional<Spill::Cursor> dup; // through the places of the duplicates, in order
    std::optional<LinePlace> next_dup;
    void advance() {
        next_dup.reset();
        if (dup && !dup->at_end()) {
            LinePlace p;
            p.file = dup->get_u32();
            p.line = dup->get_u64();
            next_dup = p;
        }
    }
};

struct Shared {
    const Agreement* agreement = nullptr;
    const LedgerOptions* options = nullptr;
    CodeTable partner_codes, scheme_codes;
    std::size_t P = 0, S = 0;
    bool dense = false;         // cells in an array (a small agreement) or a map
    SuspectSet suspect_set;     // for the second pass
    Located* located = nullptr; // the locate pass's
};

std::string field_text(const CsvField& f) {
    return unescape(f);
}

// Where a record holds a carriage return that ends no line (one not before its newline), outside
// quotes; nullptr when none. Some programs end lines with CR alone (old Mac files).
// [b, e) starts a record or follows such a CR, so its quotes are balanced before b.
const char* bare_cr(const char* b, const char* e) {
    bool quoted = false;
    for (const char* p = b; p < e; ++p) {
        if (*p == '"') quoted = !quoted;
        if (*p == '\r' && !quoted && !(p + 1 < e && p[1] == '\n')) return p;
    }
    return nullptr;
}

class Parser {
  public:
    Parser(Shared& sh, const Layout& L, Worker& w, Pass pass)
        : sh_(sh), L_(L), w_(w), pass_(pass), tot_(w.files[L.index]) {}

    void block(const char* begin, const char* end, std::uint64_t first_line) {
        CsvScanner scan(begin, end, L_.delim);
        std::uint64_t line = first_line;
        while (scan.next(rec_)) {
            record(line);
            line += rec_.newlines;
        }
    }

  private:
    const CsvField& fld(int c) const { return rec_.field[c]; }

    void reject(std::uint64_t line, std::string_view reason, bool amount_ok, std::int64_t pence) {
        if (pass_ == Pass::locate && amount_ok) located(line, pence, Figure::rejected);
        if (pass_ != Pass::aggregate) return;
        ++tot_.rejected;
        if (amount_ok) add_wrap(tot_.p_rejected, pence);
        // Straight to the worker's spill (SPEC §8): nothing of the line stays in memory.
        auto n =
            static_cast<std::uint32_t>(std::min<std::size_t>(rec_.fields, CsvRecord::max_fields));
        w_.rejects.begin(static_cast<std::uint32_t>(L_.index), line, reason,
                         amount_ok ? std::optional<std::int64_t>(pence) : std::nullopt, n);
        for (std::uint32_t i = 0; i < n; ++i) {
            const CsvField& f = rec_.field[i];
            if (f.escaped) {
                scratch1_ = unescape(f);
                w_.rejects.field(scratch1_);
            } else {
                w_.rejects.field(f.raw());
            }
        }
    }

    // The value of a field, or the profile's fixed value; `in_block` when it is text inside the
    // block (with readable padding after it).
    [[gnu::always_inline]] std::string_view value(LedgerField f, std::string& scratch,
                                                  bool& in_block) const {
        std::size_t i = F(f);
        in_block = false;
        if (L_.fixed[i]) return *L_.fixed[i];
        if (L_.col[i] < 0) return std::string_view("", 0); // never a null pointer (memcpy, memcmp)
        const CsvField& x = fld(L_.col[i]);
        if (!x.escaped) {
            in_block = true;
            return x.raw();
        }
        scratch = unescape(x);
        return scratch;
    }
    std::string_view value(LedgerField f, std::string& scratch) const {
        bool in_block;
        return value(f, scratch, in_block);
    }

    static std::string shown(std::string_view s) {
        if (s.empty()) return "(empty)";
        std::string out = "\"";
        for (char c : s.substr(0, 60))
            out += c;
        if (s.size() > 60) out += "...";
        return out + "\"";
    }

    bool amount(const CsvRecord& r, std::int64_t& pence, std::string& why) const {
        if (L_.col[F(LedgerField::amount)] >= 0) {
            const CsvField& f = r.field[L_.col[F(LedgerField::amount)]];
            if (!f.quoted && fast_pence(f.p, f.n, pence)) return true;
            MoneyParse m = parse_money(f.raw(), f.quoted);
            if (!m) {
                why = fmt::format("bad amount {}: {}", shown(field_text(f)), describe(m.error));
                return false;
            }
            pence = m.value.pence();
            return true;
        }
        const CsvField& d = r.field[L_.col[F(LedgerField::debit)]];
        const CsvField& c = r.field[L_.col[F(LedgerField::credit)]];
        if (d.n == 0 && c.n == 0) {
            why = "bad amount: both the debit and the credit are empty";
            return false;
        }
        std::int64_t dv = 0, cv = 0;
        for (auto [f, v, name] : {std::tuple{&d, &dv, "debit"}, std::tuple{&c, &cv, "credit"}}) {
            if (f->n == 0) continue;
            MoneyParse m = parse_money(f->raw(), f->quoted);
            if (!m) {
                why = fmt::format("bad amount: {} {}: {}", name, shown(field_text(*f)),
                                  describe(m.error));
                return false;
            }
            *v = m.value.pence();
        }
        if (__builtin_sub_overflow(dv, cv, &pence)) {
            why = "bad amount: debit minus credit is out of range";
            return false;
        }
        return true;
    }

    // An amount read: in the total read, and its magnitude in the range screen (see add_wrap).
    void count_amount(std::uint64_t line, std::int64_t pence) {
        if (pass_ == Pass::aggregate) {
            w_.magnitude += magnitude(pence);
            add_wrap(tot_.p_read, pence);
        } else if (pass_ == Pass::locate) {
            located(line, pence, Figure::read);
        }
    }

    // The locate pass: adds an amount to the file's and the run's total of a kind, and (accepted
    // lines) to its groups' by every grouping, checked; the first that leaves the range stops
    // the run here.
    enum class Figure { read, accepted, rejected };
    void located(std::uint64_t line, std::int64_t pence, Figure f,
                 const GlobalKey* group = nullptr) {
        Located& x = *sh_.located;
        const char* kind = f == Figure::read       ? "read"
                           : f == Figure::accepted ? "accepted"
                                                   : "rejected";
        std::int64_t& file = (f == Figure::read       ? x.read
                              : f == Figure::accepted ? x.accepted
                                                      : x.rejected)[L_.index];
        std::int64_t& all = f == Figure::read       ? x.all_read
                            : f == Figure::accepted ? x.all_accepted
                                                    : x.all_rejected;
        auto check = [&](std::int64_t& total, const std::string& what) {
            if (__builtin_add_overflow(total, pence, &total))
                throw Error(ErrorKind::arithmetic, {L_.path, static_cast<long>(line), 0},
                            fmt::format("the ledgers' total is out of range: this line's amount "
                                        "({}) takes {} beyond ±92,233,720,368,547,758.07, the "
                                        "most poolkit adds up exactly; is an amount wrong?",
                                        format_plain(Money::from_pence(pence)), what));
        };
        check(file, fmt::format("the total {} of {}", kind, L_.path));
        check(all, fmt::format("the total {} of all the ledgers", kind));
        if (!group) return;
        const unsigned groupings = sh_.options->by_cost_centre ? 16 : 8;
        for (unsigned bits = 1; bits < groupings; ++bits) {
            const auto& [partner, scheme, month, centre] = *group;
            GlobalKey k{bits & 1 ? partner : "", bits & 2 ? scheme : "", bits & 4 ? month : 0,
                        bits & 8 ? centre : ""};
            std::string what;
            auto part = [&](const std::string& p) { what += (what.empty() ? "" : ", ") + p; };
            if (bits & 1) part("partner " + partner);
            if (bits & 2) part("scheme " + scheme);
            if (bits & 4) part(fmt::format("{:04d}-{:02d}", month / 12, month % 12 + 1));
            if (bits & 8) part("cost centre " + centre);
            check(x.groups[{bits, k}], "the total of " + what);
        }
    }

    // A record with the wrong number of fields. When a carriage return alone joins what are
    // whole records (a file whose lines end in CR, or a CR that crept into one), each part's
    // amount that can be read is counted, so that no pence vanish from the totals (SPEC §5:
    // total_read = accepted + rejected), and the reason says why.
    void wrong_fields(std::uint64_t line) {
        std::string why =
            fmt::format("wrong number of fields: {}, the header has {}", rec_.fields, L_.ncols);
        const char* cr = bare_cr(rec_.begin, rec_.end);
        if (!cr) {
            reject(line, why, false, 0);
            return;
        }
        std::size_t parts = 0, whole = 0, readable = 0;
        std::int64_t pence = 0;
        for (const char* b = rec_.begin; b < rec_.end;) {
            const char* e = cr ? cr : rec_.end;
            ++parts;
            CsvScanner scan(b, e, L_.delim);
            if (scan.next(part_) && part_.fields == L_.ncols && !part_.bad_quoting) {
                ++whole;
                std::int64_t p = 0;
                if (amount(part_, p, why_)) {
                    ++readable;
                    count_amount(line, p);
                    std::int64_t before = pence;
                    add_wrap(pence, p);
                    if (pass_ == Pass::locate && __builtin_add_overflow(before, p, &before))
                        throw Error(ErrorKind::arithmetic, {L_.path, static_cast<long>(line), 0},
                                    "the ledgers' total is out of range: the amounts of the "
                                    "parts of this line add up beyond "
                                    "±92,233,720,368,547,758.07; is an amount wrong?");
                }
            }
            b = e + (cr ? 1 : 0);
            if (cr) cr = bare_cr(b, rec_.end);
        }
        why += fmt::format(": a carriage return (CR) alone splits the line into {} parts ({} of "
                           "them whole records{}); end each line with LF or CRLF, not CR alone "
                           "(old Mac line endings)",
                           parts, whole,
                           readable ? fmt::format(", whose amounts, {} in all, are counted "
                                                  "as rejected",
                                                  format_plain(Money::from_pence(pence)))
                                    : "");
        reject(line, why, readable > 0, pence);
    }

    void record(std::uint64_t line) {
        if (rec_.blank()) return; // an empty line holds no data and is not counted
        if (pass_ == Pass::aggregate) ++tot_.read;
        if (rec_.bad_quoting) {
            reject(line,
                   "bad quoting: a field's quotes do not open and close around it (quote "
                   "a whole field, and write a quote inside it as \"\")",
                   false, 0);
            return;
        }
        if (rec_.fields != L_.ncols) {
            wrong_fields(line);
            return;
        }
        std::int64_t pence = 0;
        std::string& amount_why = why_;
        bool amount_ok = amount(rec_, pence, amount_why);
        if (amount_ok) count_amount(line, pence);

        const CsvField& df = fld(L_.col[F(LedgerField::date)]);
        auto date = L_.date->parse(df.p, df.n);
        if (!date) {
            reject(line,
                   fmt::format("bad date {} (expected {}, a real day)", shown(field_text(df)),
                               L_.date->example()),
                   amount_ok, pence);
            return;
        }
        int month = date->year * 12 + date->month - 1;
        int period = 0;
        if (sh_.agreement) {
            period = sh_.agreement->year.period_of(date->year, date->month);
            if (!period) {
                reject(line,
                       fmt::format("date {} is outside the financial year {} ({} to 31 March "
                                   "{})",
                                   field_text(df), sh_.agreement->year.label(),
                                   sh_.agreement->year.start_date(),
                                   sh_.agreement->year.start_year() + 1),
                       amount_ok, pence);
                return;
            }
        }
        std::string& s1 = scratch1_;
        std::string& s2 = scratch2_;
        bool p_padded = false, s_padded = false;
        std::string_view partner = value(LedgerField::partner, s1, p_padded);
        std::string_view scheme = value(LedgerField::scheme, s2, s_padded);
        std::uint32_t pid = 0, sid = 0;
        if (sh_.agreement) {
            int p = L_.fixed_partner >= 0 ? L_.fixed_partner
                    : p_padded ? sh_.partner_codes.find_padded(partner.data(), partner.size())
                               : sh_.partner_codes.find(partner);
            if (p < 0) {
                reject(line,
                       fmt::format("unknown partner {} (the agreement's partners: {})",
                                   shown(partner), partner_list()),
                       amount_ok, pence);
                return;
            }
            int s = L_.fixed_scheme >= 0 ? L_.fixed_scheme
                    : s_padded ? sh_.scheme_codes.find_padded(scheme.data(), scheme.size())
                               : sh_.scheme_codes.find(scheme);
            if (s < 0) {
                reject(
                    line,
                    fmt::format("unknown scheme {} (not a scheme of the agreement)", shown(scheme)),
                    amount_ok, pence);
                return;
            }
            pid = static_cast<std::uint32_t>(p);
            sid = static_cast<std::uint32_t>(s);
        } else {
            if (partner.empty()) {
                reject(line, "unknown partner (empty)", amount_ok, pence);
                return;
            }
            if (scheme.empty()) {
                reject(line, "unknown scheme (empty)", amount_ok, pence);
                return;
            }
            if (pass_ == Pass::aggregate) {
                pid = w_.partners.intern(partner);
                sid = w_.schemes.intern(scheme);
            }
        }
        if (!amount_ok) {
            reject(line, amount_why, false, 0);
            return;
        }
        std::uint64_t key_hash = 0;
        if (sh_.options->duplicate_check) {
            // The partner's index with an agreement (the same code always has the same index),
            // else its code.
            std::uint64_t h =
                sh_.agreement ? mix64(pid + 0x51ed270b27c3a3f1ull, 0x9e3779b97f4a7c15ull)
                              : hash_bytes(partner.data(), partner.size(), 0x51ed270b27c3a3f1ull);
            bool any = false;
            for (int c : L_.key_cols) {
                const CsvField& k = fld(c);
                if (k.escaped) {
                    std::string v = unescape(k);
                    h = hash_key(v.data(), v.size(), h, false);
                } else {
                    h = hash_key(k.p, k.n, h, true);
                }
                any |= k.n != 0;
            }
            if (!any) {
                reject(line,
                       fmt::format("missing {}: the fields that identify a line are empty",
                                   L_.key_name),
                       true, pence);
                return;
            }
            key_hash = h | 1;
        }
        if (pass_ == Pass::locate) {
            Located& x = *sh_.located;
            if (x.next_dup && x.next_dup->file == L_.index && x.next_dup->line == line) {
                x.advance(); // a duplicate, rejected (SPEC §4)
                located(line, pence, Figure::rejected);
                return;
            }
            std::string s3;
            GlobalKey g{std::string(partner), std::string(scheme), month,
                        sh_.options->by_cost_centre
                            ? std::string(value(LedgerField::cost_centre, s3))
                            : std::string()};
            located(line, pence, Figure::accepted, &g);
            return;
        }
        if (pass_ == Pass::confirm) {
            if (sh_.suspect_set.find(key_hash) != SuspectSet::npos)
                occurrence(line, key_hash, partner, scheme, month, pence);
            return;
        }
        if (sh_.options->duplicate_check) w_.keys.add(key_hash);
        ++tot_.accepted;
        add_wrap(tot_.p_accepted, pence);
        if (sh_.agreement) tot_.mark(pid, period, sh_.P);
        Cell* cell;
        if (sh_.dense) {
            cell = &w_.dense[(pid * sh_.S + sid) * 12 + static_cast<std::size_t>(period - 1)];
        } else {
            std::uint32_t cc = 0;
            if (sh_.options->by_cost_centre) {
                std::string s3;
                cc = w_.centres.intern(value(LedgerField::cost_centre, s3));
            }
            cell = &w_.groups.at(GroupKey{pid, sid, static_cast<std::uint32_t>(month), cc});
        }
        add_wrap(cell->pence, pence);
        ++cell->lines;
    }

    void occurrence(std::uint64_t line, std::uint64_t hash, std::string_view partner,
                    std::string_view scheme, int month, std::int64_t pence) {
        Occurrence& o = occ_;
        o.at = {static_cast<std::uint32_t>(L_.index), line};
        o.hash = hash;
        o.partner = partner;
        o.scheme = scheme;
        o.cost_centre.clear();
        if (sh_.options->by_cost_centre) {
            std::string s3;
            o.cost_centre = value(LedgerField::cost_centre, s3);
        }
        o.month = month;
        o.pence = pence;
        o.fields.resize(std::min<std::size_t>(rec_.fields, CsvRecord::max_fields));
        for (std::size_t i = 0; i < o.fields.size(); ++i)
            o.fields[i] = field_text(rec_.field[i]);
        put_occurrence(w_.occurrences, o);
    }

    std::string partner_list() const {
        std::string s;
        for (const auto& p : sh_.agreement->partners)
            s += (s.empty() ? "" : ", ") + p.id;
        return s;
    }

    Shared& sh_;
    const Layout& L_;
    Worker& w_;
    Pass pass_;
    RawTotals& tot_;
    CsvRecord rec_, part_;
    Occurrence occ_;
    std::string why_, scratch1_, scratch2_; // reused: no allocation per line
};

// ---- files ----------------------------------------------------------------------------------

struct OpenLedger {
    std::string path;
    int fd = -1;
    std::uint64_t size = 0;
};

[[noreturn]] void cannot(const std::string& path, const std::string& msg) {
    throw Error(ErrorKind::input, {path, 0, 0}, msg);
}

// Standard input, a pipe or a device is copied to an unnamed temporary file, so that it can be
// mapped, split and read twice like any ledger file.
int spool(int src, const std::string& path) {
    FILE* tmp = std::tmpfile();
    if (!tmp) cannot(path, fmt::format("cannot make a temporary file: {}", std::strerror(errno)));
    int fd = ::dup(::fileno(tmp));
    std::fclose(tmp);
    std::vector<char> buf(1 << 20);
    for (;;) {
        ssize_t n = ::read(src, buf.data(), buf.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) cannot(path, fmt::format("cannot read the ledger: {}", std::strerror(errno)));
        if (n == 0) break;
        for (ssize_t off = 0; off < n;) {
            ssize_t w = ::write(fd, buf.data() + off, static_cast<std::size_t>(n - off));
            if (w < 0 && errno == EINTR) continue;
            if (w < 0)
                cannot(path, fmt::format("cannot copy the ledger to a temporary file: {}",
                                         std::strerror(errno)));
            off += w;
        }
    }
    ::lseek(fd, 0, SEEK_SET);
    return fd;
}

bool same_bytes(int a, int b) {
    std::vector<char> x(1 << 16), y(1 << 16);
    off_t off = 0;
    for (;;) {
        ssize_t n = ::pread(a, x.data(), x.size(), off);
        ssize_t m = ::pread(b, y.data(), y.size(), off);
        if (n != m || n < 0) return false;
        if (n == 0) return true;
        if (std::memcmp(x.data(), y.data(), static_cast<std::size_t>(n)) != 0) return false;
        off += n;
    }
}

std::vector<OpenLedger> open_ledgers(const std::vector<LedgerSpec>& specs) {
    std::vector<OpenLedger> out;
    std::vector<struct stat> stats;
    bool stdin_seen = false;
    try {
        for (const auto& spec : specs) {
            OpenLedger o;
            o.path = spec.path;
            if (spec.path == "-") {
                if (stdin_seen) cannot("-", "standard input is given twice");
                stdin_seen = true;
                o.fd = spool(0, "-");
            } else {
                o.fd = ::open(spec.path.c_str(), O_RDONLY | O_CLOEXEC);
                if (o.fd < 0) {
                    int err = errno;
                    cannot(spec.path,
                           fmt::format("cannot open the ledger file: {}{}", std::strerror(err),
                                       err == ENOENT ? " (check the path)" : ""));
                }
            }
            struct stat st {};
            ::fstat(o.fd, &st);
            if (S_ISDIR(st.st_mode)) {
                ::close(o.fd);
                cannot(spec.path, "is a directory, not a ledger file");
            }
            if (!S_ISREG(st.st_mode)) { // a pipe (e.g. <(...)) or a device
                int copy = spool(o.fd, spec.path);
                ::close(o.fd);
                o.fd = copy;
                ::fstat(o.fd, &st);
            }
            o.size = static_cast<std::uint64_t>(st.st_size);
            for (std::size_t i = 0; i < out.size(); ++i) {
                bool same_file = stats[i].st_dev == st.st_dev && stats[i].st_ino == st.st_ino;
                bool same_content = !same_file && S_ISREG(st.st_mode) &&
                                    S_ISREG(stats[i].st_mode) && stats[i].st_size == st.st_size &&
                                    same_bytes(out[i].fd, o.fd);
                if (same_file || same_content) {
                    ::close(o.fd);
                    cannot(spec.path,
                           fmt::format("{} {}: each ledger is read once, so it is not counted "
                                       "twice",
                                       same_file ? "is the same file as" : "has the same bytes as",
                                       out[i].path));
                }
            }
            stats.push_back(st);
            out.push_back(o);
        }
    } catch (...) {
        for (auto& o : out)
            ::close(o.fd);
        throw;
    }
    return out;
}

// ---- header -----------------------------------------------------------------------------------

std::string lower_trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    std::string out(s);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Reads the header (after the profile's skip_lines) at the start of the first block, and moves
// the block's start past it.
Layout read_header(LedgerBlock& b, const LedgerSpec& spec, std::size_t index, const Shared& sh) {
    Layout L;
    L.index = index;
    L.path = spec.path;
    const LedgerProfile& prof = spec.profile;
    L.delim = prof.delimiter;
    L.date = DateFormat::compile(prof.date_format);
    if (!L.date) cannot(prof.file, fmt::format("bad date_format \"{}\"", prof.date_format));
    const char* begin = b.data() + b.begin;
    const char* end = b.data() + b.end;
    if (end - begin >= 3 && std::memcmp(begin, "\xEF\xBB\xBF", 3) == 0) begin += 3; // UTF-8 BOM
    CsvScanner scan(begin, end, L.delim);
    CsvRecord r;
    std::uint64_t line = b.first_line;
    // A CR that ends no line, above the data: the file's lines end in CR alone (SPEC §4 reads LF
    // and CRLF), which would otherwise look like one long line and a missing column.
    auto no_bare_cr = [&] {
        if (bare_cr(r.begin, r.end)) cr_line_ends(spec.path, line);
    };
    for (int i = 0; i < prof.skip_lines; ++i) {
        if (!scan.next(r))
            throw Error(ErrorKind::input, {spec.path, static_cast<long>(line), 0},
                        fmt::format("the file ends within the {} lines the profile \"{}\" skips "
                                    "above the header",
                                    prof.skip_lines, prof.name));
        no_bare_cr();
        line += r.newlines;
    }
    std::uint64_t header_line = line;
    if (!scan.next(r) || r.blank())
        throw Error(ErrorKind::input, {spec.path, static_cast<long>(header_line), 0},
                    "no header row: a ledger starts with a row of column names (e.g. " +
                        std::string("date,ref,partner,scheme,cost_centre,description,amount)"));
    no_bare_cr();
    line += r.newlines;
    std::size_t n = std::min<std::size_t>(r.fields, CsvRecord::max_fields);
    for (std::size_t i = 0; i < n; ++i)
        L.header.push_back(unescape(r.field[i]));
    L.ncols = r.fields;
    // The column of a name (case and surrounding blanks aside); two columns of that name are an
    // error, since either might be the one meant.
    auto find_col = [&](const std::string& name, std::string_view what) -> int {
        std::string want = lower_trim(name);
        std::vector<std::size_t> at;
        for (std::size_t i = 0; i < L.header.size(); ++i)
            if (lower_trim(L.header[i]) == want) at.push_back(i);
        if (at.size() > 1) {
            std::string cols;
            for (std::size_t k = 0; k < at.size(); ++k)
                cols += fmt::format("{}{}",
                                    k == 0               ? ""
                                    : k + 1 == at.size() ? " and "
                                                         : ", ",
                                    at[k] + 1);
            throw Error(ErrorKind::input, {spec.path, static_cast<long>(header_line), 0},
                        fmt::format("the header has {} columns named \"{}\" (columns {}) for "
                                    "the {}: rename or remove all but one, so that it is clear "
                                    "which one is meant",
                                    at.size(), name, cols, what));
        }
        if (at.empty()) return -1;
        return static_cast<int>(at[0]);
    };
    auto columns_list = [&] {
        // Names cut short (at a character boundary), control bytes shown as '?', and the columns
        // past the ones read said to be there: a header of a 10 MB line or 1,000 columns still
        // makes a message a person can read.
        std::string s;
        for (const auto& h : L.header) {
            std::size_t cut = h.size() > 40 ? 40 : h.size();
            while (cut < h.size() && cut > 0 && (static_cast<unsigned char>(h[cut]) & 0xC0) == 0x80)
                --cut;
            std::string name = h.substr(0, cut) + (cut < h.size() ? "..." : "");
            for (char& c : name)
                if (static_cast<unsigned char>(c) < 0x20) c = '?';
            s += (s.empty() ? "" : ", ") + name;
        }
        if (L.ncols > L.header.size())
            s += fmt::format("; only the first {} of its {} columns are read: put the columns "
                             "poolkit needs among them",
                             L.header.size(), L.ncols);
        return s;
    };
    for (std::size_t f = 0; f < ledger_field_count; ++f) {
        L.col[f] = -1;
        L.fixed[f] = prof.fixed[f];
        const std::string& name = prof.columns[f];
        if (name.empty()) continue;
        L.col[f] = find_col(name, ledger_field_name(static_cast<LedgerField>(f)));
        bool optional = f == F(LedgerField::description) || f == F(LedgerField::ref) ||
                        f == F(LedgerField::cost_centre);
        if (L.col[f] < 0 && !optional)
            throw Error(ErrorKind::input, {spec.path, static_cast<long>(header_line), 0},
                        fmt::format("no column \"{}\" for the {} (the header has: {}); is this "
                                    "the right profile? (--profile; this is \"{}\")",
                                    name, ledger_field_name(static_cast<LedgerField>(f)),
                                    columns_list(), prof.name));
    }
    if (sh.agreement) {
        auto fix = [&](LedgerField f, const CodeTable& t, const char* what, int& out) {
            if (!L.fixed[F(f)]) return;
            out = t.find(*L.fixed[F(f)]);
            if (out < 0)
                cannot(prof.file.empty() ? spec.path : prof.file,
                       fmt::format("the profile \"{}\" fixes {} \"{}\", which is not a {} of the "
                                   "agreement",
                                   prof.name, what, *L.fixed[F(f)], what));
        };
        fix(LedgerField::partner, sh.partner_codes, "partner", L.fixed_partner);
        fix(LedgerField::scheme, sh.scheme_codes, "scheme", L.fixed_scheme);
    }
    if (sh.options->duplicate_check) {
        for (const auto& k : prof.duplicate_key) {
            int c = -1;
            std::string column = k; // the header name looked for
            bool logical = false;
            for (std::size_t f = 0; f < ledger_field_count; ++f)
                if (k == ledger_field_name(static_cast<LedgerField>(f))) {
                    logical = true;
                    c = L.col[f];
                    if (!prof.columns[f].empty()) column = prof.columns[f];
                    if (c < 0 && L.fixed[f]) c = -2; // a fixed value: the same on every line
                }
            if (!logical) c = find_col(k, "duplicate key");
            if (c == -1)
                throw Error(ErrorKind::input, {spec.path, static_cast<long>(header_line), 0},
                            fmt::format("no column \"{}\" for the duplicate key (the header has: "
                                        "{}); use --no-duplicate-check to read it without one",
                                        column, columns_list()));
            if (c >= 0) L.key_cols.push_back(c);
            L.key_name += (L.key_name.empty() ? "" : "+") + k;
        }
    }
    b.begin = static_cast<std::size_t>(scan.position() - b.data());
    b.first_line = line;
    return L;
}

// ---- the parallel read of one file -------------------------------------------------------------

class FileRun {
  public:
    FileRun(Shared& sh, std::vector<Worker>& workers, const LedgerSpec& spec, std::size_t index,
            int fd, Pass pass, Sha256* sha)
        : sh_(sh), workers_(workers), spec_(spec), index_(index), pass_(pass),
          reader_(fd, spec.path, sh.options->block_bytes, sha, sh.options->map_files) {}

    Layout run() {
        std::size_t threads = workers_.size();
        for (std::size_t i = 0; i < threads * 2 + 1; ++i)
            free_.push_back(std::make_unique<LedgerBlock>());
        // The first block holds the header: read it here, before any thread parses.
        std::unique_ptr<LedgerBlock> first = std::move(free_.back());
        free_.pop_back();
        if (!reader_.next(*first))
            throw Error(ErrorKind::input, {spec_.path, 1, 0},
                        "the ledger is empty: it needs a header row of column names");
        layout_ = read_header(*first, spec_, index_, sh_);
        ready_.push_back(std::move(first));
        // As many threads as will start: the blocks go to whichever thread is free.
        run_parallel(static_cast<unsigned>(threads), [this](unsigned k) { work(k); });
        if (error_) std::rethrow_exception(error_);
        bytes_ = reader_.bytes_read();
        return layout_;
    }
    std::uint64_t bytes() const { return bytes_; }

  private:
    // Any failure stops every thread (none waits for a block that will not come) and is
    // rethrown by run().
    void work(std::size_t k) {
        try {
            loop(k);
        } catch (...) {
            std::lock_guard lk(mu_);
            if (!error_) error_ = std::current_exception();
            cv_.notify_all();
        }
    }
    void loop(std::size_t k) {
        std::unique_lock lk(mu_);
        for (;;) {
            if (error_) return;
            if (!splitting_ && !eof_ && !free_.empty() && ready_.size() < workers_.size()) {
                splitting_ = true;
                std::unique_ptr<LedgerBlock> b = std::move(free_.back());
                free_.pop_back();
                lk.unlock();
                bool got = false;
                std::exception_ptr err;
                try {
                    got = reader_.next(*b);
                } catch (...) {
                    err = std::current_exception();
                }
                lk.lock();
                splitting_ = false;
                if (err) error_ = err;
                if (got)
                    ready_.push_back(std::move(b));
                else
                    eof_ = true, free_.push_back(std::move(b));
                cv_.notify_all();
                continue;
            }
            if (!ready_.empty()) {
                std::unique_ptr<LedgerBlock> b = std::move(ready_.front());
                ready_.pop_front();
                lk.unlock();
                std::exception_ptr err;
                try {
                    Parser p(sh_, layout_, workers_[k], pass_);
                    p.block(b->data() + b->begin, b->data() + b->end, b->first_line);
                    reader_.done(*b);
                } catch (...) {
                    err = std::current_exception();
                }
                lk.lock();
                if (err) error_ = err;
                free_.push_back(std::move(b));
                cv_.notify_all();
                continue;
            }
            if (eof_ && !splitting_) return;
            cv_.wait(lk);
        }
    }

    Shared& sh_;
    std::vector<Worker>& workers_;
    const LedgerSpec& spec_;
    std::size_t index_;
    Pass pass_;
    BlockReader reader_;
    Layout layout_;
    std::mutex mu_;
    std::condition_variable cv_;
    std::vector<std::unique_ptr<LedgerBlock>> free_;
    std::deque<std::unique_ptr<LedgerBlock>> ready_;
    bool splitting_ = false, eof_ = false;
    std::exception_ptr error_;
    std::uint64_t bytes_ = 0;
};

// A partner x scheme x period array per thread while it is small; a bigger agreement's cells go
// in the hash map, so memory follows the lines, not the agreement's size (SPEC §8).
constexpr std::size_t dense_cells_max = std::size_t(1) << 16;

// The magnitudes of the amounts add up to more than INT64_MAX, so a total may be out of range:
// read the files again, in order on one thread, adding every total up checked, to name the line
// that takes one out of range, if any (see add_wrap). `duplicates`: the duplicates' places.
void locate_overflow(Shared& sh, const std::vector<LedgerSpec>& ledgers,
                     const std::vector<OpenLedger>& files, const Spill& duplicates) {
    Located x;
    x.read.assign(ledgers.size(), 0);
    x.accepted.assign(ledgers.size(), 0);
    x.rejected.assign(ledgers.size(), 0);
    x.dup.emplace(duplicates);
    x.advance();
    sh.located = &x;
    std::vector<Worker> solo(1);
    solo[0].files.resize(ledgers.size());
    for (std::size_t i = 0; i < ledgers.size(); ++i) {
        ::lseek(files[i].fd, 0, SEEK_SET);
        FileRun fr(sh, solo, ledgers[i], i, ::dup(files[i].fd), Pass::locate, nullptr);
        fr.run();
    }
    sh.located = nullptr;
}

} // namespace

LedgerRun read_ledgers(const Agreement* agreement, const std::vector<LedgerSpec>& ledgers,
                       const LedgerOptions& options) {
    if (ledgers.empty()) throw Error(ErrorKind::usage, "no ledger files given");
    Shared sh;
    sh.agreement = agreement;
    sh.options = &options;
    std::vector<std::string> pids, sids;
    if (agreement) {
        for (const auto& p : agreement->partners)
            pids.push_back(p.id);
        for (const auto& s : agreement->schemes)
            sids.push_back(s.id);
        sh.partner_codes = CodeTable(pids);
        sh.scheme_codes = CodeTable(sids);
        sh.P = pids.size();
        sh.S = sids.size();
    }
    std::vector<OpenLedger> files = open_ledgers(ledgers);
    struct Closer {
        std::vector<OpenLedger>& f;
        ~Closer() {
            for (auto& o : f)
                if (o.fd >= 0) ::close(o.fd);
        }
    } closer{files};

    unsigned threads = options.threads ? options.threads : std::thread::hardware_concurrency();
    threads = std::clamp(threads, 1u, 16u);
    sh.dense = agreement && !options.by_cost_centre && sh.P * sh.S * 12 <= dense_cells_max;
    std::vector<Worker> workers(threads);
    for (auto& w : workers) {
        w.files.resize(ledgers.size());
        if (sh.dense) w.dense.resize(sh.P * sh.S * 12);
    }

    LedgerRun run;
    std::vector<Layout> layouts;
    std::vector<std::string> paths;
    for (std::size_t i = 0; i < ledgers.size(); ++i) {
        Sha256 sha;
        int fd = ::dup(files[i].fd);
        FileRun fr(sh, workers, ledgers[i], i, fd, Pass::aggregate,
                   options.hash_inputs ? &sha : nullptr);
        layouts.push_back(fr.run());
        InputFile rec;
        rec.role = "ledger";
        rec.path = ledgers[i].path;
        rec.bytes = fr.bytes();
        if (options.hash_inputs) rec.sha256 = sha.hex();
        run.inputs.push_back(std::move(rec));
        if (ledgers[i].profile_record) run.inputs.push_back(*ledgers[i].profile_record);
        run.headers.push_back(layouts.back().header);
        paths.push_back(ledgers[i].path);
    }

    // Every total is a sum of some of the amounts read: if their magnitudes fit in int64, so does
    // every total, whatever the order (SPEC §2); else they are checked in order below.
    unsigned __int128 magnitudes = 0;
    for (const auto& w : workers)
        magnitudes += w.magnitude;
    const bool may_overflow = magnitudes > total_limit;
    Spill duplicate_places; // (file, line) of each duplicate, when may_overflow

    // The key hashes seen more than once (suspected duplicates), over every worker and file.
    if (options.duplicate_check) {
        std::vector<DupCollector*> collectors;
        for (auto& w : workers)
            collectors.push_back(&w.keys);
        sh.suspect_set = SuspectSet(repeated_hashes(collectors, threads));
    }

    // The partners' and schemes' ranks: agreement order, else code order over every thread's
    // codes (free mode).
    std::vector<std::string> pnames = pids, snames = sids;
    if (!agreement) {
        for (const auto& w : workers)
            for (std::uint32_t i = 0; i < w.partners.size(); ++i)
                pnames.push_back(w.partners.name(i));
        for (const auto& w : workers)
            for (std::uint32_t i = 0; i < w.schemes.size(); ++i)
                snames.push_back(w.schemes.name(i));
        for (auto* v : {&pnames, &snames}) {
            std::sort(v->begin(), v->end());
            v->erase(std::unique(v->begin(), v->end()), v->end());
        }
    }
    auto rank = [&](const std::vector<std::string>& names, const CodeTable& codes,
                    std::string_view code) {
        if (agreement) return static_cast<std::uint32_t>(codes.find(code));
        return static_cast<std::uint32_t>(std::lower_bound(names.begin(), names.end(), code) -
                                          names.begin());
    };

    // Merge the workers' groups by rank, in the order of the rows (SPEC §5: deterministic).
    std::vector<RankedGroup> groups;
    std::vector<RawTotals> file_totals(ledgers.size());
    auto log = std::make_shared<SpilledRejects>(paths);
    for (auto& w : workers) {
        if (!w.dense.empty()) {
            for (std::size_t p = 0; p < sh.P; ++p)
                for (std::size_t s = 0; s < sh.S; ++s)
                    for (int per = 1; per <= 12; ++per) {
                        const Cell& c =
                            w.dense[(p * sh.S + s) * 12 + static_cast<std::size_t>(per - 1)];
                        if (c.lines == 0) continue;
                        int month =
                            agreement->year.year_of(per) * 12 + FinancialYear::month_of(per) - 1;
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
                pr.push_back(rank(pnames, sh.partner_codes, w.partners.name(i)));
            for (std::uint32_t i = 0; i < w.schemes.size(); ++i)
                sr.push_back(rank(snames, sh.scheme_codes, w.schemes.name(i)));
        }
        w.groups.each([&](const GroupKey& k, const Cell& c) {
            if (c.lines == 0) return;
            groups.push_back({agreement ? k.p : pr[k.p], agreement ? k.s : sr[k.s],
                              static_cast<int>(k.month),
                              options.by_cost_centre ? w.centres.name(k.cc) : std::string(), c});
        });
        for (std::size_t i = 0; i < ledgers.size(); ++i) {
            RawTotals& t = file_totals[i];
            t.read += w.files[i].read;
            t.accepted += w.files[i].accepted;
            t.rejected += w.files[i].rejected;
            add_wrap(t.p_read, w.files[i].p_read);
            add_wrap(t.p_accepted, w.files[i].p_accepted);
            add_wrap(t.p_rejected, w.files[i].p_rejected);
            t.merge_periods(w.files[i]);
        }
        log->add(std::move(w.rejects));
        w = Worker{};
        w.files.resize(ledgers.size());
    }
    std::sort(groups.begin(), groups.end(),
              [](const RankedGroup& a, const RankedGroup& b) { return a.key() < b.key(); });
    {
        std::size_t out = 0;
        for (std::size_t i = 0; i < groups.size(); ++i) {
            if (out > 0 && groups[out - 1].key() == groups[i].key()) {
                add_wrap(groups[out - 1].cell.pence, groups[i].cell.pence);
                groups[out - 1].cell.lines += groups[i].cell.lines;
            } else {
                if (out != i) groups[out] = std::move(groups[i]);
                ++out;
            }
        }
        groups.resize(out);
    }

    // Second pass, only when the index suspected duplicates: set the suspected lines aside, then
    // judge them in file and line order, comparing their keys exactly; every line after the
    // first with its key is rejected.
    if (!sh.suspect_set.empty()) {
        for (std::size_t i = 0; i < ledgers.size(); ++i) {
            ::lseek(files[i].fd, 0, SEEK_SET);
            FileRun fr(sh, workers, ledgers[i], i, ::dup(files[i].fd), Pass::confirm, nullptr);
            fr.run();
        }
        std::vector<const Spill*> sets_aside;
        for (auto& w : workers)
            sets_aside.push_back(&w.occurrences);
        DupFirsts firsts(sh.suspect_set);
        RejectSpill duplicates;
        std::string key;
        auto place = [](const Occurrence& o) { return std::tie(o.at.file, o.at.line); };
        merge_in_order<Occurrence>(sets_aside, get_occurrence, place, [&](const Occurrence& o) {
            const Layout& L = layouts[o.at.file];
            // With an agreement the partner's index stands for its code (SPEC §4: a ref is unique
            // within a partner's lines): a byte or two, not the code, for each first kept.
            key.clear();
            if (agreement)
                append_key_index(key, rank(pnames, sh.partner_codes, o.partner));
            else
                append_key_part(key, o.partner);
            for (int c : L.key_cols)
                append_key_part(key, o.fields[static_cast<std::size_t>(c)]);
            std::optional<LinePlace> first = firsts.see(o.hash, key, o.at);
            if (!first) return true;
            std::string shown;
            for (std::size_t j = 0; j < L.key_cols.size(); ++j)
                shown += (j ? ", " : "") + o.fields[static_cast<std::size_t>(L.key_cols[j])];
            duplicates.begin(o.at.file, o.at.line,
                             fmt::format("duplicate {} {} (first at {}:{})", L.key_name, shown,
                                         ledgers[first->file].path, first->line),
                             o.pence, static_cast<std::uint32_t>(o.fields.size()));
            for (const auto& f : o.fields)
                duplicates.field(f);
            if (may_overflow) {
                duplicate_places.put_u32(o.at.file);
                duplicate_places.put_u64(o.at.line);
            }
            // The line was accepted in the first pass, so its group is there.
            RankedGroup want{rank(pnames, sh.partner_codes, o.partner),
                             rank(snames, sh.scheme_codes, o.scheme),
                             o.month,
                             o.cost_centre,
                             {}};
            auto g = std::lower_bound(
                groups.begin(), groups.end(), want,
                [](const RankedGroup& a, const RankedGroup& b) { return a.key() < b.key(); });
            if (g == groups.end() || g->key() != want.key())
                throw Error(ErrorKind::invariant, "a duplicate's group is missing");
            sub_wrap(g->cell.pence, o.pence);
            g->cell.lines -= 1;
            RawTotals& t = file_totals[o.at.file];
            t.accepted -= 1;
            t.rejected += 1;
            sub_wrap(t.p_accepted, o.pence);
            add_wrap(t.p_rejected, o.pence);
            return true;
        });
        log->add(std::move(duplicates));
        for (auto& w : workers)
            w.occurrences = Spill();
    }

    if (may_overflow) locate_overflow(sh, ledgers, files, duplicate_places);

    // Every rejected line stays in the spills, read back in file then line order when asked;
    // only the first few are kept in memory (SPEC §8).
    run.rejects = log->first(options.rejects_kept);
    run.all_rejects = std::move(log);

    for (std::size_t i = 0; i < ledgers.size(); ++i) {
        ControlTotals c = file_totals[i].control();
        run.files.push_back({ledgers[i].path, c, file_totals[i].periods});
        run.control += c;
    }

    // Rows, in the groups' order: partner, scheme (agreement order, else code order), period,
    // cost centre.
    for (auto& g : groups) {
        if (g.cell.lines == 0) continue;
        ActualsRow r;
        r.partner = pnames[g.p];
        r.scheme = snames[g.s];
        r.period = fmt::format("{:04d}-{:02d}", g.month / 12, g.month % 12 + 1);
        r.cost_centre = std::move(g.cc);
        r.partner_rank = g.p;
        r.scheme_rank = g.s;
        r.lines = static_cast<std::uint64_t>(g.cell.lines);
        r.amount = Money::from_pence(g.cell.pence);
        run.rows.push_back(std::move(r));
    }
    groups = {};

    if (agreement) {
        run.year = agreement->year;
        Actuals a(sh.P, sh.S);
        for (const auto& r : run.rows) {
            auto per = agreement->year.parse_period(r.period);
            a.add(r.partner_rank, r.scheme_rank, *per, r.amount, r.lines);
        }
        a.control = run.control;
        run.actuals = std::move(a);
    }
    return run;
}

} // namespace poolkit
