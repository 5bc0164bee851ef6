// The parts of pool-check --explain (writers/explain.hpp), one function a section of the
// document, shared by the files that write them: the terms (explain_terms.cpp), the risk share
// (explain_risk_share.cpp) and the whole with its findings (explain.cpp).
#pragma once

#include "model/agreement.hpp"
#include "money/money_words.hpp"
#include "writers/document.hpp"

#include <string>

namespace poolkit::explain_parts {

// "£1,234.56": an amount in prose. A negative one keeps display's brackets: "£(1,234.56)".
inline std::string pounds(Money m) {
    return poolkit::pounds(m, SignStyle::brackets);
}

// `part` as a percentage of `whole` to 2 decimals; "-" when `whole` is not positive.
std::string percent(Money part, Money whole);

void what_it_is(Document& d, const Agreement& a);
void legal_basis(Document& d, const Agreement& a);
void partners(Document& d, const Agreement& a);
void hosting(Document& d, const Agreement& a);
void contributions(Document& d, const Agreement& a);
void schemes(Document& d, const Agreement& a);
void risk_share(Document& d, const Agreement& a);
void schedule(Document& d, const Agreement& a);
void monitoring(Document& d, const Agreement& a);

} // namespace poolkit::explain_parts
