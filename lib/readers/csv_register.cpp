#include "readers/csv_register.hpp"

#include "model/identifier.hpp"
#include "readers/ledger_reasons.hpp"
#include "support/text.hpp"
#include "support/visible_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace poolkit {

namespace {

bool holds_bare_cr(const CsvRecord& r) {
    std::size_t n = std::min<std::size_t>(r.fields, CsvRecord::max_fields);
    for (std::size_t i = 0; i < n; ++i)
        if (!r.field[i].quoted && r.field[i].raw().find('\r') != std::string_view::npos)
            return true;
    return false;
}

// Whether a header name is `want`: case and surrounding blanks aside.
bool same_name(std::string_view name, std::string_view want) {
    auto blank = [](char c) { return c == ' ' || c == '\t'; };
    while (!name.empty() && blank(name.front()))
        name.remove_prefix(1);
    while (!name.empty() && blank(name.back()))
        name.remove_suffix(1);
    return std::equal(name.begin(), name.end(), want.begin(), want.end(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) ==
               std::tolower(static_cast<unsigned char>(b));
    });
}

template <typename Items>
std::string unknown_id(std::string_view what, std::string_view id, const Items& items) {
    std::vector<std::string> ids;
    for (const auto& x : items)
        ids.push_back(x.id);
    std::vector<std::string_view> views(ids.begin(), ids.end());
    auto problem = id.empty() ? std::nullopt : id_problem(id);
    return fmt::format("unknown {} {}{}; the agreement's {}s are {}{}", what, shown_value(id),
                       problem ? ": " + *problem : "", what, and_list(ids),
                       did_you_mean(id, views));
}

} // namespace

std::string unknown_partner(const Agreement& a, std::string_view id) {
    return unknown_id("partner", id, a.partners);
}

void add_to_total(Money& total, Money amount, const SourceLocation& at, std::string_view what,
                  std::string_view total_name) {
    try {
        total += amount;
    } catch (const Error&) {
        throw Error(ErrorKind::arithmetic, at,
                    fmt::format("this row's {} ({}) takes {} beyond ±92,233,720,368,547,758.07; "
                                "is it wrong?",
                                what, format_plain(amount), total_name));
    }
}

std::string unknown_scheme(const Agreement& a, std::string_view id) {
    return unknown_id("scheme", id, a.schemes);
}

std::string_view RegisterReader::name_of(std::size_t c) const {
    if (profile_ && c < profile_->headers.size() && !profile_->headers[c].empty())
        return profile_->headers[c];
    return layout_.names[c];
}

RegisterReader::RegisterReader(std::string_view text, const std::string& file,
                               const RegisterLayout& layout, const RegisterProfile* profile)
    : file_(file), layout_(layout), profile_(profile), col_(layout.names.size(), -1) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3); // a UTF-8 BOM
    // The scanner reads ahead in blocks of 64 bytes: give it readable padding.
    buf_.assign(text);
    buf_.append(scan_padding, '\0');
    scan_.emplace(buf_.data(), buf_.data() + text.size(),
                  profile ? profile->layout.delimiter : ',');
    for (int i = 0; profile && i < profile->layout.skip_lines; ++i) {
        if (!scan_->next(rec_))
            throw Error(ErrorKind::input, {file_, static_cast<long>(line_), 0},
                        fmt::format("the file ends within the {} lines the profile \"{}\" skips "
                                    "above the header",
                                    profile->layout.skip_lines, profile->layout.name));
        line_ += rec_.newlines;
    }
    header_line_ = line_;
    if (!scan_->next(rec_) || rec_.blank())
        throw Error(ErrorKind::input, {file_, static_cast<long>(line_), 0},
                    fmt::format("no header row: {} starts with the row of its column names, {}",
                                layout_.what, layout_.example));
    read_header(rec_);
    line_ += rec_.newlines;
}

