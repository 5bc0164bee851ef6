#include "readers/paid_reader.hpp"

#include "readers/amount_problem.hpp"
#include "readers/input_source.hpp"
#include "support/error.hpp"

#include <fmt/format.h>

#include <optional>

namespace poolkit {

namespace {

std::string trim(std::string s) {
    while (!s.empty() && (s.back() == '\r' || s.back() == ' ' || s.back() == '\t'))
        s.pop_back();
    std::size_t b = 0;
    while (b < s.size() && (s[b] == ' ' || s[b] == '\t'))
        ++b;
    s.erase(0, b);
    if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
    return s;
}

} // namespace

std::vector<Money> read_paid(const Agreement& a, const std::string& path, InputFile& record) {
    InputText in = read_input(path, "paid");
    record = in.record;
    std::string text = in.text;
    if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
    std::vector<std::optional<Money>> paid(a.partners.size());
    long line_no = 0;
    std::size_t pos = 0;
    bool header = true;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(pos, end - pos);
        pos = end + 1;
        ++line_no;
        if (trim(line).empty()) continue;
        SourceLocation at{path, line_no, 0};
        std::size_t comma = line.find(',');
        // A quoted amount may hold thousands separators: split at the first comma only.
        std::string partner = trim(line.substr(0, comma));
        std::string amount = comma == std::string::npos ? "" : trim(line.substr(comma + 1));
        if (header) {
            if (partner != "partner" || amount != "amount")
                throw Error(ErrorKind::input, at,
                            "the paid file needs the header `partner,amount`");
            header = false;
            continue;
        }
        auto p = a.partner_index(partner);
        if (!p)
            throw Error(ErrorKind::input, at,
                        fmt::format("unknown partner `{}`: the agreement's partners are its "
                                    "[[partner]] ids",
                                    partner));
        if (paid[to_size(*p)])
            throw Error(ErrorKind::input, at,
                        fmt::format("partner {} is listed twice: give one total", partner));
        MoneyParse m = parse_money(amount, true);
        if (!m)
            throw Error(
                ErrorKind::input, at,
                fmt::format("bad amount `{}`: {}", amount, amount_problem(amount, m.error, true)));
        paid[to_size(*p)] = m.value;
    }
    std::vector<Money> out;
    for (std::size_t p = 0; p < paid.size(); ++p) {
        if (!paid[p])
            throw Error(ErrorKind::input, {path, 0, 0},
                        fmt::format("no amount paid for partner {}: add a line `{},AMOUNT` (0 "
                                    "if it paid nothing)",
                                    a.partners[p].id, a.partners[p].id));
        out.push_back(*paid[p]);
    }
    return out;
}

} // namespace poolkit
