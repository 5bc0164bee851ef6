#include "readers/ledger_reader.hpp"

#include "money/error.hpp"
#include "readers/ledger_codes.hpp"
#include "readers/ledger_csv.hpp"
#include "readers/ledger_date.hpp"
#include "readers/ledger_dup_index.hpp"
#include "readers/ledger_split.hpp"
#include "readers/sha256.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <exception>
#include <fcntl.h>
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

// Raw counters of one thread, added up without the checked Money type on the hot path.
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

[[noreturn]] void overflow() {
    throw Error(ErrorKind::arithmetic,
                "the ledgers' total is out of range (beyond ±92,233,720,368,547,758.07)");
}
inline void add(std::int64_t& to, std::int64_t v) {
    if (__builtin_add_overflow(to, v, &to)) overflow();
}

struct Cell {
    std::int64_t pence = 0;
    std::int64_t lines = 0;
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

// A line whose key hash was suspected in the first pass, as seen in the second.
struct Occurrence {
    std::string key; // partner and key fields, length-prefixed: exact
    std::size_t file = 0;
    std::uint64_t line = 0;
    std::string partner, scheme, cost_centre;
    int month = 0; // year * 12 + month - 1
    std::int64_t pence = 0;
    std::vector<std::string> fields;
};

// Everything one worker thread accumulates (never shared while the threads run).
struct Worker {
    std::vector<Cell> dense; // agreement mode without cost centres: partner x scheme x period
    GroupMap groups;
    CodeDict partners, schemes, centres;
    std::vector<RawTotals> files;
    std::vector<RejectedLine> rejects;
    DupCollector keys;                   // the key hashes of the accepted lines (first pass)
    std::vector<Occurrence> occurrences; // second pass
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

enum class Pass { aggregate, confirm };

struct Shared {
    const Agreement* agreement = nullptr;
    const LedgerOptions* options = nullptr;
    CodeTable partner_codes, scheme_codes;
    std::size_t P = 0, S = 0;
    std::vector<std::uint64_t> suspect_set; // sorted, for the second pass
};

std::string field_text(const CsvField& f) {
    return unescape(f);
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

    void reject(std::uint64_t line, std::string reason, bool amount_ok, std::int64_t pence) {
        if (pass_ != Pass::aggregate) return;
        ++tot_.rejected;
        if (amount_ok) add(tot_.p_rejected, pence);
        RejectedLine r;
        r.file = L_.path;
        r.line = line;
        r.reason = std::move(reason);
        std::size_t n = std::min<std::size_t>(rec_.fields, CsvRecord::max_fields);
        r.fields.reserve(n);
        for (std::size_t i = 0; i < n; ++i)
            r.fields.push_back(field_text(rec_.field[i]));
        if (amount_ok) r.amount = Money::from_pence(pence);
        w_.rejects.push_back(std::move(r));
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

    bool amount(std::int64_t& pence, std::string& why) const {
        if (L_.col[F(LedgerField::amount)] >= 0) {
            const CsvField& f = fld(L_.col[F(LedgerField::amount)]);
            if (!f.quoted && fast_pence(f.p, f.n, pence)) return true;
            MoneyParse m = parse_money(f.raw(), f.quoted);
            if (!m) {
                why = fmt::format("bad amount {}: {}", shown(field_text(f)), describe(m.error));
                return false;
            }
            pence = m.value.pence();
            return true;
        }
        const CsvField& d = fld(L_.col[F(LedgerField::debit)]);
        const CsvField& c = fld(L_.col[F(LedgerField::credit)]);
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
            reject(
                line,
                fmt::format("wrong number of fields: {}, the header has {}", rec_.fields, L_.ncols),
                false, 0);
            return;
        }
        std::int64_t pence = 0;
        std::string& amount_why = why_;
        bool amount_ok = amount(pence, amount_why);
        if (amount_ok && pass_ == Pass::aggregate) add(tot_.p_read, pence);

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
            reject(line, std::move(amount_why), false, 0);
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
        if (pass_ == Pass::confirm) {
            if (std::binary_search(sh_.suspect_set.begin(), sh_.suspect_set.end(), key_hash))
                occurrence(line, partner, scheme, month, pence);
            return;
        }
        if (sh_.options->duplicate_check) w_.keys.add(key_hash);
        ++tot_.accepted;
        add(tot_.p_accepted, pence);
        if (sh_.agreement) tot_.mark(pid, period, sh_.P);
        Cell* cell;
        if (sh_.agreement && !sh_.options->by_cost_centre) {
            cell = &w_.dense[(pid * sh_.S + sid) * 12 + static_cast<std::size_t>(period - 1)];
        } else {
            std::uint32_t cc = 0;
            if (sh_.options->by_cost_centre) {
                std::string s3;
                cc = w_.centres.intern(value(LedgerField::cost_centre, s3));
            }
            cell = &w_.groups.at(GroupKey{pid, sid, static_cast<std::uint32_t>(month), cc});
        }
        add(cell->pence, pence);
        ++cell->lines;
    }

    void occurrence(std::uint64_t line, std::string_view partner, std::string_view scheme,
                    int month, std::int64_t pence) {
        Occurrence o;
        auto put = [&](std::string_view v) {
            std::uint32_t n = static_cast<std::uint32_t>(v.size());
            o.key.append(reinterpret_cast<const char*>(&n), sizeof n);
            o.key.append(v);
        };
        put(partner);
        for (int c : L_.key_cols)
            put(field_text(fld(c)));
        o.file = L_.index;
        o.line = line;
        o.partner = partner;
        o.scheme = scheme;
        if (sh_.options->by_cost_centre) {
            std::string s3;
            o.cost_centre = value(LedgerField::cost_centre, s3);
        }
        o.month = month;
        o.pence = pence;
        for (std::size_t i = 0; i < std::min<std::size_t>(rec_.fields, CsvRecord::max_fields); ++i)
            o.fields.push_back(field_text(rec_.field[i]));
        w_.occurrences.push_back(std::move(o));
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
    CsvRecord rec_;
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
    for (int i = 0; i < prof.skip_lines; ++i) {
        if (!scan.next(r))
            throw Error(ErrorKind::input, {spec.path, static_cast<long>(line), 0},
                        fmt::format("the file ends within the {} lines the profile \"{}\" skips "
                                    "above the header",
                                    prof.skip_lines, prof.name));
        line += r.newlines;
    }
    std::uint64_t header_line = line;
    if (!scan.next(r) || r.blank())
        throw Error(ErrorKind::input, {spec.path, static_cast<long>(header_line), 0},
                    "no header row: a ledger starts with a row of column names (e.g. " +
                        std::string("date,ref,partner,scheme,cost_centre,description,amount)"));
    line += r.newlines;
    std::size_t n = std::min<std::size_t>(r.fields, CsvRecord::max_fields);
    for (std::size_t i = 0; i < n; ++i)
        L.header.push_back(unescape(r.field[i]));
    L.ncols = r.fields;
    auto find_col = [&](const std::string& name) -> int {
        for (std::size_t i = 0; i < L.header.size(); ++i)
            if (L.header[i] == name) return static_cast<int>(i);
        std::string want = lower_trim(name);
        for (std::size_t i = 0; i < L.header.size(); ++i)
            if (lower_trim(L.header[i]) == want) return static_cast<int>(i);
        return -1;
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
        L.col[f] = find_col(name);
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
            if (!logical) c = find_col(k);
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
        std::vector<std::thread> pool;
        for (std::size_t k = 1; k < threads; ++k)
            pool.emplace_back([this, k] { work(k); });
        work(0);
        for (auto& t : pool)
            t.join();
        if (error_) std::rethrow_exception(error_);
        bytes_ = reader_.bytes_read();
        return layout_;
    }
    std::uint64_t bytes() const { return bytes_; }

  private:
    void work(std::size_t k) {
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

using GlobalKey = std::tuple<std::string, std::string, int, std::string>;

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
    std::vector<Worker> workers(threads);
    for (auto& w : workers) {
        w.files.resize(ledgers.size());
        if (agreement && !options.by_cost_centre) w.dense.resize(sh.P * sh.S * 12);
    }

    LedgerRun run;
    std::vector<Layout> layouts;
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
    }

    // The key hashes seen more than once (suspected duplicates), over every worker and file.
    if (options.duplicate_check) {
        std::vector<DupCollector*> collectors;
        for (auto& w : workers)
            collectors.push_back(&w.keys);
        sh.suspect_set = repeated_hashes(collectors, threads);
    }

    // Merge the workers' groups by their codes.
    std::map<GlobalKey, Cell> groups;
    std::vector<RawTotals> file_totals(ledgers.size());
    auto merge_cell = [&](GlobalKey k, const Cell& c) {
        if (c.lines == 0) return;
        Cell& g = groups[std::move(k)];
        add(g.pence, c.pence);
        g.lines += c.lines;
    };
    for (auto& w : workers) {
        if (!w.dense.empty()) {
            for (std::size_t p = 0; p < sh.P; ++p)
                for (std::size_t s = 0; s < sh.S; ++s)
                    for (int per = 1; per <= 12; ++per) {
                        const Cell& c =
                            w.dense[(p * sh.S + s) * 12 + static_cast<std::size_t>(per - 1)];
                        int month =
                            agreement->year.year_of(per) * 12 + FinancialYear::month_of(per) - 1;
                        merge_cell({pids[p], sids[s], month, std::string()}, c);
                    }
        }
        w.groups.each([&](const GroupKey& k, const Cell& c) {
            std::string cc = options.by_cost_centre ? w.centres.name(k.cc) : std::string();
            if (agreement)
                merge_cell({pids[k.p], sids[k.s], static_cast<int>(k.month), std::move(cc)}, c);
            else
                merge_cell({w.partners.name(k.p), w.schemes.name(k.s), static_cast<int>(k.month),
                            std::move(cc)},
                           c);
        });
        for (std::size_t i = 0; i < ledgers.size(); ++i) {
            RawTotals& t = file_totals[i];
            t.read += w.files[i].read;
            t.accepted += w.files[i].accepted;
            t.rejected += w.files[i].rejected;
            add(t.p_read, w.files[i].p_read);
            add(t.p_accepted, w.files[i].p_accepted);
            add(t.p_rejected, w.files[i].p_rejected);
            t.merge_periods(w.files[i]);
        }
        for (auto& r : w.rejects)
            run.rejects.push_back(std::move(r));
        w = Worker{};
        w.files.resize(ledgers.size());
    }

    // Second pass, only when the index suspected duplicates: look at the suspected lines alone,
    // compare their keys exactly, and reject every line after the first with its key.
    if (!sh.suspect_set.empty()) {
        for (std::size_t i = 0; i < ledgers.size(); ++i) {
            ::lseek(files[i].fd, 0, SEEK_SET);
            FileRun fr(sh, workers, ledgers[i], i, ::dup(files[i].fd), Pass::confirm, nullptr);
            fr.run();
        }
        std::vector<Occurrence> occ;
        for (auto& w : workers)
            for (auto& o : w.occurrences)
                occ.push_back(std::move(o));
        std::sort(occ.begin(), occ.end(), [](const Occurrence& a, const Occurrence& b) {
            return std::tie(a.file, a.line) < std::tie(b.file, b.line);
        });
        std::map<std::string, const Occurrence*> first;
        for (const Occurrence& o : occ) {
            auto [it, fresh] = first.emplace(o.key, &o);
            if (fresh) continue;
            const Occurrence& f = *it->second;
            std::string shown;
            for (std::size_t j = 0; j < layouts[o.file].key_cols.size(); ++j)
                shown += (j ? ", " : "") +
                         o.fields[static_cast<std::size_t>(layouts[o.file].key_cols[j])];
            RejectedLine r;
            r.file = ledgers[o.file].path;
            r.line = o.line;
            r.reason = fmt::format("duplicate {} {} (first at {}:{})", layouts[o.file].key_name,
                                   shown, ledgers[f.file].path, f.line);
            r.fields = o.fields;
            r.amount = Money::from_pence(o.pence);
            run.rejects.push_back(std::move(r));
            Cell& g = groups[GlobalKey{o.partner, o.scheme, o.month, o.cost_centre}];
            add(g.pence, -o.pence);
            g.lines -= 1;
            RawTotals& t = file_totals[o.file];
            t.accepted -= 1;
            t.rejected += 1;
            add(t.p_accepted, -o.pence);
            add(t.p_rejected, o.pence);
        }
    }

    // Rejects in file order (as given), then line order.
    {
        std::map<std::string, std::size_t> order;
        for (std::size_t i = 0; i < ledgers.size(); ++i)
            order.emplace(ledgers[i].path, i);
        std::sort(run.rejects.begin(), run.rejects.end(),
                  [&](const RejectedLine& a, const RejectedLine& b) {
                      std::size_t fa = order[a.file], fb = order[b.file];
                      return std::tie(fa, a.line) < std::tie(fb, b.line);
                  });
    }

    for (std::size_t i = 0; i < ledgers.size(); ++i) {
        ControlTotals c = file_totals[i].control();
        run.files.push_back({ledgers[i].path, c, file_totals[i].periods});
        run.control += c;
    }

    // Rows, sorted by partner, scheme (agreement order, else code order), period, cost centre.
    std::map<std::string, std::size_t> prank, srank;
    if (agreement) {
        for (std::size_t i = 0; i < pids.size(); ++i)
            prank[pids[i]] = i;
        for (std::size_t i = 0; i < sids.size(); ++i)
            srank[sids[i]] = i;
    } else {
        for (const auto& [k, c] : groups) {
            prank.emplace(std::get<0>(k), 0);
            srank.emplace(std::get<1>(k), 0);
        }
        std::size_t i = 0;
        for (auto& [k, v] : prank)
            v = i++;
        i = 0;
        for (auto& [k, v] : srank)
            v = i++;
    }
    for (const auto& [k, c] : groups) {
        if (c.lines == 0) continue;
        ActualsRow r;
        r.partner = std::get<0>(k);
        r.scheme = std::get<1>(k);
        int month = std::get<2>(k);
        r.period = fmt::format("{:04d}-{:02d}", month / 12, month % 12 + 1);
        r.cost_centre = std::get<3>(k);
        r.partner_rank = prank[r.partner];
        r.scheme_rank = srank[r.scheme];
        r.lines = static_cast<std::uint64_t>(c.lines);
        r.amount = Money::from_pence(c.pence);
        run.rows.push_back(std::move(r));
    }
    std::sort(run.rows.begin(), run.rows.end(), [](const ActualsRow& a, const ActualsRow& b) {
        return std::tie(a.partner_rank, a.scheme_rank, a.period, a.cost_centre) <
               std::tie(b.partner_rank, b.scheme_rank, b.period, b.cost_centre);
    });

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
