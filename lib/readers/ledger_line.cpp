#include "readers/ledger_line.hpp"

#include "readers/ledger_csv.hpp"
#include "readers/ledger_overflow.hpp"
#include "readers/ledger_reasons.hpp"
#include "support/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>

namespace poolkit::ledger {

namespace {

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

// The rules applied to the lines of one block, for one worker, in one pass.
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

    void reject(std::uint64_t line, RejectReason kind, std::string_view reason, bool amount_ok,
                std::int64_t pence) {
        if (pass_ == Pass::locate && amount_ok) located(line, pence, Located::Figure::rejected);
        if (pass_ != Pass::aggregate) return;
        ++tot_.rejected;
        if (amount_ok) add_wrap(tot_.p_rejected, pence);
        // Straight to the worker's spill (SPEC §8): nothing of the line stays in memory.
        auto n =
            static_cast<std::uint32_t>(std::min<std::size_t>(rec_.fields, CsvRecord::max_fields));
        w_.rejects.begin(static_cast<std::uint32_t>(L_.index), line, kind, reason,
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

    // The agreement's index of a code: the profile's fixed one, else looked up (in place when
    // the code is inside the block, with its padding); -1 when unknown.
    [[gnu::always_inline]] static int code_index(int fixed, const CodeTable& codes,
                                                 std::string_view code, bool in_block) {
        if (fixed >= 0) return fixed;
        return in_block ? codes.find_padded(code.data(), code.size()) : codes.find(code);
    }

    bool amount(const CsvRecord& r, std::int64_t& pence, std::string& why) const {
        if (L_.col[F(LedgerField::amount)] >= 0) {
            const CsvField& f = r.field[L_.col[F(LedgerField::amount)]];
            if (!f.quoted && fast_pence(f.p, f.n, pence)) return true;
            MoneyParse m = parse_money(f.raw(), f.quoted);
            if (!m) {
                why = bad_amount_reason(unescape(f), m.error);
                return false;
            }
            pence = m.value.pence();
            return true;
        }
        const CsvField& d = r.field[L_.col[F(LedgerField::debit)]];
        const CsvField& c = r.field[L_.col[F(LedgerField::credit)]];
        if (d.n == 0 && c.n == 0) {
            why = empty_debit_credit_reason();
            return false;
        }
        std::int64_t dv = 0, cv = 0;
        for (auto [f, v, field] :
             {std::tuple{&d, &dv, LedgerField::debit}, std::tuple{&c, &cv, LedgerField::credit}}) {
            if (f->n == 0) continue;
            MoneyParse m = parse_money(f->raw(), f->quoted);
            if (!m) {
                why = bad_amount_part_reason(ledger_field(field).words, unescape(*f), m.error);
                return false;
            }
            *v = m.value.pence();
        }
        if (__builtin_sub_overflow(dv, cv, &pence)) {
            why = debit_credit_range_reason();
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
            located(line, pence, Located::Figure::read);
        }
    }

    // A record with the wrong number of fields. When a carriage return alone joins what are
    // whole records (a file whose lines end in CR, or a CR that crept into one), each part's
    // amount that can be read is counted, so that no pence vanish from the totals (SPEC §5:
    // total_read = accepted + rejected), and the reason says why.
    void wrong_fields(std::uint64_t line) {
        const char* cr = bare_cr(rec_.begin, rec_.end);
        if (!cr) {
            reject(line, RejectReason::wrong_field_count,
                   wrong_field_count_reason(rec_.fields, L_.ncols), false, 0);
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
        reject(line, RejectReason::wrong_field_count,
               cr_split_reason(rec_.fields, L_.ncols, parts, whole, readable, pence), readable > 0,
               pence);
    }

    void record(std::uint64_t line) {
        if (rec_.blank()) return; // an empty line holds no data and is not counted
        if (pass_ == Pass::aggregate) ++tot_.read;
        if (rec_.bad_quoting) {
            reject(line, RejectReason::bad_quoting, bad_quoting_reason(), false, 0);
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
            reject(line, RejectReason::bad_date, bad_date_reason(unescape(df), L_.date->example()),
                   amount_ok, pence);
            return;
        }
        if (date->day > tot_.max_day) tot_.max_day = date->day;
        int month = date->year * 12 + date->month - 1;
        Period period = Period::first(); // with an agreement: the line's period of its year
        if (sh_.agreement) {
            auto in_year = sh_.agreement->year.period_of(date->year, date->month);
            if (!in_year) {
                reject(line, RejectReason::outside_year,
                       outside_year_reason(unescape(df), sh_.agreement->year), amount_ok, pence);
                return;
            }
            period = *in_year;
        }
        std::string& s1 = scratch1_;
        std::string& s2 = scratch2_;
        bool p_padded = false, s_padded = false;
        std::string_view partner = value(LedgerField::partner, s1, p_padded);
        std::string_view scheme = value(LedgerField::scheme, s2, s_padded);
        std::uint32_t pid = 0, sid = 0;
        if (sh_.agreement) {
            int p = code_index(L_.fixed_partner, sh_.partner_codes, partner, p_padded);
            if (p < 0) {
                reject(line, RejectReason::unknown_partner,
                       unknown_partner_reason(partner, sh_.agreement), amount_ok, pence);
                return;
            }
            int s = code_index(L_.fixed_scheme, sh_.scheme_codes, scheme, s_padded);
            if (s < 0) {
                reject(line, RejectReason::unknown_scheme,
                       unknown_scheme_reason(scheme, sh_.agreement), amount_ok, pence);
                return;
            }
            pid = static_cast<std::uint32_t>(p);
            sid = static_cast<std::uint32_t>(s);
        } else {
            if (partner.empty()) {
                reject(line, RejectReason::unknown_partner,
                       unknown_partner_reason(partner, nullptr), amount_ok, pence);
                return;
            }
            if (scheme.empty()) {
                reject(line, RejectReason::unknown_scheme, unknown_scheme_reason(scheme, nullptr),
                       amount_ok, pence);
                return;
            }
            if (pass_ == Pass::aggregate) {
                pid = w_.partners.intern(partner);
                sid = w_.schemes.intern(scheme);
            }
        }
        if (!amount_ok) {
            reject(line, RejectReason::bad_amount, amount_why, false, 0);
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
                reject(line, RejectReason::missing_key, missing_key_reason(L_.key_name), true,
                       pence);
                return;
            }
            key_hash = h | 1;
        }
        if (pass_ == Pass::locate) {
            Located& x = *sh_.located;
            if (x.next_dup && x.next_dup->file == L_.index && x.next_dup->line == line) {
                x.advance(); // a duplicate, rejected (SPEC §4)
                located(line, pence, Located::Figure::rejected);
                return;
            }
            std::string s3;
            GlobalKey g{std::string(partner), std::string(scheme), month,
                        sh_.options->by_cost_centre ? std::string(value(sh_.options->group_by, s3))
                                                    : std::string()};
            located(line, pence, Located::Figure::accepted, &g);
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
            cell = &w_.dense[(pid * sh_.S + sid) * Period::count + period.index()];
        } else {
            std::uint32_t cc = 0;
            if (sh_.options->by_cost_centre) {
                std::string s3;
                cc = w_.centres.intern(value(sh_.options->group_by, s3));
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
            o.cost_centre = value(sh_.options->group_by, s3);
        }
        o.month = month;
        o.pence = pence;
        o.fields.resize(std::min<std::size_t>(rec_.fields, CsvRecord::max_fields));
        for (std::size_t i = 0; i < o.fields.size(); ++i)
            o.fields[i] = unescape(rec_.field[i]);
        put_occurrence(w_.occurrences, o);
    }

    // The locate pass (ledger_overflow): adds an amount to the totals, checked.
    void located(std::uint64_t line, std::int64_t pence, Located::Figure f,
                 const GlobalKey* group = nullptr) {
        sh_.located->add(L_, line, pence, f, group, sh_.options->by_cost_centre);
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

} // namespace

void parse_block(Shared& sh, const Layout& layout, Worker& w, Pass pass, const char* begin,
                 const char* end, std::uint64_t first_line) {
    Parser p(sh, layout, w, pass);
    p.block(begin, end, first_line);
}

} // namespace poolkit::ledger
