#include "readers/opening_balance_from.hpp"

#include "readers/input_source.hpp"
#include "readers/json_reader.hpp"
#include "readers/previous_settlement.hpp"
#include "readers/sha256.hpp"

#include <fmt/format.h>

namespace poolkit {

std::string path_beside(const std::string& agreement_path, const std::string& from) {
    if (from.starts_with('/') || agreement_path == "-" || agreement_path == "<stdin>") return from;
    const auto slash = agreement_path.rfind('/');
    return slash == std::string::npos ? from : agreement_path.substr(0, slash + 1) + from;
}

namespace {

std::string scalar(const JsonValue& doc, std::string_view key) {
    const JsonValue* v = doc.find(key);
    return v ? v->scalar() : std::string();
}

} // namespace

void read_opening_balance_from(AgreementDraft& d, const toml::table& t) {
    const std::string ctx = "'opening_balance' of [agreement]";
    d.r.check_keys(t, {"from", "sha256"}, ctx);
    auto from = d.r.string(t, "from", ctx, true);
    if (!from) return;
    auto error = [&](const std::string& why) {
        d.r.error(t, fmt::format("{}: {}: {}", ctx, *from, why));
    };
    const std::string path = path_beside(d.r.file(), *from);
    InputText in;
    JsonValue doc;
    try {
        in = read_input(path, "opening balance");
        doc = parse_json(in.text, path);
    } catch (const Error& e) {
        // A statement that cannot be read is an input the run cannot do without (SPEC §5: exit 2),
        // not a term of the agreement to correct.
        throw Error(ErrorKind::input, d.r.at(t), fmt::format("{}: {}: {}", ctx, *from, e.what()));
    }
    in.record.role = "opening-balance";
    if (auto want = d.r.string(t, "sha256", ctx, false); want && *want != in.record.sha256) {
        error(fmt::format("its SHA-256 is {}, not the {} the agreement states: the statement has "
                          "changed since the agreement was written",
                          in.record.sha256, *want));
        return;
    }
    if (auto problem = previous_settlement_problem(doc, d.a.id, d.a.year)) {
        error(*problem);
        return;
    }
    const auto before = FinancialYear::starting(d.a.year.start_year() - 1).label();
    const MoneyParse carried = parse_money(scalar(doc, "carried_forward"));
    const MoneyParse unallocated = parse_money(scalar(doc, "unallocated"));
    if (!carried || !unallocated) {
        error("its carried_forward or unallocated is not an amount");
        return;
    }
    d.a.opening_balance = carried.value;
    if (unallocated.value.is_positive())
        d.r.warning(t, fmt::format("{}: the settlement of {} leaves £{} of overspend unallocated: "
                                   "it is not carried forward; the partners must agree how to "
                                   "meet it",
                                   ctx, before, format_display(unallocated.value)));
    in.record.path = path;
    d.a.inputs_read.push_back(in.record);
}

} // namespace poolkit