void RegisterReader::read_header(const CsvRecord& r) {
    const long hl = static_cast<long>(header_line_);
    if (holds_bare_cr(r) || r.bad_quoting)
        throw Error(ErrorKind::input, {file_, hl, 0},
                    r.bad_quoting ? "bad quoting in the header row: quote a whole name, and "
                                    "write a quote inside it as \"\""
                                  : "the header row holds a carriage return (CR) that ends "
                                    "no line: end each line with LF or CRLF, not CR alone "
                                    "(old Mac line endings)");
    ncols_ = r.fields;
    std::size_t n = std::min<std::size_t>(r.fields, CsvRecord::max_fields);
    std::vector<std::string_view> names;
    for (std::size_t c = 0; c < layout_.names.size(); ++c)
        names.push_back(name_of(c));
    for (std::size_t i = 0; i < n; ++i) {
        std::string name = unescape(r.field[i]);
        header_.push_back(name);
        SourceLocation at{file_, hl, static_cast<long>(i + 1)};
        std::optional<std::size_t> c;
        for (std::size_t k = 0; k < names.size() && !c; ++k)
            if (same_name(name, names[k])) c = k;
        // A profile maps the columns it names and leaves the export's others aside (SPEC §11).
        if (profile_ && !c) continue;
        if (name.find_first_not_of(" \t") == std::string::npos)
            throw Error(ErrorKind::input, at,
                        fmt::format("column {} of the header has no name (a comma too many?): "
                                    "{}'s columns are {}",
                                    i + 1, layout_.what, layout_.example));
        if (!c)
            throw Error(ErrorKind::input, at,
                        fmt::format("unknown column {}: {}'s columns are {}{}", shown_value(name),
                                    layout_.what, layout_.example,
                                    did_you_mean(name, layout_.names)));
        if (col_[*c] >= 0)
            throw Error(ErrorKind::input, at,
                        fmt::format("the header names the column \"{}\" twice (columns {} "
                                    "and {}): remove one, so that it is clear which is meant",
                                    names[*c], col_[*c] + 1, i + 1));
        col_[*c] = static_cast<int>(i);
    }
    for (std::size_t c = 0; c < layout_.required; ++c) {
        if (col_[c] >= 0) continue;
        std::string has;
        for (const auto& name : header_)
            has += (has.empty() ? "" : ", ") + shown_value(name);
        if (profile_)
            throw Error(
                ErrorKind::input, {file_, hl, 0},
                profile_->headers[c].empty()
                    ? fmt::format("no column \"{}\" (the header has: {}); the profile {} does not "
                                  "name the export's column for it: add {} = \"...\" to its "
                                  "[columns]",
                                  names[c], has, profile_->file, layout_.names[c])
                    : fmt::format("no column \"{}\" (the header has: {}); the profile {} names "
                                  "it as the export's column for '{}'",
                                  names[c], has, profile_->file, layout_.names[c]));
        throw Error(ErrorKind::input, {file_, hl, 0},
                    fmt::format("no column \"{}\" (the header has: {}); {}'s columns are {}",
                                layout_.names[c], has, layout_.what, layout_.example));
    }
}

bool RegisterReader::next(RegisterRow& row) {
    for (;;) {
        if (!scan_->next(rec_)) return false;
        std::uint64_t line = line_;
        line_ += rec_.newlines;
        if (rec_.blank()) continue;
        row.record = &rec_;
        row.line = line;
        row.problem.clear();
        if (rec_.bad_quoting)
            row.problem = "bad quoting: a field's quotes do not open and close around it (quote "
                          "a whole field, and write a quote inside it as \"\")";
        else if (holds_bare_cr(rec_))
            row.problem = "a carriage return (CR) that ends no line splits the row: end each "
                          "line with LF or CRLF, not CR alone (old Mac line endings)";
        else if (rec_.fields != ncols_)
            row.problem =
                fmt::format("wrong number of fields: {}, the header has {}", rec_.fields, ncols_);
        return true;
    }
}

std::string RegisterReader::field(const RegisterRow& row, std::size_t col) const {
    return col_[col] < 0 ? std::string() : unescape(row.record->field[col_[col]]);
}

bool RegisterReader::quoted(const RegisterRow& row, std::size_t col) const {
    return col_[col] >= 0 && row.record->field[col_[col]].quoted;
}

std::vector<std::string> RegisterReader::fields(const RegisterRow& row) {
    std::vector<std::string> out;
    std::size_t n = std::min<std::size_t>(row.record->fields, CsvRecord::max_fields);
    for (std::size_t i = 0; i < n; ++i)
        out.push_back(unescape(row.record->field[i]));
    return out;
}

} // namespace poolkit
