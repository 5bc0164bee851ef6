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

// key = "value", its comment (if any) from the 41st column on.
std::string entry(std::string_view key, std::string_view value, std::string_view comment) {
    std::string line = fmt::format("{} = \"{}\"", key, value);
    if (comment.empty()) return line + "\n";
    return fmt::format("{:<39} # {}\n", line, comment);
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
    std::string out = fmt::format(
        "# agreement.toml: a starter {} (SPEC §3), written by `poolkit init`.\n"
        "# Replace every value in angle brackets, like {}, with your own: pool-check refuses\n"
        "# the file while one is left. Then check it with `pool-check agreement.toml` after\n"
        "# every change, and see the figures with `pool-shares agreement.toml`. Every key is\n"
        "# described in poolkit-formats(5); the full commented template of this kind, with the\n"
        "# options left out here, is {}.\n"
        "# Amounts are strings with at most two decimals (\"1200000.00\"); percentages end in "
        "\"%\".\n\n[agreement]\n",
        lower_first(agreement_kinds.words(t.kind)), placeholder("agreement id"), t.template_path);
    out += entry("id", placeholder("agreement id"), "a short reference, printed on statements");
    out += entry("title", placeholder("title"), "the agreement's name");
    out += entry("kind", agreement_kinds.keyword(t.kind), "");
    out += entry("legal_basis", "NHS Act 2006 s75", "or \"Children Act 2004 s10\"");
    out += entry("financial_year", placeholder("financial year"),
                 "e.g. \"2025-26\": P01 is April 2025");
    if (t.kind != AgreementKind::aligned) {
        out += entry("host", placeholder("host partner id"),
                     t.kind == AgreementKind::joint ? "the partner that spends and invoices"
                                                    : "the partner that holds the money");
        out += entry("pooled_fund_manager", placeholder("pooled fund manager"), "the officer");
    }
    if (t.kind == AgreementKind::pooled) {
        out += entry("opening_balance", "0.00", "brought forward from last year's pool");
        out += entry("payment_schedule", "quarterly-in-advance",
                     "or \"monthly\", \"annual-in-advance\"");
    }
    out += "\n" + partner_blocks(ids) + contributions(ids);
    out += "# One [[scheme]] block for each budget line.\n[[scheme]]\n";
    out += entry("id", placeholder("scheme id"), "the scheme code used in the ledgers");
    out += entry("name", placeholder("scheme name"), "");
    out += entry("budget", placeholder("budget"), "the annual budget, e.g. \"1000000.00\"");
    out += entry("lead", placeholder("lead partner id"), "the lead commissioner (a partner id)");
    out += entry("profile", "even", "or 12 weights, April first");
    out += entry("function", placeholder("function"), "what it does, e.g. \"residential care\"");
    if (t.kind == AgreementKind::pooled)
        out += "\n# Who bears an overspend and who gets an underspend at the year end (SPEC §7).\n"
               "[risk_share]\nbasis = \"pool\"\noverspend = \"contributions\"\n"
               "underspend = \"return\"\n";
    out += "\n# Month-end RAG ratings: the forecast variance as a share of the budget.\n"
           "[monitoring]\namber = \"2%\"\nred = \"5%\"\n";
    return out;
}

std::string starter_workspace(const StarterTerms& t) {
    std::string out =
        "# pool.toml: this pool's workspace (SPEC §13), written by `poolkit init`. It names the\n"
        "# agreement and each partner's ledgers once, so that a month-end is the same command\n"
        "# every month: `pool-recon --period P06` in this folder (or --pool FILE from another)\n"
        "# reads them, and arguments on the command line win.\n\n";
    out += entry("agreement", "agreement.toml", "");
    out += "# " + entry("cash", "cash.csv", "the cash register (SPEC §10)");
    out += "# " + entry("commitments", "commitments.csv", "SPEC §12");
    out += "# " + entry("output", "statements/{period}", "where --save writes");
    out += fmt::format("# {:<39} # what --save writes\n", "formats = [\"text\", \"json\"]");
    for (const auto& id : partner_ids(t)) {
        std::string file = find_placeholder(id) ? id.substr(1, id.size() - 2) : id;
        for (char& c : file)
            if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
        out += "\n[[ledger]]\n";
        out +=
            entry("path", fmt::format("ledgers/{}-*.csv", file), "a glob, relative to this file");
        out += entry("profile", "default", "a shipped name (icb-oracle) or a path");
        out += entry("partner", id, "whose ledger it is");
    }
    return out;
}

} // namespace poolkit
