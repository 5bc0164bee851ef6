// Splits £100.00 over three equal weights with the installed poolkit, and checks an agreement
// given as text: what a downstream program would do with the library.
#include "money/allocation.hpp"
#include "readers/agreement_loader.hpp"
#include "support/version.hpp"

#include <iostream>
#include <vector>

int main() {
    using poolkit::Money;
    const std::vector<Money> weights(3, Money::from_pence(1));
    const auto parts = poolkit::allocate(Money::from_pence(10000), weights);
    std::cout << "poolkit " << poolkit::poolkit_version << ":";
    for (Money m : parts)
        std::cout << ' ' << poolkit::format_plain(m);
    auto load = poolkit::load_agreement_text("[agreement]\nid = \"<AGREEMENT-ID>\"\n", "a.toml");
    std::cout << "\nerrors: " << load.diagnostics.error_count() << '\n';
    return load.agreement ? 1 : 0;
}
