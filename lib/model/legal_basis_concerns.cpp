#include "model/legal_basis_concerns.hpp"

#include "model/legal_basis.hpp"

#include <fmt/format.h>

namespace poolkit {

std::vector<LegalBasisConcern> legal_basis_concerns(std::string_view legal_basis,
                                                    const std::vector<Partner>& partners) {
    std::vector<LegalBasisConcern> out;
    if (legal_basis.empty()) return out;
    auto lb = recognise_legal_basis(legal_basis);
    if (!lb) {
        std::string names;
        for (auto k : known_legal_bases())
            names += (names.empty() ? "" : ", ") + std::string(k);
        out.push_back(
            {"unknown-legal-basis",
             fmt::format("the legal basis \"{}\" is not one poolkit knows ({}): check it is right, "
                         "as its rules cannot be checked",
                         legal_basis, names),
             fmt::format("The legal basis \"{}\" is not one poolkit knows.", legal_basis),
             "poolkit cannot check the agreement against its rules (who may be a "
             "partner, whether it allows a pooled fund, which functions are excluded), "
             "and an agreement made under the wrong power may be unlawful.",
             "Cite the Act and section exactly (e.g. \"NHS Act 2006 s75\"); "
             "config/legal-bases.toml lists the ones poolkit knows."});
        return out;
    }
    if (!lb->repealed_by.empty())
        out.push_back(
            {"repealed-legal-basis",
             fmt::format("{} is repealed (now {}): an agreement made today should cite {}",
                         lb->name, lb->repealed_by, lb->repealed_by),
             fmt::format("The legal basis, {}, is repealed; it is now {}.", lb->name,
                         lb->repealed_by),
             fmt::format("An agreement cannot be made today under a repealed power. An old "
                         "agreement that still runs under it is read as made under {}, whose rules "
                         "poolkit checks, but its text may not match them.",
                         lb->repealed_by),
             fmt::format("Vary the agreement to cite {} and check its terms against it.",
                         lb->repealed_by)});
    if (lb->nhs_bodies_only)
        for (const auto& p : partners)
            if (p.sector != Sector::nhs) {
                out.push_back(
                    {"nhs-bodies-only",
                     fmt::format("{} provides for joint working between NHS bodies, but partner {} "
                                 "has sector \"{}\": check the legal basis",
                                 lb->name, p.id, sector_name(p.sector)),
                     fmt::format("The legal basis, {}, is joint working between NHS bodies, but {} "
                                 "has sector \"{}\".",
                                 lb->name, partner_label(p), sector_name(p.sector)),
                     "A partner the power does not cover cannot lawfully take part in the "
                     "arrangement under it.",
                     "With a local authority partner, NHS Act 2006 s75 is the usual basis; "
                     "otherwise check the partner's sector."});
                break;
            }
    return out;
}

} // namespace poolkit
