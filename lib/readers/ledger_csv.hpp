// RFC 4180 records scanned in place (SPEC §4): quoted fields (with "" for a quote and newlines
// inside), CRLF or LF line ends. The scanner looks at 64 bytes at a time for the only bytes that
// matter — the delimiter, the quote and the newline — so the bytes in between are never visited
// one by one. A quote always toggles quoting (as in the buffer splitter, ledger_split), so a stray
// quote cannot make the two disagree about where a record ends; such a record is marked
// bad_quoting and rejected.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace poolkit {

// Bytes of readable padding a buffer handed to the scanner must have after its end.
inline constexpr std::size_t scan_padding = 64;

struct CsvField {
    const char* p = nullptr;
    std::uint32_t n = 0;
    bool quoted = false;  // was in quotes (its content is between them)
    bool escaped = false; // holds "" pairs: use unescape() for its value
    std::string_view raw() const { return {p, n}; }
};

// The value of a field: its bytes, with "" turned into " when it was escaped.
std::string unescape(const CsvField& f);

// Where a record holds a carriage return that ends no line (one not before its newline), outside
// quotes; nullptr when none. Some programs end lines with CR alone (old Mac files).
// [b, e) starts a record or follows such a CR, so its quotes are balanced before b.
const char* bare_cr(const char* b, const char* e);

struct CsvRecord {
    static constexpr std::size_t max_fields = 64;
    const char* begin = nullptr;
    const char* end = nullptr; // after its newline
    std::uint32_t fields = 0;  // how many (may exceed max_fields; only the first are kept)
    std::uint32_t newlines = 0;
    bool bad_quoting = false;
    CsvField field[max_fields];
    CsvField spare; // where fields beyond max_fields go
    bool blank() const { return fields == 1 && field[0].n == 0 && !field[0].quoted; }
};

// The text of field c of r (empty when r is short of it, or c < 0): in place, `in_block` set,
// or unescaped into `scratch` when it holds "" pairs.
[[gnu::always_inline]] inline std::string_view field_text(const CsvRecord& r, int c,
                                                          std::string& scratch, bool& in_block) {
    in_block = false;
    if (c < 0 || static_cast<std::uint32_t>(c) >= r.fields) return std::string_view("", 0);
    const CsvField& x = r.field[c];
    if (!x.escaped) {
        in_block = true;
        return x.raw();
    }
    scratch = unescape(x);
    return scratch;
}
inline std::string_view field_text(const CsvRecord& r, int c, std::string& scratch) {
    bool in_block;
    return field_text(r, c, scratch, in_block);
}

// Whether field c of r was in quotes (false when r is short of it, or c < 0).
inline bool field_quoted(const CsvRecord& r, int c) {
    return c >= 0 && static_cast<std::uint32_t>(c) < r.fields && r.field[c].quoted;
}

// A bitmask of the positions of `a`, `b` and `c` in the 64 bytes at p.
inline std::uint64_t mask3(const char* p, char a, char b, char c) {
#if defined(__SSE2__)
    const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b), vc = _mm_set1_epi8(c);
    std::uint64_t m = 0;
    for (int k = 0; k < 4; ++k) {
        __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
        __m128i e = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb)),
                                 _mm_cmpeq_epi8(v, vc));
        m |= static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm_movemask_epi8(e)))
             << (16 * k);
    }
    return m;
#else
    std::uint64_t m = 0;
    for (int k = 0; k < 64; ++k)
        m |= static_cast<std::uint64_t>(p[k] == a || p[k] == b || p[k] == c) << k;
    return m;
#endif
}

// Walks the records of [begin, end), which must start at a record boundary and be followed by
// scan_padding readable bytes.
class CsvScanner {
  public:
    CsvScanner(const char* begin, const char* end, char delimiter)
        : end_(end), cur_(begin), base_(begin), delim_(delimiter) {
        mask_ = load(base_);
    }

    const char* position() const { return cur_; }
    bool done() const { return cur_ >= end_; }

