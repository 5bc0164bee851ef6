#include "model/legal_basis.hpp"

#include <array>
#include <cctype>
#include <string>

namespace poolkit {

namespace {

struct KnownBasis {
    std::string_view act;     // normalised words of the Act: "nhs act 2006"
    std::string_view section; // normalised section: "75", "65z5"
    LegalBasis basis;
};

// SPEC §3's list. s75 and its predecessor s31 are the partnership arrangements of SI 2000/617
// (pools need an NHS body and a local authority; reg 5 excludes some NHS functions); s76 payments
// are bound by the same exclusions (SI 2000/618); s256, s76 and s28A are one-way payments. The
// words come from DOMAIN-NOTES.md §1-§2; config/legal-bases.toml is the same table for people.
const std::array<KnownBasis, 7> known{{
    {"nhs act 2006",
     "75",
     {"NHS Act 2006 s75",
      true,
      true,
      true,
      false,
      {},
      "at least one nhs and one local_authority partner",
      "lets NHS bodies and local authorities make partnership arrangements: each may carry out "
      "some of the other's health-related functions, and together they may set up a pooled fund "
      "made up of the partners' contributions, out of which payments are made for the functions "
      "in the arrangements. The arrangements do not change any partner's liability and "
      "accountability for its own functions.",
      "NHS Act 2006 s75; NHS Bodies and Local Authorities Partnership Arrangements Regulations "
      "2000 (SI 2000/617) regs 5 and 7"}},
    {"nhs act 2006",
     "65z5",
     {"NHS Act 2006 s65Z5",
      true,
      false,
      false,
      true,
      {},
      "nhs bodies only",
      "lets NHS bodies (NHS England, ICBs, NHS trusts and foundation trusts) arrange to carry out "
      "functions jointly, with a pooled fund (s65Z6). poolkit treats it as joint working between "
      "NHS bodies (SPEC section 3): a local authority partner needs s75.",
      "NHS Act 2006 ss65Z5-65Z6, inserted by the Health and Care Act 2022 s71"}},
    {"nhs act 2006",
     "256",
     {"NHS Act 2006 s256",
      false,
      false,
      false,
      false,
      {},
      "an nhs payer and a local_authority",
      "lets NHS England or an ICB make payments to a local authority towards its social services "
      "(and some housing and education) spending: a one-way, conditional transfer, with no pool, "
      "no host and no shared over- or underspend.",
      "NHS Act 2006 s256; the 2013 Directions on payments between the NHS and local authorities"}},
    {"nhs act 2006",
     "76",
     {"NHS Act 2006 s76",
      false,
      false,
      true,
      false,
      {},
      "a local_authority payer and an nhs body",
      "lets a local authority make payments to an NHS body towards its spending on prescribed "
      "functions: a one-way transfer, the mirror image of s256. The excluded NHS functions apply.",
      "NHS Act 2006 s76 (formerly NHS Act 1977 s28BB); SI 2000/618"}},
    {"children act 2004",
     "10",
     {"Children Act 2004 s10",
      true,
      false,
      false,
      false,
      {},
      "a children's services authority and its relevant partners",
      "places a duty on a children's services authority and its relevant partners to cooperate to "
      "improve children's well-being, and lets them pool budgets and provide staff, goods, "
      "services and other resources for it (s10(6)-(7)). The Act sets no host, fund manager or "
      "reporting duties of its own: the agreement sets them.",
      "Children Act 2004 s10(6)-(7) and its explanatory notes"}},
    {"health act 1999",
     "31",
     {"Health Act 1999 s31", true, true, true, false, "NHS Act 2006 s75",
      "at least one nhs and one local_authority partner",
      "was the power for partnership arrangements and pooled funds between NHS bodies and local "
      "authorities before 2007. It was repealed on 1 March 2007 and consolidated into NHS Act 2006 "
      "s75, whose rules now apply.",
      "Health Act 1999 s31, repealed by the NHS (Consequential Provisions) Act 2006"}},
    {"nhs act 1977",
     "28a",
     {"NHS Act 1977 s28A", false, false, false, false, "NHS Act 2006 s256",
      "an nhs payer and a local_authority",
      "was the power for health bodies to make payments to local authorities towards their social "
      "services spending before 2007: a one-way payment, now NHS Act 2006 s256.",
      "NHS Act 1977 s28A, consolidated as NHS Act 2006 s256 by the NHS (Consequential "
      "Provisions) Act 2006"}},
}};

// Lower-case words of `text`, split at anything that is not a letter or a digit.
std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : text) {
        unsigned char u = static_cast<unsigned char>(c);
        if (std::isalnum(u)) {
            cur += static_cast<char>(std::tolower(u));
        } else if (!cur.empty()) {
            out.push_back(std::move(cur));
            cur.clear();
        }
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
}

bool starts_with(const std::string& w, std::string_view prefix) {
    return w.compare(0, prefix.size(), prefix) == 0;
}

} // namespace

