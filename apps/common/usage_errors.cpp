#include "usage_errors.hpp"

#include "support/text.hpp"

#include <fmt/format.h>

#include <cctype>
#include <optional>
#include <string_view>

namespace poolkit::cli {

namespace {

using Options = std::vector<const CLI::Option*>;

// The option named "--period" or "-o" as written on the command line.
const CLI::Option* named(const Options& options, std::string_view name) {
    for (const CLI::Option* opt : options) {
        for (const auto& l : opt->get_lnames())
            if (name == "--" + l) return opt;
        for (const auto& s : opt->get_snames())
            if (name == "-" + s) return opt;
    }
    return nullptr;
}

bool takes_value(const CLI::Option* opt) {
    return opt->get_items_expected_max() > 0;
}

// One option as written: its name ("--period"), the token, and its value when it has one.
struct Written {
    std::string name;
    std::string token;
    const CLI::Option* option = nullptr; // null: not an option of the tool
    std::optional<std::string> value;
};

// Each option the arguments name, in order, up to "--": a token that starts with '-' ("-" alone is
// standard input, "-3" a number) and is not the value of the option before it.
std::vector<Written> written_options(const Options& options, const std::vector<std::string>& args) {
    std::vector<Written> out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& tok = args[i];
        if (tok == "--") break;
        if (tok.size() < 2 || tok[0] != '-' || std::isdigit(static_cast<unsigned char>(tok[1])))
            continue;
        const bool is_long = tok[1] == '-';
        Written w;
        w.token = tok;
        w.name = is_long ? tok.substr(0, tok.find('=')) : tok.substr(0, 2);
        w.option = named(options, w.name);
        if (!w.option && (!is_long || w.name == "--")) w.name = tok; // "-x...", "--=x"
        if (w.option && takes_value(w.option)) {
            const std::size_t attached = is_long ? tok.find('=') : 2;
            if (attached != std::string::npos && attached < tok.size())
                w.value = tok.substr(attached + (is_long ? 1 : 0));
            else if (i + 1 < args.size())
                w.value = args[++i];
        }
        out.push_back(std::move(w));
    }
    return out;
}

// "unknown option --perod; did you mean --period?": the near names are the options --help shows.
std::string unknown_option(const Options& options, const std::string& name) {
    std::vector<std::string> names;
    for (const CLI::Option* opt : options) {
        if (opt->get_group().empty()) continue; // hidden from --help
        for (const auto& l : opt->get_lnames())
            names.push_back("--" + l);
    }
    std::vector<std::string_view> bare;
    for (const auto& n : names)
        bare.push_back(std::string_view(n).substr(2));
    const std::size_t letters = name.find_first_not_of('-');
    if (letters == std::string::npos) return fmt::format("unknown option {}", name); // "---"
    auto m = closest_match(std::string_view(name).substr(letters), bare);
    if (!m) return fmt::format("unknown option {}", name);
    return fmt::format("unknown option {}; did you mean --{}?", name, *m);
}

// The option `error` is about: CLI11 starts its messages with the option's name, but for a value
// it could not convert ("Could not convert: --explain = maybe").
const CLI::Option* option_of(const Options& options, std::string_view what) {
    constexpr std::string_view not_converted = "Could not convert: ";
    if (what.substr(0, not_converted.size()) == not_converted)
        what.remove_prefix(not_converted.size());
    const CLI::Option* best = nullptr;
    for (const CLI::Option* opt : options) {
        const std::string name = opt->get_name();
        if (name.empty() || what.substr(0, name.size()) != name) continue;
        const std::string_view rest = what.substr(name.size());
        if (!rest.empty() && rest[0] != ':' && rest[0] != ' ') continue;
        if (!best || name.size() > best->get_name().size()) best = opt;
    }
    return best;
}

// How an argument of the usage line is named in a sentence: "agreement", "ledger", "statement".
std::string noun(const CLI::Option* positional) {
    std::string n = positional->get_name();
    for (auto& c : n)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (n.size() > 1 && n.back() == 's') n.pop_back();
    return n;
}

// "no ledger given; name one or more ledger CSV files after the agreement, or - for standard input"
std::string missing_argument(const Options& options, const CLI::Option* opt) {
    const std::string what = noun(opt);
    std::string after;
    for (const CLI::Option* o : options) {
        if (o == opt) break;
        if (o->get_positional()) after = " after the " + noun(o);
    }
    const bool many = opt->get_items_expected_max() > 1;
    const std::string file = what == "agreement"   ? "agreement TOML file"
                             : what == "ledger"    ? "ledger CSV file"
                             : what == "statement" ? "JSON statement"
                                                   : what;
    return fmt::format("no {} given; name {}{}{}, or - for standard input", what,
                       many ? "one or more " : "the ", file + (many ? "s" : ""), after);
}

// "no --period given; give --period PERIOD: the month end: P01..P12 or YYYY-MM"
std::string missing_option(const CLI::Option* opt) {
    const std::string name = opt->get_name();
    return fmt::format("no {} given; give {} {}: {}", name, name, opt->get_type_name(),
                       opt->get_description());
}

// "--period is given twice; give it once, e.g. --period P06", or a value missing at the end:
// "-o needs a value; give --output FILE: write the output to FILE ...".
std::string value_count(const CLI::Option* opt, const std::vector<Written>& written) {
    std::vector<const Written*> uses;
    for (const auto& w : written)
        if (w.option == opt) uses.push_back(&w);
    const std::string name = opt->get_name();
    if (uses.size() > 1) {
        const std::string times = uses.size() == 2 ? "twice" : fmt::format("{} times", uses.size());
        const auto& first = uses.front()->value;
        return fmt::format("{} is given {}; give it once{}", name, times,
                           first ? fmt::format(", e.g. {} {}", name, *first) : "");
    }
    const std::string as_written = uses.empty() ? name : uses.front()->name;
    return fmt::format("{} needs a value; give {} {}: {}", as_written, name, opt->get_type_name(),
                       opt->get_description());
}

// The text between `open` and `close` at the end of `what`, if it ends so.
std::optional<std::string> tail_between(std::string_view what, std::string_view open,
                                        std::string_view close) {
    const auto at = what.rfind(open);
    if (at == std::string_view::npos || what.size() < close.size() ||
        what.substr(what.size() - close.size()) != close)
        return std::nullopt;
    const auto from = at + open.size();
    if (from + close.size() > what.size()) return std::nullopt;
    return std::string(what.substr(from, what.size() - close.size() - from));
}

// "--format jsn: give text, csv, json or md; did you mean 'json'?"; a number out of range:
// "--timeout 0: give a number from 1 to 604800"; a flag given a value: "--explain takes no value".
std::string bad_value(const CLI::Option* opt, std::string_view what) {
    const std::string name = opt->get_name();
    const std::string value = opt->results().empty() ? std::string() : opt->results().back();
    if (!takes_value(opt)) return fmt::format("{} takes no value; give {} alone", name, name);
    if (auto set = tail_between(what, " not in {", "}")) {
        std::vector<std::string> choices;
        std::string_view rest = *set;
        while (!rest.empty()) {
            const auto comma = rest.find(',');
            choices.emplace_back(rest.substr(0, comma));
            rest = comma == std::string_view::npos ? "" : rest.substr(comma + 1);
        }
        std::vector<std::string_view> views(choices.begin(), choices.end());
        return fmt::format("{} {}: give {}{}", name, value, or_list(choices),
                           did_you_mean(value, views));
    }
    if (auto range = tail_between(what, " not in range ", "")) {
        const auto to = range->find(" to ");
        if (to != std::string::npos)
            return fmt::format("{} {}: give a number from {} to {}", name, value,
                               range->substr(0, to), range->substr(to + 4));
    }
    return fmt::format("{} {}: not a valid {}; give {}", name, value, opt->get_type_name(),
                       opt->get_description());
}

std::string translated(const CLI::App& app, const CLI::ParseError& error,
                       const std::vector<std::string>& args) {
    const Options options = app.get_options();
    const std::vector<Written> written = written_options(options, args);
    for (const auto& w : written)
        if (!w.option) return unknown_option(options, w.name);

    const std::string_view what = error.what();
    if (dynamic_cast<const CLI::ExtrasError*>(&error)) {
        std::vector<std::string> takes;
        for (const CLI::Option* o : options)
            if (o->get_positional()) takes.push_back(o->get_name());
        const auto extra = app.remaining();
        return fmt::format("unexpected argument{} {}: {} takes {} and options only",
                           extra.size() == 1 ? "" : "s", comma_list(extra), app.get_name(),
                           and_list(takes));
    }
    if (dynamic_cast<const CLI::ExcludesError*>(&error)) {
        const auto at = what.find(" excludes ");
        if (at != std::string_view::npos)
            return fmt::format("{} and {} cannot be given together; give one of them",
                               what.substr(0, at), what.substr(at + 10));
    }
    const CLI::Option* opt = option_of(options, what);
    if (!opt) return std::string(what);
    if (dynamic_cast<const CLI::RequiredError*>(&error))
        return opt->get_positional() ? missing_argument(options, opt) : missing_option(opt);
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&error)) return value_count(opt, written);
    if (dynamic_cast<const CLI::ValidationError*>(&error) ||
        dynamic_cast<const CLI::ConversionError*>(&error))
        return bad_value(opt, what);
    return std::string(what);
}

} // namespace

std::string usage_message(const CLI::App& app, const CLI::ParseError& error,
                          const std::vector<std::string>& args) {
    // Called while the tool is reporting an error: whatever happens here, it still says one.
    try {
        return translated(app, error, args);
    } catch (const std::exception&) {
        return error.what();
    }
}

} // namespace poolkit::cli
