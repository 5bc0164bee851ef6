#include "partner_args.hpp"

#include "support/error.hpp"
#include "support/text.hpp"

#include <fmt/format.h>

namespace poolkit::cli {

namespace {

PartnerIndex partner_arg(const Agreement& agreement, const std::string& id,
                         const std::string& path) {
    std::vector<std::string> ids;
    for (std::size_t p = 0; p < agreement.partners.size(); ++p) {
        if (agreement.partners[p].id == id) return PartnerIndex{p};
        ids.push_back(agreement.partners[p].id);
    }
    std::vector<std::string_view> candidates(ids.begin(), ids.end());
    throw Error(ErrorKind::usage,
                fmt::format("--partner {}: not a partner of {} (its partners: {}){}", id, path,
                            comma_list(ids), did_you_mean(id, candidates)));
}

} // namespace

void add_partner_options(CLI::App& app, PartnerArgs& args, const std::string& what) {
    app.add_option("--partner", args.partner, "that partner's statement: " + what)->type_name("ID");
    app.add_flag("--thousands", args.thousands,
                 "tables in £000 for board papers (text, md, html), totals that still add up");
}

PartnerView partner_view(const Agreement& agreement, const PartnerArgs& args,
                         const std::string& path, const std::string& format) {
    if (!args.partner.empty() && (format == "csv" || format == "xlsx"))
        throw Error(
            ErrorKind::usage,
            fmt::format("--partner gives a statement in text, md, html or json, not {}", format));
    if (args.thousands && (format == "csv" || format == "json" || format == "xlsx"))
        throw Error(
            ErrorKind::usage,
            fmt::format("--thousands is for text, md and html: {} carries exact amounts", format));
    PartnerView view;
    if (!args.partner.empty()) view.partner = partner_arg(agreement, args.partner, path);
    view.thousands = args.thousands;
    return view;
}

} // namespace poolkit::cli
