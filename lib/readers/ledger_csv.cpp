#include "readers/ledger_csv.hpp"

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

} // namespace poolkit
