// Spending dated outside a scheme's life (SPEC §14): after a variation closed it ("no budget
// after" its last period), or before the period a variation added it from. The lines stay in
// the actuals, so every penny is still accounted for, but they are a finding: the partner must
// recode them, or the partners vary the agreement.
#pragma once

#include "model/actuals.hpp"
#include "model/agreement.hpp"

#include <cstdint>
#include <vector>

namespace poolkit {

struct SpendOutsideTerm {
    SchemeIndex scheme{};
    bool after_close = false; // true: from closed_from on; false: before added_from
    Period from = Period::first(), to = Period::first(); // the first and last dated with lines
    std::uint64_t lines = 0;
    Money amount;
};

// For each scheme of `a` (as varied) with spending in periods outside its life, to the end of
// `through`: the lines and amount dated after its close, then those before its start, in
// [[scheme]] order. Empty when every scheme's spending falls in its life.
std::vector<SpendOutsideTerm> spend_outside_term(const Agreement& a, const Actuals& act,
                                                 Period through);

} // namespace poolkit