std::optional<LegalBasis> recognise_legal_basis(std::string_view text) {
    auto w = words_of(text);
    // "national health service act" is the NHS Act; "section 75", "s 75" and "s.75" are s75.
    std::string acts, section;
    for (std::size_t i = 0; i < w.size(); ++i) {
        if (w[i] == "national" && i + 2 < w.size() && w[i + 1] == "health" &&
            w[i + 2] == "service") {
            acts += " nhs";
            i += 2;
            continue;
        }
        bool sec_word = w[i] == "s" || w[i] == "section" || w[i] == "sec";
        if (sec_word && i + 1 < w.size() && std::isdigit(static_cast<unsigned char>(w[i + 1][0]))) {
            section = w[++i];
            continue;
        }
        if (w[i].size() > 1 && w[i][0] == 's' &&
            std::isdigit(static_cast<unsigned char>(w[i][1]))) {
            section = w[i].substr(1);
            continue;
        }
        acts += " " + w[i];
    }
    for (const auto& k : known)
        if (section == k.section &&
            acts.find(std::string(" ") + std::string(k.act)) != std::string::npos)
            return k.basis;
    return std::nullopt;
}

std::vector<std::string_view> known_legal_bases() {
    std::vector<std::string_view> out;
    for (const auto& k : known)
        out.push_back(k.basis.name);
    return out;
}

std::vector<LegalBasis> legal_bases() {
    std::vector<LegalBasis> out;
    for (const auto& k : known)
        out.push_back(k.basis);
    return out;
}

std::vector<std::string_view> excluded_nhs_functions() {
    // SI 2000/618 (and SPEC §3), in the names excluded_nhs_function() returns.
    return {"surgery",
            "radiotherapy",
            "termination of pregnancy",
            "endoscopy",
            "class 4 laser treatments",
            "invasive treatments",
            "emergency ambulance services"};
}

std::optional<std::string_view> excluded_nhs_function(std::string_view function) {
    auto w = words_of(function);
    for (std::size_t i = 0; i < w.size(); ++i) {
        const std::string& x = w[i];
        const std::string next = i + 1 < w.size() ? w[i + 1] : std::string();
        if (x == "surgery" || x == "surgeries" || x == "surgical") return "surgery";
        if (starts_with(x, "radiotherap")) return "radiotherapy";
        if (starts_with(x, "abortion") ||
            (x == "termination" && i + 2 < w.size() && w[i + 1] == "of" &&
             starts_with(w[i + 2], "pregnanc")) ||
            (x == "pregnancy" && next == "termination"))
            return "termination of pregnancy";
        if (starts_with(x, "endoscop")) return "endoscopy";
        if (x == "class" && (next == "4" || next == "iv") && i + 2 < w.size() &&
            starts_with(w[i + 2], "laser"))
            return "class 4 laser treatments";
        if (x == "invasive" && (i == 0 || w[i - 1] != "non")) return "invasive treatments";
        if (x == "emergency" && starts_with(next, "ambulance"))
            return "emergency ambulance services";
    }
    return std::nullopt;
}

} // namespace poolkit
