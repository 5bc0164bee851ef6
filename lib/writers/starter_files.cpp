#include "writers/starter_files.hpp"

#include "model/placeholder.hpp"

#include <fmt/format.h>

namespace poolkit {

namespace {

// The partners' ids as written in the files: the given ones, or placeholders.
std::vector<std::string> partner_ids(const StarterTerms& t) {
    if (!t.partners.empty()) return t.partners;
    return {placeholder("partner 1"), placeholder("partner 2")};
}

// A value about partner `id` still to be filled in: <ICB-NAME>, <PARTNER-1-SHARE>.
std::string about(const std::string& id, std::string_view what) {
    return placeholder(fmt::format("{} {}", id, what));
}

// A TOML key: a bare one when the id is plain, quoted when it is a placeholder.
std::string key(const std::string& id) {
    return find_placeholder(id) ? fmt::format("\"{}\"", id) : id;
}

std::string partner_blocks(const std::vector<std::string>& ids) {
    std::string out = "# One [[partner]] block for each organisation; sector is \"nhs\", "
                      "\"local_authority\" or\n# \"other\" (a section 75 agreement needs an NHS "
                      "body and a local authority).\n";
    for (const auto& id : ids)
        out += fmt::format("[[partner]]\nid = \"{}\"\nname = \"{}\"\nsector = \"{}\"\n\n", id,
                           about(id, "name"), about(id, "sector"));
    return out;
}

std::string contributions(const std::vector<std::string>& ids) {
    std::string out = "# Each partner's share of every scheme's budget: percentages summing to "
                      "exactly 100%\n# (\"60%\"), or amounts summing to the budgets' total.\n"
                      "[contributions]\n";
    for (const auto& id : ids)
        out += fmt::format("{} = \"{}\"\n", key(id), about(id, "share"));
    return out + "\n";
}

// "Pooled fund" -> "pooled fund".
std::string lower_first(std::string_view words) {
    std::string out(words);
    if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z') out[0] = char(out[0] - 'A' + 'a');
    return out;
}

} // namespace

std::string starter_agreement(const StarterTerms& t) {
    const auto ids = partner_ids(t);
    const std::string_view kind = agreement_kinds.keyword(t.kind);
    const bool hosted = t.kind != AgreementKind::aligned;
    std::string out = fmt::format(
        "# agreement.toml: a starter {} (SPEC §3), written by `poolkit init`.\n"
        "# Replace every value in angle brackets, like {}, with your own: pool-check refuses\n"
        "# the file while one is left. Then check it with `pool-check agreement.toml` after every\n"
        "# change and see the figures with `pool-shares agreement.toml`. Every key is described\n"
        "# in poolkit-formats(5); the full commented template of this kind, with the options\n"
        "# left out here, is {}.\n"
        "# Amounts are strings with at most two decimals (\"1200000.00\"); percentages end in "
        "\"%\".\n\n",
        lower_first(agreement_kinds.words(t.kind)), placeholder("agreement id"), t.template_path);
    out += fmt::format("[agreement]\n"
                       "id = \"{}\"            # a short reference, printed on every statement\n"
                       "title = \"{}\"                  # the agreement's name\n"
                       "kind = \"{}\"\n"
                       "legal_basis = \"NHS Act 2006 s75\"   # or \"Children Act 2004 s10\"\n"
                       "financial_year = \"{}\"   # e.g. \"2025-26\": P01 is April of its "
                       "first year\n",
                       placeholder("agreement id"), placeholder("title"), kind,
                       placeholder("financial year"));
    if (hosted)
        out += fmt::format("host = \"{}\"        # the partner id that holds the money{}\n"
                           "pooled_fund_manager = \"{}\"   # the named officer\n",
                           placeholder("host partner id"),
                           t.kind == AgreementKind::joint ? ", spends and invoices" : "",
                           placeholder("pooled fund manager"));
    if (t.kind == AgreementKind::pooled)
        out += "opening_balance = \"0.00\"           # brought forward from last year's pool\n"
               "# When the partners pay: \"monthly\", \"quarterly-in-advance\" or "
               "\"annual-in-advance\".\npayment_schedule = \"quarterly-in-advance\"\n";
    out += "\n" + partner_blocks(ids) + contributions(ids);
    out += fmt::format("# One [[scheme]] block for each budget line.\n"
                       "[[scheme]]\n"
                       "id = \"{}\"             # the scheme code used in the ledgers\n"
                       "name = \"{}\"\n"
                       "budget = \"{}\"             # the annual budget, e.g. \"1000000.00\"\n"
                       "lead = \"{}\"      # the lead commissioner (a partner id)\n"
                       "profile = \"even\"                  # or 12 weights, April first\n"
                       "function = \"{}\"         # what it does, e.g. \"residential care\"\n\n",
                       placeholder("scheme id"), placeholder("scheme name"), placeholder("budget"),
                       placeholder("lead partner id"), placeholder("function"));
    if (t.kind == AgreementKind::pooled)
        out += "# Who bears an overspend and who gets an underspend at the year end (SPEC §7).\n"
               "[risk_share]\nbasis = \"pool\"\noverspend = \"contributions\"\n"
               "underspend = \"return\"\n\n";
    out += "# Month-end RAG ratings: the forecast variance as a share of the budget.\n"
           "[monitoring]\namber = \"2%\"\nred = \"5%\"\n";
    return out;
}

std::string starter_workspace(const StarterTerms& t) {
    std::string out =
        "# pool.toml: this pool's workspace (SPEC §13), written by `poolkit init`. It names the\n"
        "# agreement and each partner's ledgers once, so that a month-end is the same command\n"
        "# every month. This version of poolkit does not read it yet: give the same files on the\n"
        "# command line, e.g. `pool-recon agreement.toml ledgers/*.csv --period P06`.\n\n"
        "agreement = \"agreement.toml\"\n"
        "# cash = \"cash.csv\"                     # the cash register (SPEC §10)\n"
        "# commitments = \"commitments.csv\"       # SPEC §12\n"
        "# output = \"statements/{period}\"        # where --save writes\n"
        "# formats = [\"text\", \"json\"]            # what --save writes\n";
    for (const auto& id : partner_ids(t)) {
        std::string file = id;
        if (find_placeholder(id)) file = id.substr(1, id.size() - 2);
        for (char& c : file)
            if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
        out += fmt::format("\n[[ledger]]\npath = \"ledgers/{}-*.csv\"    # a glob, relative to "
                           "this file\nprofile = \"default\"    # a shipped name (icb-oracle, "
                           "bristol-agresso) or a path\npartner = \"{}\"\n",
                           file, id);
    }
    return out;
}

} // namespace poolkit
