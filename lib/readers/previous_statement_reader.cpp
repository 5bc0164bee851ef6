#include "readers/previous_statement_reader.hpp"

#include "model/schemas.hpp"
#include "readers/input_source.hpp"
#include "readers/json_reader.hpp"
#include "readers/ledger_date.hpp"
#include "readers/sha256.hpp"
#include "support/error.hpp"

#include <fmt/format.h>

#include <map>
#include <utility>

namespace poolkit {

namespace {

class Reader {
  public:
    Reader(const Agreement& a, const std::string& file) : a_(a), file_(file) {}

    [[noreturn]] void fail(const std::string& why) const {
        throw Error(ErrorKind::input, {file_, 0, 0},
                    fmt::format("cannot measure the movement against it: {}", why));
    }
    [[noreturn]] void changed(const std::string& why) const {
        fail(fmt::format("{}; it has been changed since pool-recon wrote it: give the statement "
                         "as issued",
                         why));
    }

    const JsonValue& member(const JsonValue& v, const char* key, JsonValue::Type type,
                            const std::string& where) const {
        const JsonValue* m = v.type == JsonValue::Type::object ? v.find(key) : nullptr;
        if (!m || m->type != type)
            fail(fmt::format("{} has no \"{}\" as a pool-recon statement has", where, key));
        return *m;
    }
    const std::string& text(const JsonValue& v, const char* key, const std::string& where) const {
        return member(v, key, JsonValue::Type::string, where).text;
    }
    Money money(const JsonValue& v, const char* key, const std::string& where) const {
        const std::string& t = text(v, key, where);
        MoneyParse m = parse_money(t);
        if (!m) fail(fmt::format("{}.{} \"{}\" is not an amount", where, key, t));
        return m.value;
    }
    std::optional<Money> optional_money(const JsonValue& v, const char* key,
                                        const std::string& where) const {
        if (!v.find(key)) return std::nullopt;
        return money(v, key, where);
    }

    PreviousStatement read(const JsonValue& doc, Period period) {
        if (doc.type != JsonValue::Type::object) fail("not a JSON object");
        const std::string& schema = text(doc, "schema", "the statement");
        if (schema != schema::recon || text(doc, "tool", "the statement") != "pool-recon")
            fail(fmt::format("its schema is \"{}\", not {}: --previous takes last month's "
                             "pool-recon --format json statement",
                             schema, schema::recon));
        const JsonValue& ag = member(doc, "agreement", JsonValue::Type::object, "the statement");
        const std::string& id = text(ag, "id", "agreement");
        const std::string& year = text(ag, "financial_year", "agreement");
        if (id != a_.id || year != a_.year.label())
            fail(fmt::format("it is a statement of agreement {} for {}, not of {} for {}", id, year,
                             a_.id, a_.year.label()));
        PreviousStatement out;
        const std::string& ym = text(doc, "period", "the statement");
        auto p = a_.year.parse_period(ym);
        if (!p) fail(fmt::format("its period \"{}\" is not a period of {}", ym, a_.year.label()));
        if (p->number() >= period.number())
            fail(fmt::format("it is the statement of {}, not of a month before {}: the "
                             "movement is measured against an earlier month's",
                             a_.year.period_long(*p), a_.year.period_long(period)));
        out.period = *p;

        const JsonValue& schemes = member(doc, "schemes", JsonValue::Type::array, "the statement");
        if (schemes.items.size() != a_.schemes.size())
            fail(fmt::format("it has {} schemes, the agreement {}", schemes.items.size(),
                             a_.schemes.size()));
        std::vector<Money> parts(a_.schemes.size());
        for (std::size_t s = 0; s < a_.schemes.size(); ++s) {
            const JsonValue& row = schemes.items[s];
            const std::string where = fmt::format("schemes[{}]", s);
            if (text(row, "id", where) != a_.schemes[s].id)
                fail(fmt::format("{} is scheme {}, the agreement's is {}", where,
                                 text(row, "id", where), a_.schemes[s].id));
            const Money forecast = money(row, "forecast_outturn", where);
            if (money(row, "forecast_variance", where) != forecast - money(row, "budget", where))
                changed(fmt::format("{}'s forecast_variance is not its forecast_outturn less its "
                                    "budget",
                                    a_.schemes[s].id));
            const JsonValue* method = row.find("forecast_method");
            const bool committed =
                method && method->type == JsonValue::Type::string && method->text == "commitments";
            if (committed) {
                parts[s] = money(row, "committed", where) + money(row, "open_ended", where);
                Money sum = money(row, "actual_ytd", where) + parts[s] +
                            money(row, "allowance", where) +
                            optional_money(row, "adjustment", where).value_or(Money{});
                if (sum != forecast)
                    changed(fmt::format("{}'s forecast_outturn {} is not its actual to date, "
                                        "committed cost, allowance and adjustment ({})",
                                        a_.schemes[s].id, format_plain(forecast),
                                        format_plain(sum)));
            }
            out.forecast.push_back(forecast);
            out.from_commitments.push_back(committed);
            out.total_forecast += forecast;
        }
        const JsonValue& total = member(doc, "total", JsonValue::Type::object, "the statement");
        if (money(total, "forecast_outturn", "total") != out.total_forecast)
            changed("its schemes' forecasts do not add up to its total");
        if (doc.find("cases")) out.cases = cases(doc, parts, out.from_commitments);
        return out;
    }

