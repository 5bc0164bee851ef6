#include "ledger_pairing.hpp"

#include "data_directory.hpp"
#include "inputs_args.hpp"

#include "model/diagnostic.hpp"
#include "readers/ledger_date.hpp"
#include "readers/ledger_profile.hpp"
#include "support/error.hpp"
#include "support/text.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <sys/stat.h>

namespace poolkit::cli {

namespace {

bool is_file(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

// What to do when a ledger argument with '=' names no profile: the whole argument may be a file
// whose name holds '=' (SPEC §11 pairs at the last '=').
std::string equals_hint(const std::string& arg) {
    return arg.find('=') != std::string::npos && is_file(arg)
               ? fmt::format(" ({} is a file: to read a file whose name holds '=' in the "
                             "default layout, write {}=default)",
                             arg, arg)
               : "";
}

} // namespace

LedgerArgument split_ledger_argument(const std::string& arg) {
    const std::size_t eq = arg.rfind('=');
    if (eq == std::string::npos) return {arg, ""};
    if (eq == 0 || eq + 1 == arg.size())
        throw Error(ErrorKind::usage,
                    fmt::format("ledger {}: write LEDGER=PROFILE (e.g. icb.csv=icb-oracle), or "
                                "the file alone for the default layout{}",
                                arg, equals_hint(arg)));
    return {arg.substr(0, eq), arg.substr(eq + 1)};
}

std::vector<LedgerSpec> ledger_specs(const LedgerArgs& args) {
    std::vector<LedgerArgument> given;
    bool paired = false;
    for (const auto& arg : args.ledgers) {
        given.push_back(split_ledger_argument(arg));
        paired = paired || !given.back().profile.empty();
    }
    const auto& profiles = args.profiles;
    if (profiles.size() > 1 && paired)
        throw Error(ErrorKind::usage,
                    "--profile given more than once beside LEDGER=PROFILE: pair every ledger "
                    "with its profile as LEDGER=PROFILE and leave out --profile");
    if (profiles.size() > 1 && profiles.size() != given.size())
        throw Error(ErrorKind::usage,
                    fmt::format("--profile is given {} times for {} ledger file{}, so which "
                                "profile reads which file is not certain: write each ledger as "
                                "LEDGER=PROFILE (e.g. icb.csv=icb-oracle; a ledger alone is the "
                                "default layout), or give --profile once for every ledger",
                                profiles.size(), given.size(), given.size() == 1 ? "" : "s"));
    // Each profile is loaded and recorded once, however many ledgers it reads.
    std::map<std::string, LoadedProfile> loaded;
    auto load = [&](const std::string& name, const std::string& arg, bool& first) {
        const std::string path = profile_path(name, arg);
        auto [it, added] = loaded.try_emplace(path);
        if (added) {
            it->second = load_ledger_profile(path);
            // A shipped profile is recorded by its name (SPEC §5, §11), so the statement is the
            // same bytes on every installation, and pool-verify finds it beside its own tools.
            if (path != name) it->second.record.path = name;
        }
        first = added;
        return it->second;
    };
    std::vector<LedgerSpec> specs;
    for (std::size_t i = 0; i < given.size(); ++i) {
        LedgerSpec s;
        s.path = given[i].path;
        std::string name = given[i].profile, arg = args.ledgers[i];
        if (name.empty() && profiles.size() == 1) name = profiles[0], arg = "--profile " + name;
        if (name.empty() && profiles.size() > 1) name = profiles[i], arg = "--profile " + name;
        if (!name.empty()) {
            bool first = false;
            const LoadedProfile& lp = load(name, arg + equals_hint(args.ledgers[i]), first);
            s.profile = lp.profile;
            if (first && !lp.record.path.empty()) s.profile_record = lp.record;
        }
        specs.push_back(std::move(s));
    }
    // --ledger-partner LEDGER=ID: whose ledger each named file is (SPEC §11, §13).
    for (const auto& arg : args.ledger_partners) {
        const std::size_t eq = arg.rfind('=');
        const std::string file = eq == std::string::npos ? "" : arg.substr(0, eq);
        const std::string partner = eq == std::string::npos ? "" : arg.substr(eq + 1);
        bool found = false;
        for (auto& s : specs)
            if (!file.empty() && s.path == file && !partner.empty()) {
                s.partner = partner;
                found = true;
            }
        if (!found)
            throw Error(ErrorKind::usage,
                        fmt::format("--ledger-partner {}: give LEDGER=PARTNER for a ledger "
                                    "named on the command line (as it is written there)",
                                    arg));
    }
    std::vector<std::string> disagree;
    for (const auto& s : specs) {
        const auto& fixed = s.profile.fixed_value(LedgerField::partner);
        if (!s.partner.empty() && fixed && *fixed != s.partner)
            disagree.push_back(fmt::format("{} is {}'s ledger, but its profile \"{}\" fixes "
                                           "partner {}",
                                           s.path, s.partner, s.profile.name, *fixed));
    }
    if (!disagree.empty())
        throw Error(ErrorKind::input,
                    fmt::format("{} (SPEC §11): nothing was computed; pair each file with its own "
                                "partner's profile, or correct its partner{}",
                                fmt::join(disagree, "; "),
                                disagree.size() > 1 ? " (were the files swapped?)" : ""));
    return specs;
}

void check_partners_known(const Agreement& agreement, const LedgerArgs& args) {
    std::vector<std::string_view> ids;
    for (const auto& p : agreement.partners)
        ids.push_back(p.id);
    for (std::size_t i = 0; i < args.ledger_partners.size(); ++i) {
        const std::string& arg = args.ledger_partners[i];
        const std::size_t eq = arg.rfind('=');
        if (eq == std::string::npos) continue; // ledger_specs says what to write
        const std::string file = arg.substr(0, eq), partner = arg.substr(eq + 1);
        if (partner.empty() || std::find(ids.begin(), ids.end(), partner) != ids.end()) continue;
        const std::string known =
            fmt::format("{}; the agreement's partners are {}", did_you_mean(partner, ids),
                        and_list(std::vector<std::string>(ids.begin(), ids.end())));
        const SourceLocation at =
            i < args.ledger_partners_at.size() ? args.ledger_partners_at[i] : SourceLocation{};
        if (!at.file.empty())
            throw Error(ErrorKind::input, at,
                        fmt::format("unknown partner \"{}\" for the ledger {}{}: correct the "
                                    "[[ledger]]'s partner",
                                    partner, file, known));
        throw Error(ErrorKind::usage, fmt::format("--ledger-partner {}: unknown partner \"{}\"{}",
                                                  arg, partner, known));
    }
}

void check_ledger_partners(const Agreement& agreement, const std::vector<LedgerSpec>& specs,
                           const std::vector<LedgerFileTotals>& files) {
    for (std::size_t i = 0; i < specs.size() && i < files.size(); ++i) {
        if (specs[i].partner.empty()) continue;
        const auto& by_partner = files[i].periods_by_partner;
        for (std::size_t p = 0; p < by_partner.size() && p < agreement.partners.size(); ++p)
            if (by_partner[p] != 0 && agreement.partners[p].id != specs[i].partner)
                throw Error(ErrorKind::input,
                            fmt::format("{}: it is named as {}'s ledger, but it has "
                                        "lines of partner {}: nothing was computed; correct the "
                                        "partner, or the file (is it another partner's export?)",
                                        specs[i].path, specs[i].partner, agreement.partners[p].id));
    }
}

void warn_ambiguous_dates(const std::vector<LedgerSpec>& specs,
                          const std::vector<LedgerFileTotals>& files) {
    for (std::size_t i = 0; i < specs.size() && i < files.size(); ++i) {
        const auto format = DateFormat::compile(specs[i].profile.date_format);
        if (!format || !format->day_month_ambiguous() || files[i].max_day == 0 ||
            files[i].max_day > 12)
            continue;
        const Diagnostic d{
            {specs[i].path, 0, 0},
            Severity::warning,
            fmt::format("no date has a day above 12, so the dates read as {} (date_format \"{}\" "
                        "of profile \"{}\") could as well be the other way round: check that "
                        "the export writes them that way",
                        format->example(), format->text(), specs[i].profile.name)};
        std::cerr << d.formatted() << '\n';
    }
}

} // namespace poolkit::cli