    // Reads the next record into r; false at the end.
    [[gnu::always_inline]] bool next(CsvRecord& r) {
        if (cur_ >= end_) return false;
        r.begin = cur_;
        r.fields = 0;
        r.newlines = 0;
        r.bad_quoting = false;
        const char* fstart = cur_;
        bool have_field = false; // the current field was already stored (closing quote seen)
        for (;;) {
            const char* s = next_struct();
            if (s >= end_) { // no final newline: the record runs to the end
                if (!have_field) push(r, fstart, end_);
                r.end = end_;
                break;
            }
            char c = *s;
            if (c == delim_) {
                if (!have_field) push(r, fstart, s);
                have_field = false;
                fstart = s + 1;
            } else if (c == '\n') {
                ++r.newlines;
                const char* e = s;
                if (e > fstart && e[-1] == '\r') --e;
                if (!have_field) push(r, fstart, e);
                r.end = s + 1;
                break;
            } else { // a quote
                bool at_start = s == fstart && !have_field;
                if (!at_start) r.bad_quoting = true;
                bool escaped = false;
                const char* close = nullptr;
                for (;;) {
                    const char* q = next_struct();
                    if (q >= end_) break;
                    if (*q == '\n') {
                        ++r.newlines;
                    } else if (*q == '"') {
                        if (q + 1 < end_ && q[1] == '"') {
                            next_struct(); // the second quote of the pair
                            escaped = true;
                            continue;
                        }
                        close = q;
                        break;
                    }
                }
                if (!close) { // unterminated: the record runs to the end
                    r.bad_quoting = true;
                    if (!have_field) push(r, fstart, end_);
                    r.end = end_;
                    cur_ = end_;
                    return true;
                }
                if (at_start) {
                    CsvField& f = push(r, s + 1, close);
                    f.quoted = true;
                    f.escaped = escaped;
                    have_field = true;
                    char after = close + 1 < end_ ? close[1] : '\n';
                    if (after != delim_ && after != '\n' &&
                        !(after == '\r' && close + 2 < end_ && close[2] == '\n'))
                        r.bad_quoting = true; // "abc"def
                }
            }
        }
        cur_ = r.end;
        return true;
    }

    // The same for a range that holds no quote (the caller has looked): every field is plain, so
    // each delimiter ends one and the newline the record. The scanner's state is kept in locals
    // while the fields are stored (a field's pointer could otherwise alias it).
    [[gnu::always_inline]] bool next_unquoted(CsvRecord& r) {
        if (cur_ >= end_) return false;
        const char* fstart = cur_;
        const char* base = base_;
        std::uint64_t mask = mask_;
        std::uint32_t n = 0;
        r.begin = cur_;
        r.bad_quoting = false;
        r.newlines = 0;
        for (;;) {
            while (mask == 0) {
                base += 64;
                if (base >= end_) { // no final newline: the record runs to the end
                    put(r, n++, fstart, end_);
                    r.end = end_;
                    goto done;
                }
                mask = load(base);
            }
            const char* s = base + __builtin_ctzll(mask);
            mask &= mask - 1;
            if (*s == '\n') {
                const char* e = s;
                if (e > fstart && e[-1] == '\r') --e;
                put(r, n++, fstart, e);
                r.newlines = 1;
                r.end = s + 1;
                break;
            }
            put(r, n++, fstart, s);
            fstart = s + 1;
        }
    done:
        r.fields = n;
        base_ = base;
        mask_ = mask;
        cur_ = r.end;
        return true;
    }

  private:
    [[gnu::always_inline]] static void put(CsvRecord& r, std::uint32_t i, const char* b,
                                           const char* e) {
        CsvField& f = i < CsvRecord::max_fields ? r.field[i] : r.spare;
        f.p = b;
        f.n = static_cast<std::uint32_t>(e - b);
        f.quoted = false;
        f.escaped = false;
    }
    std::uint64_t load(const char* p) const {
        std::uint64_t m = mask3(p, delim_, '"', '\n');
        std::ptrdiff_t left = end_ - p;
        if (left < 64) m &= left <= 0 ? 0 : (~std::uint64_t(0) >> (64 - left));
        return m;
    }
    const char* next_struct() {
        while (mask_ == 0) {
            base_ += 64;
            if (base_ >= end_) return end_;
            mask_ = load(base_);
        }
        const char* s = base_ + __builtin_ctzll(mask_);
        mask_ &= mask_ - 1;
        return s;
    }
    CsvField& push(CsvRecord& r, const char* b, const char* e) {
        std::uint32_t i = r.fields++;
        if (i >= CsvRecord::max_fields) return r.spare;
        CsvField& f = r.field[i];
        f.p = b;
        f.n = static_cast<std::uint32_t>(e - b);
        f.quoted = false;
        f.escaped = false;
        return f;
    }

    const char* end_;
    const char* cur_;
    const char* base_;
    std::uint64_t mask_ = 0;
    char delim_;
};

} // namespace poolkit