  private:
    std::vector<PreviousCase> cases(const JsonValue& doc, const std::vector<Money>& parts,
                                    const std::vector<bool>& from_commitments) {
        static const DateFormat iso = *DateFormat::compile("%Y-%m-%d");
        std::vector<PreviousCase> out;
        std::vector<Money> sum(a_.schemes.size());
        const JsonValue& list = member(doc, "cases", JsonValue::Type::array, "the statement");
        for (std::size_t i = 0; i < list.items.size(); ++i) {
            const JsonValue& c = list.items[i];
            const std::string where = fmt::format("cases[{}]", i);
            PreviousCase pc;
            pc.case_ref = text(c, "case", where);
            auto s = a_.scheme_index(text(c, "scheme", where));
            if (!s)
                fail(fmt::format("{} names scheme {}, not one of the agreement's", where,
                                 text(c, "scheme", where)));
            pc.scheme = *s;
            pc.committed = money(c, "committed", where);
            if (const JsonValue* end = c.find("end")) {
                if (end->type == JsonValue::Type::null) {
                    pc.open_ended = true;
                } else {
                    auto d =
                        end->type == JsonValue::Type::string ? iso.parse(end->text) : std::nullopt;
                    pc.end = d ? day_of(d->year, d->month, d->day) : std::nullopt;
                    if (!pc.end) fail(fmt::format("{}.end is not a date", where));
                }
            }
            sum[to_size(pc.scheme)] += pc.committed;
            out.push_back(std::move(pc));
        }
        for (std::size_t s = 0; s < a_.schemes.size(); ++s)
            if (from_commitments[s] && sum[s] != parts[s])
                changed(fmt::format("{}'s cases commit {}, its committed and open-ended cost {}",
                                    a_.schemes[s].id, format_plain(sum[s]),
                                    format_plain(parts[s])));
        return out;
    }

    const Agreement& a_;
    const std::string& file_;
};

} // namespace

PreviousStatement parse_previous_statement(const Agreement& agreement, Period period,
                                           std::string_view text, const std::string& file) {
    PreviousStatement out = Reader(agreement, file).read(parse_json(text, file), period);
    out.input = InputFile{"previous", file, text.size(), sha256_hex(text)};
    return out;
}

PreviousStatement read_previous_statement(const Agreement& agreement, Period period,
                                          const std::string& path) {
    return parse_previous_statement(agreement, period, read_input(path, "previous statement").text,
                                    path);
}

} // namespace poolkit
