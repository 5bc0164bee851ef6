// The identities a calculation re-checks on every run (SPEC §7: "checked on every run"). A failure
// is a bug in poolkit, never a finding about the input: Error(invariant), naming the statement and
// the identity, with both figures.
#pragma once

#include "money/money.hpp"
#include "support/error.hpp"

#include <string>
#include <string_view>

namespace poolkit {

// Throws Error(invariant): "<statement> does not reconcile: <what>".
[[noreturn]] void identity_broken(std::string_view statement, const std::string& what);

// identity_broken(statement, "<what>: <got> where <want> was expected") unless got == want.
void expect_identity(Money got, Money want, std::string_view statement, const std::string& what);

// The two above for one statement, so its checks read check.expect_equal(got, want, "what").
struct IdentityChecks {
    std::string_view statement;
    [[noreturn]] void broken(const std::string& what) const { identity_broken(statement, what); }
    void expect_equal(Money got, Money want, const std::string& what) const {
        expect_identity(got, want, statement, what);
    }
};

} // namespace poolkit
