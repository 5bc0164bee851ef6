#include "readers/ledger_header.hpp"

#include "readers/ledger_csv.hpp"
#include "support/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstring>

namespace poolkit::ledger {

namespace {

[[noreturn]] void cannot(const std::string& path, const std::string& msg) {
    throw Error(ErrorKind::input, {path, 0, 0}, msg);
}

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

} // namespace

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
                        default_ledger_header() + ")");
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
        // SPEC §11: the ledger's own partner supplies a layout that has no partner (neither fixed
        // nor a column, in the profile or in the header).
        if (f == F(LedgerField::partner) && !L.fixed[f] && prof.columns[f].empty() &&
            !spec.partner.empty())
            L.fixed[f] = spec.partner;
        const std::string& name = prof.columns[f];
        if (name.empty()) continue;
        L.col[f] = find_col(name, ledger_field_name(static_cast<LedgerField>(f)));
        if (L.col[f] < 0 && f == F(LedgerField::partner) && !spec.partner.empty()) {
            L.fixed[f] = spec.partner;
            continue;
        }
        // SPEC §11: a missing column is an error only when nothing supplies its field.
        if (L.col[f] < 0 && !ledger_fields[f].optional_column &&
            !prof.line_rules.supplies(static_cast<LedgerField>(f)))
            throw Error(ErrorKind::input, {spec.path, static_cast<long>(header_line), 0},
                        fmt::format("no column \"{}\" for the {} (the header has: {}); is this "
                                    "the right profile? (--profile; this is \"{}\"){}",
                                    name, ledger_field_name(static_cast<LedgerField>(f)),
                                    columns_list(), prof.name,
                                    f == F(LedgerField::partner)
                                        ? "; an export without a partner column needs a profile "
                                          "with [fixed] partner = \"...\""
                                        : ""));
    }
    L.rules = resolve_line_rules(prof, [&](const std::string& name, const std::string& what) {
        int c = find_col(name, what);
        if (c < 0)
            throw Error(ErrorKind::input, {spec.path, static_cast<long>(header_line), 0},
                        fmt::format("no column \"{}\" for the profile's {} (the header has: {}); "
                                    "is this the right profile? (this is \"{}\")",
                                    name, what, columns_list(), prof.name));
        return c;
    });
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
            if (auto field = ledger_field_named(k)) {
                std::size_t f = F(*field);
                c = L.col[f];
                if (!prof.columns[f].empty()) column = prof.columns[f];
                if (c < 0 && L.fixed[f]) c = -2; // a fixed value: the same on every line
            } else {
                c = find_col(k, "duplicate key");
            }
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

} // namespace poolkit::ledger
