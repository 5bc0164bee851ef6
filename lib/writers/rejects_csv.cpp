// pool-actuals' rejected lines as CSV (SPEC §4, §8): what --rejects writes, in pieces.
#include "writers/actuals_statement.hpp"
#include "writers/table.hpp"

#include <algorithm>
#include <string>
#include <string_view>

namespace poolkit {

namespace {
// A decimal number as a spreadsheet reads one: a sign, digits (grouped by commas or not), a
// point and more digits. An amount rejected for being out of range or having three decimals
// ("-12.345") is still a number, so it is echoed as it was, never prefixed (SPEC §8).
bool looks_numeric(std::string_view s) {
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
    std::size_t digits = 0, i = 0;
    for (; i < s.size() && ((s[i] >= '0' && s[i] <= '9') || (s[i] == ',' && digits)); ++i)
        digits += s[i] != ',';
    if (i < s.size() && s[i] == '.')
        for (++i; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i)
            ++digits;
    return digits > 0 && i == s.size() && s.back() != ',';
}
} // namespace

void write_rejects_csv(const RejectedLines& rejects,
                       const std::vector<std::vector<std::string>>& headers,
                       const std::function<void(std::string_view)>& put) {
    // A fixed header (SPEC §4): the ledgers' own columns, whatever the rejected lines hold; the
    // fields of a line wider than its header go, joined by commas, in more_fields.
    std::size_t width = 0;
    for (const auto& h : headers)
        width = std::max(width, h.size());
    if (headers.empty()) width = rejects.max_fields();
    bool same = !headers.empty() && std::all_of(headers.begin(), headers.end(), [&](const auto& h) {
        return h == headers.front();
    });
    std::string out;
    auto cell = [&](const std::string& text, bool numeric, bool first = false) {
        if (!first) out += ',';
        out += csv_field(text, numeric);
    };
    cell("file", false, true);
    cell("line", false);
    cell("reason", false);
    for (std::size_t i = 0; i < width; ++i)
        cell(same && i < headers.front().size() ? headers.front()[i]
                                                : "field_" + std::to_string(i + 1),
             false);
    cell("more_fields", false);
    out += '\n';
    std::string more;
    rejects.for_each([&](const RejectedLine& r) {
        cell(r.file, false, true);
        cell(std::to_string(r.line), true);
        cell(r.reason, false);
        for (std::size_t i = 0; i < width; ++i) {
            if (i >= r.fields.size()) {
                out += ',';
                continue;
            }
            // An amount is a number, never neutralised; any other text is guarded (SPEC §8).
            cell(r.fields[i], looks_numeric(r.fields[i]));
        }
        more.clear();
        for (std::size_t i = width; i < r.fields.size(); ++i)
            (more += i > width ? "," : "") += r.fields[i];
        cell(more, false);
        out += '\n';
        if (out.size() >= (std::size_t(1) << 16)) {
            put(out);
            out.clear();
        }
    });
    put(out);
}

std::string rejects_csv(const std::vector<RejectedLine>& rejects,
                        const std::vector<std::vector<std::string>>& headers) {
    std::string out;
    write_rejects_csv(RejectedLineList(rejects), headers, [&](std::string_view s) { out += s; });
    return out;
}

} // namespace poolkit
