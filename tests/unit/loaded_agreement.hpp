// Agreements for unit tests, made the only way an Agreement is made: by the loader from TOML text
// (SPEC §3). A test that needs a shape states it in TOML; a text the loader refuses fails the test
// with the loader's own diagnostics.
#pragma once

#include "model/agreement.hpp"
#include "readers/agreement_loader.hpp"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

namespace poolkit::test {

inline Agreement loaded_agreement(std::string_view toml_text) {
    AgreementLoad l = load_agreement_text(toml_text, "test.toml");
    for (const auto& d : l.diagnostics.items)
        if (d.severity == Severity::error)
            FAIL_CHECK("test.toml:" << d.where.line << ":" << d.where.column << ": " << d.message);
    REQUIRE(l.agreement);
    return std::move(*l.agreement);
}

} // namespace poolkit::test
