// The legal bases an agreement may cite (SPEC §3) and what each allows, and the NHS functions that
// may not be part of partnership arrangements (SPEC §3; DOMAIN-NOTES §1.6, SI 2000/617 reg 5 and
// SI 2000/618). The agreement's `legal_basis` is free text: recognise_legal_basis() finds the Act
// and section in it ("NHS Act 2006 s75", "section 75 of the NHS Act 2006", "s.75 NHS Act 2006").
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace poolkit {

struct LegalBasis {
    std::string_view name;               // canonical: "NHS Act 2006 s75"
    bool allows_pool = true;             // false: one-way payments only (s256, s76, s28A)
    bool needs_nhs_and_la = false;       // partnership arrangements between NHS bodies and LAs
    bool excludes_nhs_functions = false; // the excluded NHS functions may not be in it
    bool nhs_bodies_only = false;        // s65Z5 joint working between NHS bodies
    std::string_view repealed_by;        // non-empty: repealed, and what replaced it
    std::string_view sectors;            // who may be a party, in words: "nhs and local_authority"
    std::string_view meaning;            // what it allows, in plain English, for --explain
    std::string_view source;             // where that comes from (DOMAIN-NOTES.md citations)
};

// The legal basis named in `text`, or nullopt when it is none of the known ones.
std::optional<LegalBasis> recognise_legal_basis(std::string_view text);

// The canonical names of every known legal basis, for messages.
std::vector<std::string_view> known_legal_bases();

// Every known legal basis with what it allows, in the order of SPEC §3's list. config/
// legal-bases.toml documents the same table; a unit test keeps the two in step.
std::vector<LegalBasis> legal_bases();

// The NHS functions excluded from partnership arrangements, as excluded_nhs_function() names them.
std::vector<std::string_view> excluded_nhs_functions();

// The excluded NHS function that a scheme's `function` text names ("surgery", "endoscopy", ...),
// or nullopt. Matching is by words, case-insensitive ("Day-case surgery" names surgery,
// "non-invasive monitoring" names nothing).
std::optional<std::string_view> excluded_nhs_function(std::string_view function);

} // namespace poolkit
