#include "calc/identity_check.hpp"

namespace poolkit {

void identity_broken(std::string_view statement, const std::string& what) {
    throw Error(ErrorKind::invariant, std::string(statement) + " does not reconcile: " + what);
}

void expect_identity(Money got, Money want, std::string_view statement, const std::string& what) {
    if (got != want)
        identity_broken(statement, what + ": " + format_plain(got) + " where " +
                                       format_plain(want) + " was expected");
}

} // namespace poolkit
