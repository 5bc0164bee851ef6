#include "readers/ledger_line.hpp"

#include "readers/ledger_csv.hpp"
#include "readers/ledger_line_amount.hpp"
#include "readers/ledger_overflow.hpp"
#include "readers/ledger_reasons.hpp"
#include "support/error.hpp"

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace poolkit::ledger {

namespace {

// The rules applied to the lines of one block, for one worker, in one pass.
class Parser {
  public:
    Parser(Shared& sh, const Layout& L, Worker& w, Pass pass)
        : sh_(sh), L_(L), w_(w), pass_(pass), tot_(w.files[L.index]), R_(L.rules.get()) {
        if (R_) {
            if (w.memos.size() <= L.index) w.memos.resize(L.index + 1);
            memo_ = &w.memos[L.index];
            styled_.emplace(L, *R_);
        }
        // The common line's one-go acceptance (accept()): the first pass, with an agreement whose
        // cells are an array, one amount column read as without a profile.
        fast_ = pass_ == Pass::aggregate && sh_.agreement && sh_.dense &&
                L_.col[F(LedgerField::amount)] >= 0 && L_.col[F(LedgerField::date)] >= 0 &&
                (!R_ || R_->plain_amount);
    }

    // A profile with rules, maps, a trailer or an amount style takes the general path; the plain
    // one (every other file) is compiled without any of it.
    void block(const char* begin, const char* end, std::uint64_t first_line) {
        if (R_)
            lines<true>(begin, end, first_line);
        else
            lines<false>(begin, end, first_line);
    }

  private:
    template <bool General>
    void lines(const char* begin, const char* end, std::uint64_t first_line) {
        std::uint64_t line = first_line;
        // Most of a ledger holds no quote. The block is read in pieces of about 32 KiB that end
        // at a newline, each looked at for a quote first (one fast pass, while it is in the
        // cache); a piece without one is whole records, read by the scanner's plain path. From
        // the first piece with a quote, the rest of the block takes the full path.
        constexpr std::size_t piece = 32u << 10;
        const char* at = begin;
        while (at < end) {
            auto left = static_cast<std::size_t>(end - at);
            const char* stop = end;
            if (left > piece) {
                const void* nl = std::memchr(at + piece, '\n', left - piece);
                stop = nl ? static_cast<const char*>(nl) + 1 : end;
            }
            if (std::memchr(at, '"', static_cast<std::size_t>(stop - at))) break;
            CsvScanner plain(at, stop, L_.delim);
            while (plain.next_unquoted(rec_)) {
                record<General>(line);
                line += rec_.newlines;
            }
            at = stop;
        }
        if (at >= end) return;
        CsvScanner scan(at, end, L_.delim);
        while (scan.next(rec_)) {
            record<General>(line);
            line += rec_.newlines;
        }
    }

    const CsvField& fld(int c) const { return rec_.field[c]; }

    // The memo's verdict (line_rules) on column c of the line.
    [[gnu::always_inline]] int verdict(std::size_t slot, int c) {
        bool in_block;
        std::string_view v = field_text(rec_, c, scratch3_, in_block);
        return memo_->verdict(*R_, slot, v, in_block);
    }

    // SPEC §11, in order for a line: its columns and [fixed] (value()), then the maps, then the
    // first matching rule, whose set overrides what came before. The trailer's row is taken
    // first. True when the line is done with: skipped (a rule or the trailer) or excluded. The
    // common line (no rule matches) is judged here inline; what follows a match is not.
    [[gnu::always_inline]] bool classify(std::uint64_t line) {
        kind_ = LineKind::expenditure;
        set_mask_ = 0;
        if (R_->trailer_col >= 0 && verdict(R_->trailer_slot(), R_->trailer_col) >= 0) {
            trailer(line);
            return true;
        }
        if (!R_->maps.empty()) apply_maps();
        int best = -1;
        for (std::size_t k = 0; k < R_->rule_columns.size(); ++k) {
            const LineRules::RuleColumn& rc = R_->rule_columns[k];
            int r = -1;
            if (rc.direct.empty()) {
                r = verdict(k, rc.col);
            } else {
                bool in_block;
                std::string_view v = field_text(rec_, rc.col, scratch3_, in_block);
                for (const LineRules::DirectTest& t : rc.direct)
                    if (t.holds(v, in_block)) {
                        r = t.rule;
                        break;
                    }
            }
            if (r >= 0 && (best < 0 || r < best)) best = r;
        }
        if (best < 0) return false;
        return apply_rule(line, static_cast<std::size_t>(best));
    }

    // The maps' values of the line's fields (SPEC §11: a value a map does not list keeps the
    // line's own).
    [[gnu::noinline]] void apply_maps() {
        for (std::size_t k = 0; k < R_->maps.size(); ++k) {
            const LineRules::MapColumn& m = R_->maps[k];
            int to = verdict(R_->map_slot(k), m.col);
            if (to < 0) continue;
            set_[m.field] = m.entries[static_cast<std::size_t>(to)].second;
            set_mask_ |= 1u << m.field;
        }
    }

    // The first matching rule's set and kind; true when it excludes or skips the line.
    [[gnu::noinline]] bool apply_rule(std::uint64_t line, std::size_t best) {
        const ProfileRule& rule = R_->rules()[best];
        for (std::size_t f = 0; f < ledger_field_count; ++f)
            if (rule.set[f]) {
                set_[f] = *rule.set[f];
                set_mask_ |= 1u << f;
            }
        kind_ = rule.kind;
        if (kind_ != LineKind::exclude && kind_ != LineKind::skip) return false;
        // Counted with its amount when it can be read (SPEC §4), never judged further.
        std::int64_t pence = 0;
        bool ok = styled_->line(rec_, pence, why_);
        if (ok) count_amount(line, pence);
        if (pass_ == Pass::locate && ok)
            located(line, pence,
                    kind_ == LineKind::exclude ? Located::Figure::excluded
                                               : Located::Figure::skipped);
        if (pass_ != Pass::aggregate) return true;
        std::int64_t p = ok ? pence : 0;
        if (kind_ == LineKind::exclude) {
            ++tot_.excluded;
            add_wrap(tot_.p_excluded, p);
        } else {
            ++tot_.skipped;
            add_wrap(tot_.p_skipped, p);
        }
        tot_.count_rule(best, p);
        return true;
    }

    // A trailer row (SPEC §11): skipped, and its amount the file's stated control total.
    [[gnu::noinline]] void trailer(std::uint64_t line) {
        std::int64_t pence = 0;
        bool ok = styled_->trailer(rec_, pence, why_);
        if (ok) count_amount(line, pence);
        if (pass_ == Pass::locate && ok) located(line, pence, Located::Figure::skipped);
        if (pass_ != Pass::aggregate) return;
        ++tot_.skipped;
        if (!tot_.trailer_rows || line < tot_.trailer_line) tot_.trailer_line = line;
        ++tot_.trailer_rows;
        if (ok) {
            add_wrap(tot_.p_skipped, pence);
            add_wrap(tot_.p_trailer, pence);
        } else {
            ++tot_.trailer_unreadable;
        }
    }

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
    template <bool General = false>
    [[gnu::always_inline]] std::string_view value(LedgerField f, std::string& scratch,
                                                  bool& in_block) const {
        std::size_t i = F(f);
        in_block = false;
        if constexpr (General)
            if (set_mask_ & (1u << i)) return set_[i]; // a map's or a rule's (SPEC §11)
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
    template <bool General = false>
    std::string_view value(LedgerField f, std::string& scratch) const {
        bool in_block;
        return value<General>(f, scratch, in_block);
    }

    // The agreement's index of a code: the profile's fixed one, else looked up (in place when
    // the code is inside the block, with its padding); -1 when unknown.
    [[gnu::always_inline]] static int code_index(int fixed, const CodeTable& codes,
                                                 std::string_view code, bool in_block) {
        if (fixed >= 0) return fixed;
        return in_block ? codes.find_padded(code.data(), code.size()) : codes.find(code);
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
                if (plain_amount(L_, part_, p, why_)) {
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

    // The agreement's index of a partner or scheme on the fast path: the profile's fixed code,
    // else the field's text found in place; -1 when it is not that simple (or unknown).
    [[gnu::always_inline]] int fast_code(LedgerField f, int fixed, const CodeTable& codes) const {
        if (L_.fixed[F(f)]) return fixed;
        int c = L_.col[F(f)];
        if (c < 0) return -1;
        const CsvField& x = fld(c);
        if (x.escaped) return -1;
        return codes.find_padded(x.p, x.n);
    }

    // The common line accepted in one go: every rule of SPEC §4 holds in its simplest form (the
    // fields as many as the header's, the amount in a common form, the date read, inside the
    // year, partner and scheme found in place, the key present). False, with nothing counted,
    // when any might not: record() then judges the line in full, rule by rule, as it would have
    // anyway. So a line accepted here is one record() accepts, counted the same way.
    template <bool General> [[gnu::always_inline]] bool accept() {
        if (rec_.fields != L_.ncols) return false;
        if constexpr (General)
            if (set_mask_ & ((1u << F(LedgerField::partner)) | (1u << F(LedgerField::scheme))))
                return false;
        const CsvField& af = fld(L_.col[F(LedgerField::amount)]);
        std::int64_t pence;
        if (af.quoted || !fast_pence(af.p, af.n, pence)) return false;
        const CsvField& df = fld(L_.col[F(LedgerField::date)]);
        auto date = L_.date->parse(df.p, df.n);
        if (!date) return false;
        auto period = sh_.agreement->year.period_of(date->year, date->month);
        if (!period) return false;
        int p = fast_code(LedgerField::partner, L_.fixed_partner, sh_.partner_codes);
        if (p < 0) return false;
        int sc = fast_code(LedgerField::scheme, L_.fixed_scheme, sh_.scheme_codes);
        if (sc < 0) return false;
        auto pid = static_cast<std::uint32_t>(p), sid = static_cast<std::uint32_t>(sc);
        std::uint64_t key_hash = 0;
        if (sh_.options->duplicate_check) {
            std::uint64_t h = mix64(pid + 0x51ed270b27c3a3f1ull, 0x9e3779b97f4a7c15ull);
            bool any = false;
            for (int c : L_.key_cols) {
                const CsvField& k = fld(c);
                if (k.escaped) return false;
                h = hash_key(k.p, k.n, h, true);
                any |= k.n != 0;
            }
            if (!any) return false;
            key_hash = h | 1;
            const bool one = L_.key_cols.size() == 1;
            w_.block_keys.see(key_hash, pid, one ? fld(L_.key_cols[0]).raw() : std::string_view(),
                              one, w_.keys);
        }
        w_.magnitude += magnitude(pence);
        add_wrap(tot_.p_read, pence);
        if (date->day > tot_.max_day) tot_.max_day = date->day;
        ++tot_.accepted;
        add_wrap(tot_.p_accepted, pence);
        tot_.mark(pid, *period, sh_.P);
        Cell& cell = w_.dense[(pid * sh_.S + sid) * Period::count + period->index()];
        add_wrap(cell.pence, pence);
        ++cell.lines;
        if constexpr (General)
            if (kind_ == LineKind::income) { // SPEC §4: −500.00 of income is 500.00 received
                sub_wrap(cell.income, pence);
                sub_wrap(tot_.p_income, pence);
                ++tot_.income;
            }
        return true;
    }

    template <bool General> void record(std::uint64_t line) {
        if (rec_.blank()) return; // an empty line holds no data and is not counted
        if (pass_ == Pass::aggregate) ++tot_.read;
        if (rec_.bad_quoting) {
            reject(line, RejectReason::bad_quoting, bad_quoting_reason(), false, 0);
            return;
        }
        // A rule or the trailer may take a row of any width (a title or a total row).
        if constexpr (General)
            if (classify(line)) return;
        if (fast_ && accept<General>()) return;
        if (rec_.fields != L_.ncols) {
            wrong_fields(line);
            return;
        }
        std::int64_t pence = 0;
        std::string& amount_why = why_;
        bool amount_ok;
        if constexpr (General)
            // One amount column without [amounts]: read as without a profile (the same
            // reading), and its common forms without the styled path's work.
            amount_ok = R_->plain_amount ? plain_amount(L_, rec_, pence, amount_why)
                                         : styled_->line(rec_, pence, amount_why);
        else
            amount_ok = plain_amount(L_, rec_, pence, amount_why);
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
        std::string_view partner = value<General>(LedgerField::partner, s1, p_padded);
        std::string_view scheme = value<General>(LedgerField::scheme, s2, s_padded);
        std::uint32_t pid = 0, sid = 0;
        int fixed_partner = L_.fixed_partner, fixed_scheme = L_.fixed_scheme;
        if constexpr (General) {
            if (set_mask_ & (1u << F(LedgerField::partner))) fixed_partner = -1;
            if (set_mask_ & (1u << F(LedgerField::scheme))) fixed_scheme = -1;
        }
        if (sh_.agreement) {
            int p = code_index(fixed_partner, sh_.partner_codes, partner, p_padded);
            if (p < 0) {
                reject(line, RejectReason::unknown_partner,
                       unknown_partner_reason(partner, sh_.agreement), amount_ok, pence);
                return;
            }
            int s = code_index(fixed_scheme, sh_.scheme_codes, scheme, s_padded);
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
                        sh_.options->by_cost_centre
                            ? std::string(value<General>(sh_.options->group_by, s3))
                            : std::string()};
            located(line, pence, Located::Figure::accepted, &g);
            return;
        }
        if (pass_ == Pass::hash) {
            w_.keys.add(key_hash);
            return;
        }
        if (pass_ == Pass::confirm) {
            if (sh_.suspect_set.find(key_hash) != SuspectSet::npos)
                occurrence<General>(line, key_hash, partner, scheme, month, pence);
            return;
        }
        if (sh_.options->duplicate_check) {
            const bool one = L_.key_cols.size() == 1 && !fld(L_.key_cols[0]).escaped;
            // Without an agreement a partner's id is this thread's own: one slot for all.
            w_.block_keys.see(key_hash, sh_.agreement ? pid : 0,
                              one ? fld(L_.key_cols[0]).raw() : std::string_view(), one, w_.keys);
        }
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
                cc = w_.centres.intern(value<General>(sh_.options->group_by, s3));
            }
            cell = &w_.groups.at(GroupKey{pid, sid, static_cast<std::uint32_t>(month), cc});
        }
        add_wrap(cell->pence, pence);
        ++cell->lines;
        if constexpr (General)
            if (kind_ == LineKind::income) { // SPEC §4: −500.00 of income is 500.00 received
                sub_wrap(cell->income, pence);
                sub_wrap(tot_.p_income, pence);
                ++tot_.income;
            }
    }

    template <bool General>
    void occurrence(std::uint64_t line, std::uint64_t hash, std::string_view partner,
                    std::string_view scheme, int month, std::int64_t pence) {
        Occurrence& o = occ_;
        o.at = {static_cast<std::uint32_t>(L_.index), line};
        o.hash = hash;
        o.income = General && kind_ == LineKind::income;
        o.partner = partner;
        o.scheme = scheme;
        o.cost_centre.clear();
        if (sh_.options->by_cost_centre) {
            std::string s3;
            o.cost_centre = value<General>(sh_.options->group_by, s3);
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
    // The general path's (SPEC §11): the rules, this thread's memo of them, and the line's kind
    // and the fields its maps and rule set.
    const LineRules* R_ = nullptr;
    RuleMemo* memo_ = nullptr;
    std::optional<StyledAmount> styled_; // the line's amount in the profile's style
    bool fast_ = false;                  // accept() may take the common line
    LineKind kind_ = LineKind::expenditure;
    std::uint32_t set_mask_ = 0;
    std::string_view set_[ledger_field_count];
    std::string scratch3_;
};

} // namespace

void parse_block(Shared& sh, const Layout& layout, Worker& w, Pass pass, const char* begin,
                 const char* end, std::uint64_t first_line) {
    Parser p(sh, layout, w, pass);
    const bool keys = pass == Pass::aggregate && sh.options->duplicate_check;
    if (keys) w.block_keys.begin({static_cast<std::uint32_t>(layout.index), first_line});
    p.block(begin, end, first_line);
    if (keys) w.block_keys.end(w.key_ranges);
}

} // namespace poolkit::ledger
