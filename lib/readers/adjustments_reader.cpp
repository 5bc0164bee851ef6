#include "readers/adjustments_reader.hpp"

#include "readers/amount_problem.hpp"
#include "readers/input_source.hpp"
#include "readers/sha256.hpp"
#include "support/text.hpp"

#include <fmt/format.h>

#include <array>

namespace poolkit {

namespace {

enum Col : std::size_t { c_scheme, c_amount, c_reason, c_count };
constexpr std::array<std::string_view, c_count> column_names = {"scheme", "amount", "reason"};
constexpr RegisterLayout layout{column_names, c_count, "the adjustments file",
                                "scheme,amount,reason"};

void add(Money& total, Money amount, const SourceLocation& at) {
    add_to_total(total, amount, at, "amount", "the adjustments' total");
}

void row(const Agreement& a, const RegisterReader& in, const RegisterRow& r, AdjustmentsRead& out,
         const std::string& file) {
    ++out.totals.lines_read;
    const SourceLocation at{file, static_cast<long>(r.line), 0};
    auto reject = [&](long col, std::string reason, std::optional<Money> amount) {
        RegisterReject x{file, r.line, col, std::move(reason), RegisterReader::fields(r), amount};
        ++out.totals.lines_rejected;
        if (amount) add(out.totals.total_rejected, *amount, at);
        out.rejects.push_back(std::move(x));
    };
    if (!r.problem.empty()) return reject(0, r.problem, std::nullopt);

    const std::string amount_text = in.field(r, c_amount);
    const MoneyParse m = parse_money(amount_text, in.quoted(r, c_amount));
    if (!m)
        return reject(in.column(c_amount),
                      fmt::format("bad amount {}: {}", shown_value(amount_text),
                                  amount_problem(amount_text, m.error, true)),
                      std::nullopt);
    add(out.totals.total_read, m.value, at);
    auto s = a.scheme_index(in.field(r, c_scheme));
    if (!s) return reject(in.column(c_scheme), unknown_scheme(a, in.field(r, c_scheme)), m.value);
    std::string reason = in.field(r, c_reason);
    if (reason.find_first_not_of(" \t") == std::string::npos)
        return reject(in.column(c_reason),
                      "empty reason: an adjustment to the forecast says why it is made (SPEC §12)",
                      m.value);
    add(out.totals.total_accepted, m.value, at);
    ++out.totals.lines_accepted;
    out.adjustments.rows.push_back({*s, m.value, std::move(reason), at});
}

} // namespace

AdjustmentsRead parse_adjustments(const Agreement& agreement, std::string_view text,
                                  const std::string& file) {
    AdjustmentsRead out;
    out.input = InputFile{"adjustments", file, text.size(), sha256_hex(text)};
    RegisterReader in(text, file, layout);
    RegisterRow r;
    while (in.next(r))
        row(agreement, in, r, out, file);
    return out;
}

AdjustmentsRead read_adjustments(const Agreement& agreement, const std::string& path) {
    return parse_adjustments(agreement, read_input(path, "forecast adjustments").text, path);
}

} // namespace poolkit
